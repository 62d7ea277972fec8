/**
 * Pixel work on decoded RGBA images: a box-filter downscale (each source pixel read once) and
 * the EXIF orientation applied to the pixels.
 */

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Scales down so the long edge is `maxEdge` (area average); an image already that small is returned as is. */
export function resizeBox(src: Pixels, maxEdge: number): Pixels {
  const { width: w, height: h, data } = src;
  const long = Math.max(w, h);
  if (maxEdge <= 0 || long <= maxEdge) return src;
  const ow = Math.max(1, Math.round((w * maxEdge) / long));
  const oh = Math.max(1, Math.round((h * maxEdge) / long));
  const xOut = new Uint32Array(w);
  for (let x = 0; x < w; x++) xOut[x] = Math.min(ow - 1, Math.floor((x * ow) / w));
  const out = new Uint8Array(ow * oh * 4);
  const sums = new Float64Array(ow * 3);
  const counts = new Float64Array(ow);
  let y = 0;
  for (let oy = 0; oy < oh; oy++) {
    sums.fill(0);
    counts.fill(0);
    const yEnd = oy === oh - 1 ? h : Math.floor(((oy + 1) * h) / oh);
    for (; y < yEnd; y++) {
      let i = y * w * 4;
      for (let x = 0; x < w; x++, i += 4) {
        const o = xOut[x];
        sums[o * 3] += data[i];
        sums[o * 3 + 1] += data[i + 1];
        sums[o * 3 + 2] += data[i + 2];
        counts[o]++;
      }
    }
    for (let ox = 0; ox < ow; ox++) {
      const c = counts[ox] || 1;
      const j = (oy * ow + ox) * 4;
      out[j] = Math.round(sums[ox * 3] / c);
      out[j + 1] = Math.round(sums[ox * 3 + 1] / c);
      out[j + 2] = Math.round(sums[ox * 3 + 2] / c);
      out[j + 3] = 255;
    }
  }
  return { data: out, width: ow, height: oh };
}

/** The pixels as the viewer sees them for EXIF orientation 1..8 (mirrors and quarter turns). */
export function orientPixels(src: Pixels, orientation: number): Pixels {
  if (orientation <= 1 || orientation > 8) return src;
  const { width: w, height: h, data } = src;
  const turned = orientation >= 5;
  const W = turned ? h : w;
  const H = turned ? w : h;
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [w - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [w - 1 - x, h - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, h - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, h - 1 - x];
          break;
        case 7:
          [sx, sy] = [w - 1 - y, h - 1 - x];
          break;
        default:
          [sx, sy] = [w - 1 - y, x];
      }
      const s = (sy * w + sx) * 4;
      const d = (y * W + x) * 4;
      out[d] = data[s];
      out[d + 1] = data[s + 1];
      out[d + 2] = data[s + 2];
      out[d + 3] = 255;
    }
  }
  return { data: out, width: W, height: H };
}
