/**
 * Links on slides: a QR code on a JPEG photo decoded with jsQR (pure JavaScript, runs in a web
 * worker), offered only when it is an http(s) address that passes the one URL gate.
 */
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { safeUrl } from '../links/safeUrl';
import { resizeBox } from './pixels';
import type { PhotoInfo } from './types';

/**
 * Long edge the photo is scaled to before looking for a code: a QR code a tenth of a slide wide
 * keeps 3-4 pixels a module, and jsQR's search (which grows with the pixels) stays well under a second.
 */
const QR_EDGE = 1200;

/** The http(s) URLs of QR codes on the photo (at most one: jsQR finds the clearest); empty when none or not a JPEG. */
export function decodeQrLinks(bytes: Uint8Array, info: PhotoInfo): string[] {
  if (info.kind !== 'jpeg' || info.problem) return [];
  let decoded: { data: Uint8Array; width: number; height: number };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 200, maxMemoryUsageInMB: 2048 });
  } catch {
    return [];
  }
  const px = resizeBox(decoded, QR_EDGE);
  const code = jsQR(new Uint8ClampedArray(px.data.buffer, px.data.byteOffset, px.data.length), px.width, px.height, { inversionAttempts: 'attemptBoth' });
  if (!code) return [];
  const url = safeUrl(code.data);
  return url.ok ? [url.url] : [];
}
