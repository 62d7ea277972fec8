/** An http(s) address parsed (relative to `base` when given), or undefined when it is not one. */
export function parseHttpUrl(href: string, base?: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return undefined;
  }
  return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
}
