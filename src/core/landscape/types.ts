/** The bundled landscape index: facts only (see scripts/build-landscape.ts and NOTICE). */

export type Maturity = 'graduated' | 'incubating' | 'sandbox' | 'archived';

export interface LandscapeEntry {
  /** Name as the landscape writes it (`OpenTelemetry`, `cert-manager`). */
  name: string;
  homepage: string | null;
  repo: string | null;
  /** CNCF maturity; null for landscape entries that are not CNCF projects. */
  maturity: Maturity | null;
  category: string;
  subcategory: string;
  /** Other names people write: derived from the repository name, the homepage host, spacing/hyphen variants. */
  aliases: string[];
  /**
   * Those of `name` and `aliases` that are ordinary words (`Flux`, `Helm`, `Score`, `Cert manager`):
   * they match only in the project's own capitalisation, never in lower case, never as a plain word.
   */
  ordinary?: string[];
  /** Dictionary words within typo distance of a distinctive name: never reported as typos of it. */
  nearWords?: string[];
  /** When the CNCF accepted the project (`2016-03-10`): the earlier, the more widely known; completion ranks by it. */
  accepted?: string;
}

export interface LandscapeIndexFile {
  /** Format version of this file. */
  version: 1;
  source: { url: string; commit?: string; generated: string };
  entries: LandscapeEntry[];
}
