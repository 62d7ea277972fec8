/**
 * The front matter commands, without the editor: Toggle Draft, Set Date to Now and Sync Tags
 * from Linked Projects (also on save), each as core edits on the document's current text and
 * what to tell the person. A front matter that cannot be read or edited is refused with its
 * line and reason, and no edit. The editor applies the edits as one undo step and shows the
 * notices (src/vscode/features/frontMatterCommands.ts).
 */
import type { TextDocument, TextEdit } from '../core/document';
import { setDateNow, setDraft } from '../core/frontmatter/fields';
import { describeAdded, syncTags, type TagStyle } from '../core/frontmatter/tags';
import { linkedProjects } from '../core/landscape/linkedProjects';
import type { LandscapeIndex } from '../core/landscape/landscapeIndex';
import { messageOf } from '../core/util/errors';
import { plural } from '../core/util/plural';
import { loadLandscape } from './landscapeLoad';
import type { Analyses, LandscapeSource, Log } from './services';

interface FrontMatterSettings {
  /** talkCapture.tags.fields and talkCapture.tags.style of the note's URI. */
  tagSettings(uri: string): { fields: readonly string[]; style: TagStyle };
  /** The clock of Set Date to Now. */
  now(): Date;
}

export type FrontMatterServices = Analyses & LandscapeSource & FrontMatterSettings & { log: Log & { warn(message: string): void } };

/**
 * What to tell the person: a notification (`info`, `warning`, `error`), or a status bar message
 * shown for `ms` milliseconds, with the shorter `record` the tests read.
 */
export type Notice = { kind: 'info' | 'warning' | 'error'; message: string } | { kind: 'status'; message: string; record: string; ms: number };

/** A command's change on one version of the note. */
export interface FrontMatterChange {
  edits: TextEdit[];
  notice?: Notice;
  /** Say the notice only once the edits are applied (else always). */
  whenApplied?: boolean;
}

/** Sync Tags, ready to run: computes its change on the note as it is when applied. */
type TagSync = { refused: Notice } | { change(doc: TextDocument): FrontMatterChange };

const refused = (what: string, message: string): FrontMatterChange => ({
  edits: [],
  notice: { kind: 'error', message: `Talk Capture: cannot ${what}: ${message}. Nothing was changed.` },
});

export class FrontMatterCommands {
  constructor(private readonly services: FrontMatterServices) {}

  /** Toggle Draft: flips `draft` (adds `draft: true` when missing). */
  toggleDraft(doc: TextDocument): FrontMatterChange {
    const r = setDraft(doc.getText());
    if (!r.ok) return refused('toggle draft', r.message);
    return { edits: r.edits, notice: { kind: 'status', message: `Talk Capture: draft is now ${r.draft}`, record: `draft: ${r.draft}`, ms: 4000 }, whenApplied: true };
  }

  /** Set Date to Now: the local time with its offset, in the format the date is written in. */
  setDateNow(doc: TextDocument): FrontMatterChange {
    const r = setDateNow(doc.getText(), this.services.now());
    if (!r.ok) return refused('set the date', r.message);
    return { edits: r.edits, notice: { kind: 'status', message: `Talk Capture: date set to ${r.date}`, record: `date: ${r.date}`, ms: 4000 } };
  }

  /** Sync Tags from Linked Projects: refused when the index cannot be loaded or no field is set. */
  async syncTags(doc: TextDocument): Promise<TagSync> {
    const loaded = await loadLandscape(this.services);
    if ('error' in loaded) return { refused: { kind: 'error', message: `Talk Capture: the landscape index cannot be loaded (${loaded.error}); tags were not synced.` } };
    const settings = this.services.tagSettings(doc.uri);
    if (settings.fields.length === 0) return { refused: { kind: 'warning', message: 'Talk Capture: talkCapture.tags.fields is empty: there is no field to sync.' } };
    return { change: (d) => this.tagChange(d, loaded.index, settings) };
  }

  private tagChange(doc: TextDocument, idx: LandscapeIndex, settings: { fields: readonly string[]; style: TagStyle }): FrontMatterChange {
    const text = doc.getText();
    // The analysis of the version being edited: its links and its front matter, read once.
    const a = this.services.analysisOf(doc);
    const same = a.text === text;
    const projects = (same ? a.linked : linkedProjects(text, idx)).map((l) => l.entry);
    const linkedCount = new Set(projects.map((p) => p.name)).size;
    const r = syncTags(text, projects, { ...settings, lookup: (t) => idx.get(t), opened: same ? a.frontMatter : undefined });
    if (!r.ok) return refused('sync tags', r.message);
    if (r.added.length > 0) return { edits: r.edits, notice: { kind: 'info', message: `Talk Capture: added ${describeAdded(r.added)}.` }, whenApplied: true };
    const message =
      linkedCount === 0
        ? 'Talk Capture: the note links no landscape project yet (Link Project Mentions links them); nothing to add.'
        : `Talk Capture: ${settings.fields.join(' and ')} already name all ${plural(linkedCount, 'linked project')}.`;
    return { edits: [], notice: { kind: 'info', message } };
  }

  /**
   * The edits Sync Tags would make, for a save: none (and nothing said) when the index is not
   * there, the note links nothing or the front matter cannot be edited (that is logged).
   */
  async tagsOnSave(doc: TextDocument): Promise<FrontMatterChange> {
    try {
      const loaded = await loadLandscape(this.services);
      if ('error' in loaded) return { edits: [] };
      const idx = loaded.index;
      const a = this.services.analysisOf(doc);
      const projects = a.linked.map((l) => l.entry);
      if (projects.length === 0) return { edits: [] };
      const r = syncTags(a.text, projects, { ...this.services.tagSettings(doc.uri), lookup: (t) => idx.get(t), opened: a.frontMatter });
      if (!r.ok) {
        this.services.log.warn(`Sync tags on save skipped for ${doc.uri}: ${r.message}`);
        return { edits: [] };
      }
      if (r.added.length === 0) return { edits: [] };
      const message = `Talk Capture: added ${describeAdded(r.added)}.`;
      return { edits: r.edits, notice: { kind: 'status', message, record: message, ms: 6000 } };
    } catch (err) {
      this.services.log.error(`Sync tags on save failed: ${messageOf(err)}`);
      return { edits: [] };
    }
  }
}
