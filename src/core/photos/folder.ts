import type { FolderOptions, PhotoFolder } from './types';

export const SITE_ROOT_MARKERS = ['static', 'hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yaml'] as const;

export function ancestorFolders(notePath: string): string[] {
  void notePath;
  throw new Error('not yet');
}

export function photoFolder(notePath: string, options: FolderOptions = {}): PhotoFolder {
  void notePath;
  void options;
  throw new Error('not yet');
}
