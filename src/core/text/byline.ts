/**
 * The one rule for people's names and bylines, used by the schedule readers (Sched summaries,
 * pretalx lists, Sessionize tag lines) and by the notes' talk headings (`### Title - Ana Lima,
 * Acme`). A byline is `;`-separated groups; inside a group, parts separated by `,`, `&` or `and`
 * are people, job titles (`Executive Director`), regions (`APAC`), departments and companies
 * (`Initech, Inc.` keeps its suffix). Each person keeps the company written after them:
 * `Ana Lima, Acme & Bo Chen, Initech`, `Ana Lima & Bo Chen, Acme`, `Jane Doe, CTO, Hooli`.
 * When a byline does not fit these shapes it is refused (undefined) and no speakers are
 * guessed. Names are never split inside (`Jo (JJ) Park`, `Ana DE LA CRUZ`).
 *
 * Linear: one scan splits a byline into parts, each part is read once; no regular expression
 * here has an ambiguous repetition.
 */
import { NOT_NAME_WORDS } from './words';
import { GIVEN_NAMES } from './givenNames';

/** Speakers who share a company (one group of a byline). */
export interface SpeakerGroup {
  speakers: string[];
  company: string | null;
}

export interface BylineParts {
  speakers: string[];
  companies: string[];
  groups: SpeakerGroup[];
}

export interface BylineOptions {
  /** Lower-case names too (`by tamao nakahara` in a heading someone typed). */
  lenient?: boolean;
  /**
   * A talk heading's byline after ` - `: its first person's surname may be a word of titles
   * (`Ada Example, Example Corp`) when the shape is clearly `First Last`, a known given name first,
   * and a company or another person follows (`Deep Dive - Max Scale` alone stays a title).
   */
  titleWordSurname?: boolean;
  /** Counts the work done (characters and parts looked at), for the tests of linearity. */
  work?: { steps: number };
}

const PARTICLES = new Set('van de von der den da das di do dos du del della la le ter ten bin binti al el y e af zu st. ibn bint mac'.split(' '));

/** Words that are never in a person's name: small words, and words of talk titles. */
const STOP_WORDS = new Set([
  ...NOT_NAME_WORDS,
  ...(
    'where who we you vs. part day session demo q&a tbd tba hard easy next again used using use query language and design default example accident ' +
    'hand now scale scaling building build native project updates introduction kubernetes k8s observability deep dive various maintainers team ' +
    'everyone panel keynote welcome remarks opening closing'
  ).split(' '),
]);

/** Words of job titles (`CTO`, `VP Engineering`, `Executive Director`, `Developer Advocate`). */
const ROLE_WORDS = new Set(
  (
    'cto ceo cfo coo cio ciso cmo cpo cso cro vp svp evp avp gm md president vice-president director engineer engineering manager founder co-founder ' +
    'cofounder chief head lead principal officer architect fellow chair chairperson co-chair maintainer maintainers developer advocate evangelist ' +
    'researcher scientist consultant executive partner professor student strategist specialist analyst member owner distinguished senior staff sr ' +
    'technologist program programs product marketing operations ambassador board sre devops devrel intern contributor committer steward ' +
    'administrator admin coordinator leader liaison editor author emeritus'
  ).split(' '),
);

/** Words that make a part a company or a department, never a person (`Example Global Tech`, `Umbrella Labs`). */
const ORG_WORDS = new Set(
  (
    'inc inc. llc ltd ltd. gmbh ag corp corp. corporation company co. labs lab cloud clouds hat research technologies technology tech systems ' +
    'software foundation university universität universidad université institute institut group bank networks network networking solutions ' +
    'consulting security services global data digital ai io computing analytics infrastructure platform platforms innovation innovations ' +
    'center centre college school academy agency government ministry council association society community alliance consortium initiative office ' +
    'enterprises enterprise industries international interactive media studio studios works ventures holdings partners telecom telekom ' +
    'communications mobile games logistics insurance financial finance health healthcare energy motors automotive electronics semiconductor ' +
    'open source independent freelance freelancer self-employed ecosystem ecosystems strategy relations devops sig wg cncf linux apache ' +
    'microsoft google amazon aws ibm intel nvidia oracle vmware cisco apple meta'
  ).split(' '),
);

/** Company suffixes written after a comma (`Initech, Inc.`, `Globex Co., Ltd.`): part of the company. */
const COMPANY_SUFFIXES = new Set(
  'inc inc. incorporated llc l.l.c. ltd ltd. limited gmbh ag sa s.a. s.a.s. sas sarl s.r.l. srl spa s.p.a. bv b.v. nv n.v. plc corp corp. co co. kg oy ab as a/s asa se pty pty. pty ltd pty. ltd. llp lp kk k.k. bhd sdn bhd'.split(
    ' ',
  ),
);

/** Regions after a job title (`Chief Technology Officer, APAC`): not a company, not a person. */
const REGIONS = new Set(
  (
    'apac|emea|amer|americas|latam|anz|dach|nordics|benelux|mea|eu|us|usa|uk|na|global|worldwide|europe|asia|africa|oceania|japan|china|india|' +
    'korea|germany|france|brazil|canada|australia|north america|south america|latin america|asia pacific|asia-pacific|middle east|greater china|' +
    'emea & apac|the americas|northern europe|southern europe|western europe|eastern europe|central europe'
  ).split('|'),
);

/**
 * The words a name never holds (small words, title words, job-title and company words), lower
 * case, sorted: the TextMate grammar holds the same list to colour the same bylines.
 */
export function notNameWords(): string[] {
  return [...new Set([...STOP_WORDS, ...ROLE_WORDS, ...ORG_WORDS])].sort();
}

/** The particles that may stand lower case inside a name (`van der`), sorted. */
export function nameParticles(): string[] {
  return [...PARTICLES].sort();
}

/** Whether a part of a byline is a job title (`CTO`, `VP Engineering`, `Executive Director`). */
export function isJobTitle(part: string): boolean {
  // Role words are ASCII: other letters may as well separate words here.
  for (const w of part.toLowerCase().split(/[^a-z-]+/)) if (w && ROLE_WORDS.has(w)) return true;
  return false;
}

/** `APAC`, `North America`: a region after a job title. */
export function isRegion(part: string): boolean {
  return REGIONS.has(part.toLowerCase());
}

/** `Inc.`, `Ltd.`, `GmbH`: a company suffix written after a comma. */
export function isCompanySuffix(part: string): boolean {
  return COMPANY_SUFFIXES.has(part.toLowerCase());
}

/** Holds a nickname's words together while a name is split into words. */
const JOINER = '\u2060';
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’.-]*$/u;
const NICKNAME = /^(?:\([\p{L}\p{M}'’. -]+\)|["“'‘][\p{L}\p{M}'’.-]+["”'’])$/u;
const CAPITAL = /^[("“'‘]?(?:\p{Lu}|\p{Lo})/u;
/** `solo.io`, `example.com`: a domain, a company. */
const DOMAIN = /\.(?:io|com|dev|ai|org|net|co|cloud|tech|sh)$/i;

function wordsOf(t: string): string[] {
  // Keep a parenthesised nickname as one word even with a space inside: `Jo (J J) Park`.
  return t.includes('(')
    ? t
        .replace(/\([^()]{0,30}\)/g, (m) => m.replace(/\s+/g, JOINER))
        .split(/\s+/)
        .map((w) => w.split(JOINER).join(' '))
    : t.split(/\s+/);
}

/**
 * Whether `text` reads as one person's name: one to six name words (letters, marks,
 * apostrophes, dots, hyphens; a nickname in parentheses or quotes), at most four besides
 * particles (`van der`), at least one of them capitalised or uncased (CJK) unless `lenient`; no
 * particle-only names, no job titles, no company or title words, no digits.
 */
export function isPersonName(text: string, lenient = false): boolean {
  const t = text.trim();
  if (!t || t.length > 70) return false;
  const words = wordsOf(t);
  if (words.length > 6) return false;
  let named = 0;
  let capital = false;
  for (const w of words) {
    const lower = w.toLowerCase();
    if (ROLE_WORDS.has(lower.replace(/\.$/, '')) || ORG_WORDS.has(lower)) return false;
    if (PARTICLES.has(lower)) continue;
    named++;
    if (STOP_WORDS.has(lower) || DOMAIN.test(w)) return false;
    const c = w[0];
    const nick = c === '(' || c === '"' || c === '“' || c === "'" || c === '‘';
    if (!(nick ? NICKNAME : NAME_WORD).test(w)) return false;
    capital ||= CAPITAL.test(w);
  }
  if (named === 0 || named > 4) return false;
  // `IBM Research`, `NTT Data`: an acronym first is a company (initials such as `JJ Park` are two letters).
  if (words.length > 1 && /^\p{Lu}{3,}$/u.test(words[0]) && words.some((w) => /\p{Ll}/u.test(w))) return false;
  return capital || lenient;
}

/** One part of a group, with what separated it from the part before. */
interface Part {
  text: string;
  sep: ',' | '&' | '';
}

type Kind = 'name' | 'role' | 'region' | 'org';

/** The parts of a group in one scan: `,` and ` & ` / ` and ` separate; spaces are already single. */
function partsOf(group: string, work?: { steps: number }): Part[] | undefined {
  const parts: Part[] = [];
  let start = 0;
  let sep: Part['sep'] = '';
  const push = (end: number, next: Part['sep'], skip: number) => {
    const text = group.slice(start, end).trim();
    parts.push({ text, sep });
    sep = next;
    start = end + skip;
  };
  for (let i = 0; i < group.length; i++) {
    const c = group.charCodeAt(i);
    if (c === 44 /* , */) push(i, ',', 1);
    else if (c === 32 && group.charCodeAt(i + 2) === 32 && group[i + 1] === '&') push(i, '&', 3);
    else if (c === 32 && group.charCodeAt(i + 4) === 32 && group.slice(i + 1, i + 4).toLowerCase() === 'and') push(i, '&', 5);
  }
  push(group.length, '', 0);
  if (work) work.steps += group.length + parts.length;
  return parts.some((p) => p.text === '') ? undefined : parts;
}

/** `王小明`, `김민준`: a CJK name is written without spaces, in two to four characters. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;

/** The small words of words.ts: never a surname, even after a given name. */
const SMALL_WORDS = new Set(NOT_NAME_WORDS);
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/**
 * `Ada Example`: a known given name, then one capitalised word of titles (`Example`, `Hand`; not a
 * small word such as `The`), which {@link isPersonName} refuses.
 */
function isGivenNameAndTitleWord(text: string): boolean {
  const words = text.split(' ');
  if (words.length !== 2 || !CAPITALISED.test(words[0]) || !CAPITALISED.test(words[1])) return false;
  const surname = words[1].toLowerCase();
  return GIVEN_NAMES.has(words[0].toLowerCase()) && STOP_WORDS.has(surname) && !SMALL_WORDS.has(surname);
}

/** A person's name, or the first name of a part (`Priya Raman`), says "person" for sure. */
function startsWithGivenName(text: string): boolean {
  const first = text.split(' ', 1)[0].toLowerCase();
  return GIVEN_NAMES.has(first);
}

/**
 * One group (no `;`): `A & B, Org`, `A, B, C & D, Org`, `A, Org & B, Org2`, `Name, CTO, Org &
 * Name2, VP, Org2`, `A, B, C & D`, `A, Org & B`.
 */
function splitGroup(group: string, options: BylineOptions): Array<{ group: SpeakerGroup; companies: string[] }> | undefined {
  const { work } = options;
  const lenient = options.lenient ?? false;
  /** The first of several parts names a person (a title word may be the surname where the options allow). */
  const firstIsPerson = (text: string) => isPersonName(text, lenient) || (options.titleWordSurname === true && isGivenNameAndTitleWord(text));
  const raw = partsOf(group, work);
  if (!raw) return undefined;
  // Company suffixes stay with their company: `Initech, Inc.`, `Globex Co., Ltd.`, `Acme GmbH & Co. KG`.
  const parts: Part[] = [];
  for (const p of raw) {
    const prev = parts[parts.length - 1];
    if (prev && p.sep === ',' && isCompanySuffix(p.text)) prev.text += `, ${p.text}`;
    else if (prev && p.sep === '&' && /^Co\.? KG$/i.test(p.text)) prev.text += ` & ${p.text}`;
    else parts.push({ ...p });
  }
  if (parts.length === 1) {
    // A lone word could be a person or a company (`Title - Acme`): a person when it is a known
    // given name (`Title - Ada`) or a CJK name.
    const text = parts[0].text;
    if (!isPersonName(text, lenient) || (!/\s/.test(text) && !startsWithGivenName(text) && !CJK_NAME.test(text))) return undefined;
    return [{ group: { speakers: [parts[0].text], company: null }, companies: [] }];
  }
  const kinds: Kind[] = [];
  for (let i = 0; i < parts.length; i++) {
    const { text, sep } = parts[i];
    if (work) work.steps += text.length;
    const prev = kinds[i - 1];
    const next = parts[i + 1];
    let kind: Kind;
    if (i === 0) {
      if (!firstIsPerson(text)) return undefined;
      kind = 'name';
    } else if (isRegion(text)) kind = 'region';
    else if (isJobTitle(text)) kind = 'role';
    else if (!isPersonName(text, lenient)) kind = 'org';
    else if (sep === ',' && (prev === 'role' || prev === 'region')) {
      // `Jane Doe, CTO, Giant Swarm`; unless a title follows: `…, Acme, John Roe, VP, Initech`.
      kind = next && next.sep === ',' && isJobTitle(next.text) ? 'name' : 'org';
    } else if (!/\s/.test(text)) {
      // One word: `Ada & Linus` are people, `Jo Park, Acme` a person and a company.
      kind = startsWithGivenName(text) || CJK_NAME.test(text) || (sep === '&' && prev === 'name') ? 'name' : 'org';
    } else if (sep === '&' || startsWithGivenName(text)) kind = 'name';
    else if ((next && next.sep === ',') || (prev === 'name' && parts[i - 1].sep === ',' && kinds[i - 2] === 'name')) {
      // A list goes on (`A B, C D, E F & G H`), or a title follows (`…, John Roe, VP, Initech`).
      kind = 'name';
    } else {
      // `Jo Park, Giant Swarm` (end), `Ana Lima, Giant Swarm & Bo Chen, Acme` (before `&`).
      kind = 'org';
    }
    kinds.push(kind);
  }
  // People in a row, then what follows them: titles, regions, departments, companies.
  const blocks: Array<{ speakers: string[]; orgs: string[]; titled: boolean }> = [];
  let current: (typeof blocks)[number] | undefined;
  for (let i = 0; i < parts.length; i++) {
    const { text } = parts[i];
    if (kinds[i] === 'name') {
      if (!current || current.orgs.length > 0 || current.titled) {
        current = { speakers: [], orgs: [], titled: false };
        blocks.push(current);
      }
      current.speakers.push(text);
    } else if (kinds[i] === 'org') {
      if (text.length > 80) return undefined;
      current!.orgs.push(text);
    } else current!.titled = true;
  }
  return blocks.map((b) => {
    // After a job title the last company-like part is the company (`Jane Doe, Executive Director,
    // Cloud and Infrastructure, Example Foundation`); else every one is, but a department made of
    // common words only (`Jane Doe, Data & AI, Initech`).
    const last = b.orgs.length - 1;
    const companies = b.titled ? b.orgs.slice(last) : b.orgs.filter((o, k) => k === last || !isGenericPhrase(o));
    return { group: { speakers: b.speakers, company: companies.length ? companies.join(', ') : null }, companies };
  });
}

/** `Cloud`, `Data`, `Platform Engineering`: words of departments only, no name of a company. */
function isGenericPhrase(text: string): boolean {
  return text
    .toLowerCase()
    .split(' ')
    .every((w) => ORG_WORDS.has(w) || STOP_WORDS.has(w) || ROLE_WORDS.has(w));
}

/** Collapses white space (no-break spaces and line breaks too) and trims, in one pass. */
function singleSpaced(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Speakers, companies and their groups of a byline (`Ana Lima & Bo Chen, Acme; Cy Diaz,
 * Initech`, `Jane Doe, Executive Director, Example Foundation & John Roe, CTO, Acme Corp`);
 * undefined when it does not fit the known shapes (keep it whole then).
 */
export function splitByline(byline: string, options: BylineOptions = {}): BylineParts | undefined {
  if (byline.length > 2000) return undefined;
  const text = singleSpaced(byline);
  if (!text || text.length > 1000) return undefined;
  if (options.work) options.work.steps += byline.length;
  const groups: SpeakerGroup[] = [];
  const speakers: string[] = [];
  const companies: string[] = [];
  for (const g of text.split(';')) {
    if (!g.trim()) continue;
    const parsed = splitGroup(g.trim(), options);
    if (!parsed) return undefined;
    for (const p of parsed) {
      groups.push(p.group);
      for (const s of p.group.speakers) if (!speakers.includes(s)) speakers.push(s);
      for (const c of p.companies) if (!companies.includes(c)) companies.push(c);
    }
  }
  if (groups.length === 0) return undefined;
  return { speakers, companies, groups };
}

/** Splits a names-only list (`Ana Lima, Bo Chen & Cy Diaz`, pretalx bylines); undefined unless every part is a name. */
export function splitNameList(text: string): string[] | undefined {
  if (text.length > 2000) return undefined;
  const t = singleSpaced(text);
  if (!t || t.length > 1000) return undefined;
  const list = partsOf(t)?.map((p) => p.text);
  return list && list.length > 0 && list.every((n) => isPersonName(n)) ? list : undefined;
}

/**
 * A byline written from groups, each speaker with their company: `Ana Lima & Bo Chen, Acme`
 * (one company), `Ana Lima, Acme; Bo Chen, Initech` (several; `;` because a company may hold a
 * comma: `Initech, Inc.`). Null without speakers.
 */
export function formatByline(groups: readonly SpeakerGroup[]): string | null {
  // Speakers of one company together, in the order the companies first appear.
  const byCompany = new Map<string | null, string[]>();
  for (const g of groups) {
    const list = byCompany.get(g.company) ?? [];
    for (const s of g.speakers) if (!list.includes(s)) list.push(s);
    byCompany.set(g.company, list);
  }
  const text = [...byCompany]
    .filter(([, speakers]) => speakers.length > 0)
    .map(([company, speakers]) => speakers.join(' & ') + (company ? `, ${company}` : ''))
    .join('; ');
  return text || null;
}

/** Groups from speakers and their companies, consecutive speakers of one company together. */
export function groupsOf(people: ReadonlyArray<{ name: string; company: string | null }>): SpeakerGroup[] {
  const groups: SpeakerGroup[] = [];
  for (const p of people) {
    const last = groups[groups.length - 1];
    if (last && last.company === p.company) last.speakers.push(p.name);
    else groups.push({ speakers: [p.name], company: p.company });
  }
  return groups;
}
