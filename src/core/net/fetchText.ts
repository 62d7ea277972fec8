import { messageOf } from '../util/errors';
/**
 * One way to download a text from a URL the user gave (a landscape.yml, a conference schedule),
 * with the platform's `fetch` only (Node, browsers, web workers):
 * - `https:`, or `http:` to this machine only (tests); no user name or password in the URL;
 * - redirects followed by hand, each target checked BEFORE it is requested, a hop limit, and
 *   never from another host to this machine (every form of a loopback or unspecified address:
 *   `127.0.0.3`, `0.0.0.0`, `[::]`, `[::ffff:127.0.0.1]`, `2130706433`, `0x7f.1`, `*.localhost`);
 * - the body streamed with a byte counter, stopped as soon as it passes the limit (a compressed
 *   body is counted as it is decoded, so a small gzip that decodes to gigabytes stops too);
 * - one time limit for the whole download, and cancellation.
 * Every failure is a {@link FetchTextError} whose message is one readable line.
 */

/** A download that was refused or failed; the message says why, in one line. */
export class FetchTextError extends Error {}

export interface FetchTextOptions {
  /** Largest body accepted, declared or decoded, in bytes. */
  maxBytes: number;
  /** The whole download, redirects and body included, in milliseconds. */
  timeoutMs: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** What is downloaded, for messages: `landscape file`, `schedule`. */
  label: string;
  /** The HTTP Accept header. */
  accept: string;
  /** Cancels the download (the editor's Cancel button). */
  signal?: AbortSignal;
  /** Refuse a body that is not UTF-8 (default true); false decodes with replacement characters. */
  strictUtf8?: boolean;
  /** Words the URL messages: "only https: URLs are fetched" (default) or "… are loaded". */
  verb?: string;
  /**
   * Resolves a host name to its addresses (where the platform can: the CLI passes Node's
   * resolver; a browser cannot). A redirect to a name that resolves to this machine is then
   * refused like one that names it.
   */
  lookup?: HostLookup;
  /** The platform's `fetch` unless another is given (the tests answer from fixtures). */
  fetch?: typeof fetch;
}

/** A host name's addresses (`127.0.0.1`, `::1`). */
export type HostLookup = (hostname: string) => Promise<readonly string[]>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** What browsers' `fetch` throws when a request fails or a cross-origin read is refused. */
const BROWSER_FETCH_FAILED = /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)$/;

function isLoopback(u: URL): boolean {
  return LOOPBACK.has(u.hostname.toLowerCase());
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (hex, `::` at most once), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string) => (s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...new Array<number>(Math.max(fill, 0)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : undefined;
}

/**
 * True when the URL's host is this machine as written: `localhost` or a name under it, an IPv4
 * loopback (127.0.0.0/8) or unspecified (0.0.0.0/8) address, IPv6 `::1` or `::`, or one of those
 * IPv4 addresses mapped or embedded in IPv6 (`[::ffff:127.0.0.1]`). The URL parser has already
 * written every IPv4 form (`2130706433`, `0x7f.1`, `0177.0.0.1`) as four decimal numbers.
 */
export function isThisMachine(u: URL): boolean {
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) return v4[1] === '127' || v4[1] === '0';
  if (!host.startsWith('[') || !host.endsWith(']')) return false;
  const g = ipv6Groups(host.slice(1, -1));
  if (!g) return false;
  if (g.slice(0, 7).every((x) => x === 0)) return g[7] <= 1; // `::`, `::1`
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return g[6] >> 8 === 127 || g[6] >> 8 === 0; // `::ffff:127.x.y.z`, `::127.x.y.z`
  return false;
}

/**
 * Why a redirect from `from` to `to` is not followed, or undefined when it may be: from
 * elsewhere to this machine, named (`127.0.0.3`, `[::ffff:127.0.0.1]`) or, with `lookup`, by a
 * host name that resolves to one of its addresses. A name that does not resolve is left to the
 * request itself to fail.
 */
export async function redirectRefusal(from: URL, to: URL, lookup?: HostLookup): Promise<string | undefined> {
  if (isThisMachine(from)) return undefined;
  if (isThisMachine(to)) return `redirected from ${from.host} to this machine (${to.host}): not followed`;
  if (!lookup || /^[\d.]+$|^\[/.test(to.hostname)) return undefined;
  const addresses = await lookup(to.hostname).catch(() => [] as readonly string[]);
  const local = addresses.find((a) => {
    try {
      return isThisMachine(new URL(`http://${a.includes(':') ? `[${a}]` : a}/`));
    } catch {
      return false; // not an address a URL can hold (an IPv6 zone): not this machine's loopback
    }
  });
  return local ? `redirected from ${from.host} to ${to.host}, which is this machine (${local}): not followed` : undefined;
}

/** A URL as it may be shown: a user name or password in it replaced by `…`. */
function shownUrl(u: URL): string {
  return u.username || u.password ? `${u.protocol}//…@${u.host}${u.pathname}${u.search}${u.hash}` : u.href;
}

/**
 * Why a URL may not be downloaded, or undefined when it may: `https:`, or `http:` to loopback
 * only. `verb` words the message: "only https: URLs are fetched".
 */
export function urlProblem(url: string, verb = 'fetched'): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return `not a URL: ${url}`;
  }
  if (u.username || u.password) return `a URL with a user name or password is not ${verb}: ${shownUrl(u)}`;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopback(u)) return undefined;
  if (u.protocol === 'http:') return `only https: URLs are ${verb} (http: only to this machine): ${url}`;
  return `only https: URLs are ${verb}, not ${u.protocol}`;
}

/** `16 MB`, `1500 bytes`. */
export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${n} bytes`;
}

/** The text at `url` and the URL it finally came from, as described above. */
export async function fetchText(url: string, o: FetchTextOptions): Promise<{ text: string; url: string }> {
  const verb = o.verb ?? 'fetched';
  const first = urlProblem(url, verb);
  if (first) throw new FetchTextError(first);
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, o.timeoutMs);
  const onAbort = () => ctrl.abort();
  if (o.signal?.aborted) ctrl.abort();
  o.signal?.addEventListener('abort', onAbort);
  const failed = (err: unknown, where: string): FetchTextError => {
    if (err instanceof FetchTextError) return err;
    if (timedOut) return new FetchTextError(`The ${o.label} download took longer than ${Math.round(o.timeoutMs / 100) / 10} s (${where})`);
    if (o.signal?.aborted) return new FetchTextError(`${where}: cancelled`);
    // A browser (vscode.dev) says only "Failed to fetch" (Chromium), "NetworkError when attempting
    // to fetch resource." (Firefox) or "Load failed" (Safari) when a site refuses a cross-origin
    // request, and the same when it cannot be reached: it hides which, on purpose.
    if (err instanceof TypeError && !(err.cause instanceof Error) && BROWSER_FETCH_FAILED.test(err.message)) {
      return new FetchTextError(`${where}: the site could not be reached, or it does not let a web page read it (a cross-origin request refused, as many sites do in a browser)`);
    }
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : messageOf(err);
    return new FetchTextError(`${where}: ${cause}`);
  };
  try {
    let current = url.trim();
    let res: Response;
    for (let hop = 0; ; hop++) {
      try {
        res = await (o.fetch ?? fetch)(current, { signal: ctrl.signal, redirect: 'manual', headers: { accept: o.accept } });
      } catch (err) {
        throw failed(err, current);
      }
      if (res.type === 'opaqueredirect') {
        throw new FetchTextError(`${current}: redirects elsewhere, which a browser does not let an extension follow; download the file and use it instead`);
      }
      if (!REDIRECTS.has(res.status)) break;
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) throw new FetchTextError(`${current}: HTTP ${res.status} redirect without a Location`);
      if (hop >= o.maxRedirects) throw new FetchTextError(`${url}: more than ${o.maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new FetchTextError(`${current}: redirected to something that is not a URL: ${location.replace(/\/\/[^/@]*@/g, '//…@')}`);
      }
      const problem = urlProblem(next.href, verb);
      if (problem) throw new FetchTextError(`redirected to a URL that is not ${verb}: ${shownUrl(next)} (${problem})`);
      const refusal = await redirectRefusal(new URL(current), next, o.lookup);
      if (refusal) throw new FetchTextError(refusal);
      current = next.href;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchTextError(`${current}: HTTP ${res.status} ${res.statusText}`.trim());
    }
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > o.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchTextError(`${current}: ${sizeText(length)} is more than the ${sizeText(o.maxBytes)} a ${o.label} may have`);
    }
    return { text: await readLimited(res, o, current, failed), url: current };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The body as text, decoded chunk by chunk (no chunk is kept once decoded); stops, and cancels
 * the rest, once more than `maxBytes` have come.
 */
async function readLimited(res: Response, o: FetchTextOptions, where: string, failed: (err: unknown, where: string) => FetchTextError): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: o.strictUtf8 ?? true });
  const notText = () => new FetchTextError(`${where}: the ${o.label} is not UTF-8 text`);
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      let step: Awaited<ReturnType<typeof reader.read>>;
      try {
        step = await reader.read();
      } catch (err) {
        throw failed(err, where);
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > o.maxBytes) throw new FetchTextError(`${where}: more than ${sizeText(o.maxBytes)} (decoded): too large for a ${o.label}; the download was stopped`);
      try {
        parts.push(decoder.decode(step.value, { stream: true }));
      } catch {
        throw notText();
      }
    }
    try {
      parts.push(decoder.decode());
    } catch {
      throw notText();
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    parts.length = 0;
    throw err;
  }
  return parts.join('');
}
