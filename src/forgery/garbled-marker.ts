/**
 * D1 garbled laterality marker: the lead "L"/"R" is warped like generator-rendered text, mirror-reversed at the
 * obvious level, wavy and sheared at 'subtle', its edges rippling by about a pixel at 'expert'. Diffusion models garble glyphs (arXiv 2410.04439); a real marker
 * is a lead letter with a fixed, clean font. Uses the marker hint, else the brightest blob in a top corner.
 */
import { rectPolygon } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { smoothstep, toFloat, toGrayImage } from './filters.js';
import { hitsAvoid, makeTell, noRoomError } from './local.js';
import { glyphLayer, locateMarker } from './marker.js';

interface Level {
  readonly mirror: boolean;
  /** Wobble amplitude (fraction of the glyph size), its spatial frequency (waves per glyph) and a shear. */
  readonly wobble: number;
  readonly waves: number;
  readonly shear: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { mirror: true, wobble: 0.1, waves: 1.5, shear: 0.25, strength: 0.8 },
  subtle: { mirror: false, wobble: 0.09, waves: 2, shear: 0.3, strength: 0.5 },
  expert: { mirror: false, wobble: 0.015, waves: 4, shear: 0, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'Look at the side marker in the upper corner at the default window: the letter is mirror-reversed and its strokes bend.',
  subtle: 'Zoom on the side marker: the strokes of the letter wave and lean, with uneven thickness, unlike the clean block letter of a lead marker.',
  expert: 'Magnify the side marker (M) with a wide window: its edges ripple by about a pixel, so its straight strokes wave; a lead letter is cut with straight, even strokes.',
};

function bilinear(src: Float32Array, w: number, h: number, x: number, y: number): number {
  const xc = Math.min(w - 1.001, Math.max(0, x - 0.5));
  const yc = Math.min(h - 1.001, Math.max(0, y - 0.5));
  const x0 = Math.floor(xc);
  const y0 = Math.floor(yc);
  const tx = xc - x0;
  const ty = yc - y0;
  const i = y0 * w + x0;
  const a = (src[i] as number) * (1 - tx) + (src[i + 1] as number) * tx;
  const b = (src[i + w] as number) * (1 - tx) + (src[i + w + 1] as number) * tx;
  return a * (1 - ty) + b * ty;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const m = locateMarker(image, params.hints);
  const size = Math.max(m.x1 - m.x0, m.y1 - m.y0);
  const pad = Math.max(3, Math.round(0.3 * size));
  const box = { x0: Math.max(0, m.x0 - pad), y0: Math.max(0, m.y0 - pad), x1: Math.min(w, m.x1 + pad), y1: Math.min(h, m.y1 + pad) };
  if (hitsAvoid(box, params.hints?.avoid)) throw noRoomError('garbled-marker', 'the marker');
  const r = rng.fork('warp');
  const ph1 = r.range(0, Math.PI * 2);
  const ph2 = r.range(0, Math.PI * 2);
  const cx = (m.x0 + m.x1) / 2;
  const cy = (m.y0 + m.y1) / 2;
  const k = (2 * Math.PI * p.waves) / size;
  const src = toFloat(image);
  const glyph = glyphLayer(src, w, box, m, size);
  const bw = box.x1 - box.x0;
  const out = src.slice();
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const edge = Math.min(x + 0.5 - box.x0, box.x1 - x - 0.5, y + 0.5 - box.y0, box.y1 - y - 0.5);
      const wgt = smoothstep(edge / (0.6 * pad));
      if (wgt <= 0) continue;
      const u = x + 0.5 - cx;
      const v = y + 0.5 - cy;
      const sx = (p.mirror ? -u : u) + p.shear * v + p.wobble * size * Math.sin(k * v + ph1);
      const sy = v + p.wobble * size * Math.sin(k * u + ph2);
      const i = y * w + x;
      // Lift the letter off the film and lay the warped letter back on: the background stays where it was.
      const moved = bilinear(glyph, bw, box.y1 - box.y0, cx + sx - box.x0, cy + sy - box.y0);
      out[i] = (src[i] as number) + wgt * (moved - (glyph[(y - box.y0) * bw + x - box.x0] as number));
    }
  }
  const tell = makeTell(
    'D1',
    [rectPolygon(box.x0, box.y0, box.x1, box.y1)],
    p.strength,
    `The laterality marker is garbled: the letter is ${p.mirror ? 'mirror-reversed and ' : ''}${p.shear > 0 ? 'distorted, with wavy, leaning strokes. ' : 'subtly warped: the edges of its strokes ripple. '}` +
      'A lead marker is a rigid letter in a plain font and images sharply; generators render text as texture and bend or reverse it.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const garbledMarker: Technique = {
  id: 'garbled-marker',
  name: 'Garbled side marker',
  artifactIds: ['D1'],
  scope: 'local',
  marginPx: 1,
  apply,
};
