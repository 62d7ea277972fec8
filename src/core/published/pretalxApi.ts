/**
 * pretalx's public API for a session's resources (pretalx 2025.1+):
 * `GET /api/events/<event>/submissions/<code>/?expand=resources` returns `resources`
 * (`resource` URL, `description`, `is_public`). Found from the session's page address
 * (`https://<host>/<event>/talk/<code>/`).
 */
import { classifyLink } from '../schedule/sessionLinks';
import { safeUrl } from '../links/safeUrl';
import type { FoundLink } from './types';
import { parseHttpUrl } from './url';

/** The API address for a pretalx talk page, or undefined when the URL is not one. */
export function pretalxResourcesUrl(sessionUrl: string): string | undefined {
  const u = parseHttpUrl(sessionUrl);
  const m = u && /^\/([A-Za-z0-9_-]{1,80})\/talk\/([A-Za-z0-9]{1,40})\/?$/.exec(u.pathname);
  if (!u || !m) return undefined;
  return `${u.origin}/api/events/${m[1]}/submissions/${m[2]}/?expand=resources`;
}

/** The slides and recording a submission's resources list (public ones, http(s) only). */
export function linksFromPretalxResources(json: string): FoundLink[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const resources = data && typeof data === 'object' ? (data as { resources?: unknown }).resources : undefined;
  if (!Array.isArray(resources)) return [];
  const out: FoundLink[] = [];
  for (const r of resources.slice(0, 50)) {
    if (!r || typeof r !== 'object') continue;
    const { resource, description, is_public: isPublic } = r as Record<string, unknown>;
    if (isPublic === false || typeof resource !== 'string') continue;
    const safe = safeUrl(resource);
    if (!safe.ok) continue;
    const kind = classifyLink(safe.url, typeof description === 'string' ? description : null, true);
    if (kind !== 'other' && !out.some((l) => l.url === safe.url)) out.push({ kind, url: safe.url, source: 'pretalx-api' });
  }
  return out;
}
