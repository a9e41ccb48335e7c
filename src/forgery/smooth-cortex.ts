/**
 * A3 over-smooth cortex: in the upper zone (posterior and anterior ribs, clavicle) bone outlines are redrawn
 * "plastic": every pixel is averaged along the local edge direction (the structure tensor's minor eigenvector:
 * coherence-enhancing smoothing, Weickert 1999), which irons out the fine waviness of real cortex and the grain
 * along it while keeping each edge crisp across; a light unsharp mask then gives the outlines one even, clean rim.
 * Image models favour smooth, low-detail edges (Tordjman, Yuce et al., Radiology 2026).
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, smoothstep, toFloat, toGrayImage } from './filters.js';
import { mapPlane, smallGaussianBlur } from './kernels.js';
import { cropAt, cropOf, ellipseBox, makeTell } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { lungSite } from './sites.js';

interface Level {
  readonly ax: number; // semi-axes, fractions of the width
  readonly ay: number;
  readonly reach: number; // half-length of the averaging line, fraction of the width (at least 2 px)
  readonly sharpen: number; // unsharp-mask gain across the edges
  /**
   * Scale of that unsharp mask: a fraction of the width, or null for 2.5 px. At 'obvious' it must be seen at
   * fit-to-window, where a 2048 px film shrinks 2.5 times and a 2.5 px rim vanishes: the rims there are a few display
   * pixels wide, so the ribs look outlined with a pen.
   */
  readonly rim: number | null;
  readonly amount: number; // share of the redrawn outline blended in (1: all of it)
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { ax: 0.11, ay: 0.075, reach: 0.011, sharpen: 1.6, rim: 0.003, amount: 1, strength: 0.8 },
  subtle: { ax: 0.09, ay: 0.06, reach: 0.006, sharpen: 0.5, rim: null, amount: 1, strength: 0.5 },
  expert: { ax: 0.075, ay: 0.05, reach: 0.0018, sharpen: 0.1, rim: null, amount: 0.6, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window the ribs in the ${z} look drawn with a ruler: smooth, glossy outlines and brushed-looking grain, unlike the ribs elsewhere.`,
  subtle: (z) => `Zoom to 200-400% along the rib borders in the ${z} and compare them with ribs lower down: the cortex is evenly thick and perfectly smooth, without the fine waviness of real bone.`,
  expert: (z) => `With the loupe (M) and a narrow window, follow a rib cortex across the ${z}: the outline keeps exactly the same sharpness and thickness, and the grain along it is streaked in the direction of the rib.`,
};

/** Unit tangent (cos, sin) of the local edge direction and its coherence (0 isotropic .. 1 line-like), per pixel. */
function edgeFlow(src: Float32Array, w: number, h: number): { tx: Float32Array; ty: Float32Array; coh: Float32Array } {
  const s = smallGaussianBlur(src, w, h, 1.5);
  const n = s.length;
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      gx[i] = ((s[i + 1] as number) - (s[i - 1] as number)) / 2;
      gy[i] = ((s[i + w] as number) - (s[i - w] as number)) / 2;
    }
  }
  const jxx = gaussianBlur(mapPlane(n, (i) => (gx[i] as number) ** 2), w, h, 3);
  const jyy = gaussianBlur(mapPlane(n, (i) => (gy[i] as number) ** 2), w, h, 3);
  const jxy = gaussianBlur(mapPlane(n, (i) => (gx[i] as number) * (gy[i] as number)), w, h, 3);
  const tx = new Float32Array(n);
  const ty = new Float32Array(n);
  const coh = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = jxx[i] as number;
    const b = jyy[i] as number;
    const c = jxy[i] as number;
    // The gradient direction is at angle phi = atan2(2c, a - b) / 2; the edge runs perpendicular to it.
    const phi = 0.5 * Math.atan2(2 * c, a - b);
    tx[i] = -Math.sin(phi);
    ty[i] = Math.cos(phi);
    const e = a + b;
    coh[i] = e > 0 ? Math.sqrt((a - b) ** 2 + 4 * c * c) / e : 0;
  }
  return { tx, ty, coh };
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const site = lungSite(image, params, rng.fork('placement'), {
    who: 'smooth-cortex', ax: p.ax * w, ay: p.ay * w, across: [0.35, 0.65], down: [0.15, 0.35], minScale: 0.5,
  });
  const src = toFloat(image);
  const L = Math.max(2, Math.round(p.reach * w));
  const crop = cropOf(src, w, h, ellipseBox(site.e), L + 8);
  const { tx, ty, coh } = edgeFlow(crop.data, crop.w, crop.h);
  const cw = crop.w;
  const ch = crop.h;
  const at = (x: number, y: number): number => crop.data[Math.min(ch - 1, Math.max(0, Math.round(y))) * cw + Math.min(cw - 1, Math.max(0, Math.round(x)))] as number;
  const along = new Float32Array(crop.data.length);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const i = y * cw + x;
      let s = 0;
      for (let k = -L; k <= L; k++) s += at(x + k * (tx[i] as number), y + k * (ty[i] as number));
      along[i] = s / (2 * L + 1);
    }
  }
  const wide = gaussianBlur(along, cw, ch, p.rim === null ? 2.5 : Math.max(2.5, p.rim * w));
  const plastic = { ...crop, data: mapPlane(along.length, (i) => (along[i] as number) + p.sharpen * ((along[i] as number) - (wide[i] as number))) };
  const flow = { ...crop, data: mapPlane(coh.length, (i) => smoothstep(((coh[i] as number) - 0.1) / 0.4)) };
  const out = src.slice();
  const range = ellipsePixels(site.e, w, h);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = p.amount * featherWeight(ellipseRho(site.e, x, y), 0.3) * (0.35 + 0.65 * cropAt(flow, x, y));
      if (wgt <= 0) continue;
      const i = y * w + x;
      out[i] = (src[i] as number) + wgt * (cropAt(plastic, x, y) - (src[i] as number));
    }
  }
  const tell = makeTell(
    'A3',
    [ellipsePolygon(site.e, 1)],
    p.strength,
    `The rib and clavicle outlines in the ${site.zone} are too smooth: the cortex has one even thickness and a clean, almost glossy edge, and the grain is streaked along the bones. ` +
      'Real cortical bone is finely irregular, varies in thickness and blurs slightly with motion and geometric unsharpness; generators favour smooth, idealised edges.',
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const smoothCortex: Technique = {
  id: 'smooth-cortex',
  name: 'Plastic cortex',
  artifactIds: ['A3'],
  scope: 'local',
  marginPx: 1,
  apply,
};
