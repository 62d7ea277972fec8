/**
 * The one cache of note analyses: the analysis of the latest version of each document, keyed by
 * its URI, its version, a key of the settings that change it, the landscape index (by identity)
 * and the scope. Every feature asks it for the analysis of the version it looks at; asking again
 * for the same version, settings and landscape gives the same object, so each part is computed
 * once. A new landscape for the same version keeps the text's parts (blocks, model, inline scan).
 * The editor drops a document's entry when it closes; the CLI uses the analysis directly.
 */
import { NoteAnalysis, type AnalysisLandscape, type AnalysisSettings } from './noteAnalysis';

/** What identifies one version of one document. */
export interface AnalysisRequest {
  uri: string;
  version: number;
  /** The text of that version (read only when the cache has no analysis of it). */
  text: () => string;
  settings: AnalysisSettings;
  landscape?: AnalysisLandscape;
}

interface Entry {
  version: number;
  settingsKey: string;
  analysis: NoteAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  /** The analysis of the requested version: the cached one when version, settings and landscape are the same. */
  get(req: AnalysisRequest): NoteAnalysis {
    const settingsKey = JSON.stringify(req.settings);
    const hit = this.entries.get(req.uri);
    if (hit && hit.version === req.version && hit.settingsKey === settingsKey) {
      const a = hit.analysis;
      if (a.landscape?.index === req.landscape?.index && a.landscape?.scope === req.landscape?.scope) return a;
      hit.analysis = a.withLandscape(req.landscape);
      return hit.analysis;
    }
    // A new version of a document already analysed carries over what does not depend on the edit.
    const analysis = hit ? hit.analysis.nextVersion(req.text(), req.settings, req.landscape) : new NoteAnalysis(req.text(), req.settings, req.landscape);
    this.entries.set(req.uri, { version: req.version, settingsKey, analysis });
    return analysis;
  }

  /** Forgets a document (closed). */
  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets every document (settings changed). */
  clear(): void {
    this.entries.clear();
  }

  /** How many documents have an analysis. */
  get size(): number {
    return this.entries.size;
  }
}
