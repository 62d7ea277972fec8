import type { PhotoInfo, PhotoPlan, PlanOptions } from './types';

export function talkSlug(title: string): string {
  void title;
  throw new Error('not yet');
}

export function planPhotos(text: string, photos: readonly PhotoInfo[], options: PlanOptions): PhotoPlan {
  void text;
  void photos;
  void options;
  throw new Error('not yet');
}
