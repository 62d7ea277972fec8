import type { PhotoInfo, ProcessOptions, ProcessedPhoto } from './types';

export const DEFAULT_MAX_EDGE = 1600;

export function processPhoto(bytes: Uint8Array, info: PhotoInfo, options: ProcessOptions = {}): Promise<ProcessedPhoto> {
  void bytes;
  void info;
  void options;
  return Promise.reject(new Error('not yet'));
}
