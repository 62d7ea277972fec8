import type { PhotoInfo, PhotoKind, ReadPhotoOptions } from './types';

/** Files above this are refused ("too large"): 100 MB, far above any phone photo (a 48 MP HEIC is ~10 MB). */
export const MAX_PHOTO_BYTES = 100 * 1024 * 1024;

export function photoKind(bytes: Uint8Array): PhotoKind {
  void bytes;
  throw new Error('not yet');
}

export function hashBytes(bytes: Uint8Array): string {
  void bytes;
  throw new Error('not yet');
}

export function readPhoto(file: string, bytes: Uint8Array, options: ReadPhotoOptions): Promise<PhotoInfo> {
  void file;
  void bytes;
  void options;
  return Promise.reject(new Error('not yet'));
}
