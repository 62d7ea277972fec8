/**
 * Slide photos (issue 21): the data the core reads from a photo, the talk windows it places
 * photos in, the plan it proposes, and the options of each step. Pure data; no `vscode`, no
 * Node built-in. Paths are `/`-separated; lines are 1-based.
 */

/** What the bytes are, by magic bytes (never by the file's name). */
export type PhotoKind = 'jpeg' | 'png' | 'heic' | 'webp' | 'other';

/** What `readPhoto` learns from a photo's bytes. */
export interface PhotoInfo {
  /** The file as the caller named it (a path or a name); only shown, never used as a target. */
  file: string;
  kind: PhotoKind;
  /** Size of the file in bytes. */
  size: number;
  /** Pixel size as stored (before orientation), null when unknown. */
  width: number | null;
  height: number | null;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  /**
   * Capture time as ISO 8601 with its UTC offset (`2026-03-24T14:32:10+01:00`), null when the
   * photo has none. Without OffsetTimeOriginal it is read in `ReadPhotoOptions.timeZone`.
   */
  taken: string | null;
  /** The same instant in ms since the epoch, null when none. */
  takenMs: number | null;
  /** Whether the photo said its own offset (OffsetTimeOriginal); false when read in a zone. */
  offsetKnown: boolean;
  /** Content hash of the bytes (FNV-1a 64, 16 hex digits): duplicates by content. */
  hash: string;
  /** Why the photo cannot be used (too large, unreadable: …, not an image), else null. */
  problem: string | null;
}

export interface ReadPhotoOptions {
  /** IANA zone for a capture time without offset (the schedule's, else the machine's). */
  timeZone: string;
  /** Refuse files larger than this (bytes); default `MAX_PHOTO_BYTES`. */
  maxBytes?: number;
}

/** A talk's start and end as Start Talk Now / End Talk recorded them (the editor remembers these). */
export interface TalkTimes {
  /** The talk heading's text as written (without `#`s) or its title: matched against the note's talks. */
  heading: string;
  /** ISO 8601 instant. */
  start: string;
  /** ISO 8601 instant, null while the talk runs (or End Talk never ran). */
  end: string | null;
}

/** Where a talk's time window came from, in the order they are tried. */
export type WindowSource = 'schedule' | 'timer' | 'heading';

/** Why a row goes under its talk: a window (by capture time) or the user's choice in the preview. */
export type PlacementSource = WindowSource | 'chosen';

/** The time a talk ran, in ms since the epoch. */
export interface TalkWindow {
  /** 1-based line of the talk heading. */
  line: number;
  title: string;
  start: number;
  /** End including the grace after a session's end; null: until the next talk starts (or open). */
  end: number | null;
  source: WindowSource;
}

export interface WindowOptions {
  /** The note's schedule (sessions matched by `[Session page](url)` line or by title). */
  schedule?: import('../schedule/model').Schedule | null;
  /** Start Talk Now / End Talk times of this note. */
  talkTimes?: readonly TalkTimes[];
  /** Zone of the heading times (`### 14:30 Title`): the schedule's, else the machine's. */
  timeZone: string;
  /** Minutes after an end that still count (questions). Default `DEFAULT_GRACE_MINUTES`. */
  graceMinutes?: number;
  /** Passed to the notes model (talkCapture.dayHeadingPattern). */
  dayHeadingPattern?: string;
  /** The note's file name (for a note without day headings: `day2.md`). */
  fileName?: string;
}

/** Where images are written and how they are linked, for one note. */
export interface PhotoFolder {
  /** Folder of the images relative to the note's folder (`images`, `../../static/images/kubecon`). */
  folder: string;
  /** What the Markdown link starts with (`images/`, `/images/kubecon/`). */
  linkPrefix: string;
}

export interface FolderOptions {
  /**
   * The Hugo site root relative to the note's folder (`../..`), found by the caller walking up to
   * a folder with one of `SITE_ROOT_MARKERS` (see `ancestorFolders`); null when none.
   */
  siteRoot?: string | null;
  /**
   * The folder setting (like `markdown.copyFiles.destination`): relative to the note's folder, or
   * to the workspace with a leading `/`; variables `${documentBaseName}`, `${documentDirName}`,
   * `${documentFileName}`, `${documentExtName}`, `${postSlug}`. Empty: the Hugo rules.
   */
  destination?: string;
  /** The note's path relative to the workspace folder, for a destination with a leading `/`. */
  workspacePath?: string;
}

/** A photo assigned by the user in the preview: a talk line, or null to leave it out. */
export type PhotoAssignment = Readonly<Record<string, number | null>>;

export interface PlanOptions extends WindowOptions, FolderOptions {
  /** The note's path (`content/posts/kubecon.md` or `…/index.md`); only its last parts are read. */
  notePath: string;
  /** File names already in the target folder: never overwritten, numbering skips them. */
  existingNames?: Iterable<string>;
  /** Hashes (`hashBytes`) of images already linked in the post: "already in the post". */
  existingHashes?: Iterable<string>;
  /** The user's choices from the preview, keyed by `PhotoInfo.file`. */
  assign?: PhotoAssignment;
  /** QR links found on each photo (`decodeQrLinks`), keyed by `PhotoInfo.file`. */
  links?: Readonly<Record<string, readonly string[]>>;
  /** Maximum size in bytes (reason "too large"). Default `MAX_PHOTO_BYTES`. */
  maxBytes?: number;
  /** Tests: counts the steps of the placement (photos and window heap operations), to show it linear. */
  work?: { steps: number };
}

/** One row of the plan, in capture order (photos without a time last, in the order given). */
export interface PhotoRow {
  file: string;
  /** ISO 8601 with offset, or null. */
  taken: string | null;
  /** The talk it goes under; null when not placed. */
  talk: { line: number; title: string } | null;
  /** Why it is not placed (null when placed). */
  reason: string | null;
  /** Path the image is written to, relative to the note's folder; null when not placed. */
  target: string | null;
  /** The link destination written into the note (`images/x-01.jpg`, `/images/post/x-01.jpg`); null when not placed. */
  url: string | null;
  /** http(s) URLs decoded from QR codes on the photo (placed photos only). */
  links: string[];
  /** Where the talk's window came from (or `chosen` in the preview), null when not placed. */
  source: PlacementSource | null;
  /** The photo's hash (for the caller's bookkeeping). */
  hash: string;
}

export interface PhotoPlan {
  rows: PhotoRow[];
  windows: TalkWindow[];
  folder: PhotoFolder;
}

/** A QR link the user chose to add: `[from the slides](url)` in that talk. */
export interface ChosenLink {
  /** 1-based line of the talk heading. */
  talkLine: number;
  url: string;
}

export interface ProcessOptions {
  /** Long edge in pixels; 0 keeps the original size. Default `DEFAULT_MAX_EDGE`. */
  maxEdge?: number;
  /** Keep the metadata (GPS, serial, owner) as the phone wrote it. Default false. */
  keepMetadata?: boolean;
  /** JPEG quality 1..100 for a re-encoded photo. Default 85. */
  quality?: number;
}

/** The bytes to write for one photo. */
export interface ProcessedPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** True when the pixels were decoded and re-encoded (resized or orientation baked in). */
  reencoded: boolean;
  /** Why the photo cannot be written (HEIC, unreadable), else null: then `bytes` is empty. */
  problem: string | null;
}
