import type { TalkWindow, WindowOptions } from './types';

export const DEFAULT_GRACE_MINUTES = 10;

export function talkWindows(text: string, options: WindowOptions): TalkWindow[] {
  void text;
  void options;
  throw new Error('not yet');
}
