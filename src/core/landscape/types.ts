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
}

export interface LandscapeIndexFile {
  /** Format version of this file. */
  version: 1;
  source: { url: string; commit?: string; generated: string };
  entries: LandscapeEntry[];
}
