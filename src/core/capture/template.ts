/**
 * Heading templates such as `### {title} - {speakers}, {company}`: placeholders in braces,
 * literal text between them. A placeholder whose value is empty drops out together with the
 * separator that joins it to its neighbour, so `{title} - {speakers}, {company}` gives
 * `Title - Ada, Acme`, `Title - Ada`, `Title - Acme` or `Title` and never `Title - , Acme`.
 */

export type TemplateValues = Record<string, string | undefined>;

interface Piece {
  literal: string;
  name: string | null;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function pieces(template: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push({ literal: template.slice(at, m.index), name: m[1] });
    at = m.index! + m[0].length;
  }
  out.push({ literal: template.slice(at), name: null });
  return out;
}

/** The placeholder names a template uses, in order. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills `template`. Rules for empty values (undefined, or only white space):
 * - the text before the first placeholder (`### `) always stays;
 * - between two kept placeholders stands the separator that followed the first of them;
 * - the text after the last placeholder stays only when that placeholder is kept.
 * Unknown placeholders count as empty. White space runs inside the result collapse to one
 * space (values never bring line breaks: they are turned into spaces) and the end is trimmed.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const list = pieces(template);
  const prefix = list[0].literal;
  const slots = list.slice(0, -1).map((p, i) => ({
    name: p.name!,
    // the literal that follows this placeholder: the next piece's leading literal
    after: list[i + 1].literal,
  }));
  const clean = (v: string | undefined) => (v ?? '').replace(/[\r\n]+/g, ' ').trim();
  const kept = slots.map((s) => ({ ...s, value: clean(values[s.name]) })).filter((s) => s.value !== '');
  let out = prefix;
  kept.forEach((s, i) => {
    out += s.value;
    if (i < kept.length - 1) out += s.after;
  });
  const last = slots[slots.length - 1];
  if (last && clean(values[last.name]) !== '') out += last.after;
  // Keep the heading marks and their space (`### `) as they are; tidy the rest.
  const lead = /^#{1,6}[ \t]+/.exec(out)?.[0] ?? '';
  return (
    lead +
    out
      .slice(lead.length)
      .replace(/[ \t]{2,}/g, ' ')
      .trim()
  );
}
