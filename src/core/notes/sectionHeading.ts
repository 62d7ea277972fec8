/**
 * Headings that are parts of a note rather than talks: a talk's sections (`### Notes`), the
 * note's meta sections (`## Welcome!`, `## Travel`, `## Key takeaways`) and groups of talks
 * (`## Morning Keynotes`), with their word lists. Every regex here is anchored or linear.
 */

const SECTION_WORDS = new Set([
  'notes',
  'my notes',
  'agenda',
  'takeaways',
  'key takeaways',
  'takeaway',
  'intro',
  'introduction',
  'summary',
  'tl;dr',
  'tldr',
  'q&a',
  'q & a',
  'questions',
  'demo',
  'demos',
  'links',
  'resources',
  'slides',
  'recording',
  'video',
  'overview',
  'background',
  'conclusion',
  'conclusions',
  'highlights',
  'key points',
  'thoughts',
  'my thoughts',
  'problem',
  'solution',
  'design',
  'architecture',
  'details',
  'references',
  'next steps',
  'outro',
  'abstract',
  'about',
  'context',
  'motivation',
  'lessons learned',
  'quotes',
  'todo',
  'to do',
]);

const NON_TALK_WORDS = new Set([
  'welcome',
  'summary',
  'intro',
  'introduction',
  'conclusion',
  'conclusions',
  'links',
  'resources',
  'table of contents',
  'toc',
  'wrap-up',
  'wrap up',
  'wrapup',
  'final thoughts',
  'overview',
  'about',
  'preface',
  'afterword',
  'references',
  'see also',
  'contents',
  'background',
  'how i take notes',
  'how i took notes',
  'how i write notes',
  'ideas for posts',
  'ideas for blog posts',
  'post ideas',
  'blog post ideas',
  'ideas',
  'key takeaways',
  'takeaways',
  'my takeaways',
  'closing thoughts',
  'closing words',
  'highlights',
  'my highlights',
  'my talk',
  'my session',
  'travel',
  'traveling',
  'travelling',
  'travel notes',
  'getting there',
  'flight home',
  'flight back',
  'flights',
  'the flight home',
  'trip home',
  'way home',
  'journey home',
  'going home',
  'heading home',
  'epilogue',
  'prologue',
  'useful links',
  'more links',
  'other links',
  'acknowledgements',
  'acknowledgments',
  'thanks',
  'thank you',
  'disclaimer',
  'tl;dr',
  'tldr',
  'misc',
  'miscellaneous',
  'random notes',
  'other notes',
  'final words',
  'last words',
  'what is next',
  "what's next",
  'next steps',
  'hallway track',
  'swag',
  'the venue',
  'venue',
  'food',
  'afterparty',
  'after party',
  'the end',
]);

/** `Flight home :airplane:`, `✈️ Travel`, `**Summary**`: the words of a heading without emoji, shortcodes, emphasis and end punctuation. */
function plainWords(title: string): string {
  let out = '';
  let pendingSpace = false;
  const t = title.length > 200 ? title.slice(0, 200) : title;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // `:airplane:` shortcodes
    if (c === 58 /* : */) {
      let j = i + 1;
      while (j < t.length && j - i <= 40 && /[a-z0-9_+-]/.test(t[j])) j++;
      if (j > i + 1 && t.charCodeAt(j) === 58) {
        i = j;
        pendingSpace = true;
        continue;
      }
    }
    const ch = t[i];
    const letter = /[\p{L}\p{N}'’&;#-]/u.test(ch);
    if (!letter) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out) out += ' ';
    pendingSpace = false;
    out += ch === '’' ? "'" : ch;
  }
  return out.toLowerCase();
}
const GROUP_RE =
  /^(?:(?:morning|afternoon|evening|opening|closing|day[ -]?\d*|main|sponsored|lightning|co-located|colocated|other|more|short|all)\s+)*(?:keynotes?|talks|sessions|lightning talks|tracks?|lightnings?|co-located events|colocated events|breakouts?|panels|workshops|tutorials|contribfests?)\b/i;

function bare(title: string): string {
  return title
    .trim()
    .replace(/[\s!.:?…]+$/u, '')
    .toLowerCase();
}

/** `### Notes`, `#### Takeaways`: a part of a talk rather than a talk. */
export function isSectionTitle(title: string): boolean {
  return SECTION_WORDS.has(bare(title));
}

/**
 * `## Welcome!`, `## Summary`, `## Background`, `### Flight home :airplane:`, `## Key takeaways`: a part of the
 * note that is not a talk (never "a talk with no notes"), emoji, shortcodes and emphasis aside.
 */
export function isNonTalkTitle(title: string): boolean {
  return NON_TALK_WORDS.has(bare(title)) || NON_TALK_WORDS.has(plainWords(title));
}

/** `## Morning Keynotes`, `## Talks`, `### Keynote` (with talks below): a heading that names a set of talks. */
export function isGroupTitle(title: string): boolean {
  const t = title.trim();
  if (t.length > 60) return false;
  if (/^keynote\s*$/i.test(t)) return true;
  return GROUP_RE.test(t) && !/\d+\s*:/.test(t) && !/\s[-–—]\s/.test(t);
}
