/**
 * Slide photos: read a photo's capture time, place it under the talk it was taken in, plan file
 * names and folders, write the Markdown lines, strip metadata and resize, decode QR links.
 * The public face of core/photos for the editor layer and the CLI.
 */
export type * from './types';
export { readPhoto, photoKind, hashBytes, photoHashes, tooLargeReason, MAX_PHOTO_BYTES, HEIC_REASON } from './read';
export { talkWindows, DEFAULT_GRACE_MINUTES } from './windows';
export { photoFolder, ancestorFolders, SITE_ROOT_MARKERS } from './folder';
export { planPhotos, talkSlug } from './plan';
export { photoEdits } from './edits';
export { processPhoto, DEFAULT_MAX_EDGE } from './process';
export { decodeQrLinks } from './qr';
