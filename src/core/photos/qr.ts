import type { PhotoInfo } from './types';

export function decodeQrLinks(bytes: Uint8Array, info: PhotoInfo): string[] {
  void bytes;
  void info;
  throw new Error('not yet');
}
