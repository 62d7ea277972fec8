/** True for an absolute http: or https: URL. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s.trim())) return false;
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}
