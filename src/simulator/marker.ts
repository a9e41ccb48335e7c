import type { MarkerSpec } from './acquisition.js';
import { MU } from './attenuation.js';
import { GLYPH_ASPECT, strokeDistance, textStrokes, textWidth, type Stroke } from './glyphs.js';

/**
 * Laterality markers as departments use them: a lead letter (1 mm sheet, ~0.3% transmission at 60 keV, so nearly
 * white) cut into a clear acrylic holder whose outline shows faintly, often with the technologist's initials in
 * smaller lead letters; or a letter set on the cassette without a holder; or, on some systems, a digital annotation
 * burnt into the pixels after processing (with 'AP', 'PORTABLE' or 'SUPINE' on bedside films).
 */
export interface MarkerBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly letter: 'L' | 'R';
}

/** A line-integral patch in detector pixels, added on top of the patient's. */
export interface Overlay {
  readonly x0: number;
  readonly y0: number;
  readonly w: number;
  readonly h: number;
  readonly data: Float32Array;
}

export interface PlacedMarker {
  readonly box: MarkerBox;
  /** Lead marker: added to the line integral before exposure. Null for a digital annotation. */
  readonly overlay: Overlay | null;
  /** Digital annotations: strokes burnt in after processing, with their stroke half-width (px). */
  readonly burn: { readonly strokes: Stroke[]; readonly half: number } | null;
}

/** Where the marker's letter goes (top-left of its cell), kept inside the film. */
function anchor(spec: MarkerSpec, w: number, h: number, hPx: number, extraW: number): { x: number; y: number } {
  const cw = GLYPH_ASPECT * hPx + extraW;
  const x = spec.fx > 0.5 ? spec.fx * w - cw : spec.fx * w;
  return { x: Math.min(Math.max(x, 0.02 * w), 0.98 * w - cw), y: Math.min(Math.max(spec.fy * h, 0.02 * h), 0.9 * h) };
}

export function placeMarker(spec: MarkerSpec, w: number, h: number, pxPerMm: number): PlacedMarker {
  const hPx = spec.heightMm * pxPerMm;
  if (spec.style === 'digital') {
    const texts = [spec.letter, ...spec.text];
    const half = Math.max(0.6, 0.06 * hPx);
    const a = anchor(spec, w, h, hPx, 0);
    const strokes = textStrokes(spec.letter, a.x, a.y, hPx);
    // Further annotations sit below the letter, in smaller type, towards the film's centre.
    let y = a.y + 1.5 * hPx;
    for (const t of texts.slice(1)) {
      const th = 0.6 * hPx;
      const tx = spec.fx > 0.5 ? a.x + GLYPH_ASPECT * hPx - textWidth(t, th) : a.x;
      strokes.push(...textStrokes(t, Math.max(2, tx), y, th));
      y += 1.4 * th;
    }
    return { box: { x0: a.x - half, y0: a.y - half, x1: a.x + GLYPH_ASPECT * hPx + half, y1: a.y + hPx + half, letter: spec.letter }, overlay: null, burn: { strokes, half } };
  }
  const ini = spec.initials;
  const iniH = 0.42 * hPx;
  const a = anchor(spec, w, h, hPx, 0);
  const letter = textStrokes(spec.letter, a.x, a.y, hPx);
  const initials = ini ? textStrokes(ini, a.x + (GLYPH_ASPECT * hPx - textWidth(ini, iniH)) / 2, a.y + hPx * 1.22, iniH) : [];
  const half = 0.075 * hPx;
  const pad = 0.28 * hPx;
  const bodyH = ini ? hPx * 1.22 + iniH : hPx;
  const bw = Math.max(GLYPH_ASPECT * hPx, ini ? textWidth(ini, iniH) : 0);
  const bx0 = Math.max(0, Math.floor(a.x - pad - 2));
  const by0 = Math.max(0, Math.floor(a.y - pad - 2));
  const bx1 = Math.min(w - 1, Math.ceil(a.x + bw + pad + 2));
  const by1 = Math.min(h - 1, Math.ceil(a.y + bodyH + pad + 2));
  const ow = bx1 - bx0 + 1;
  const oh = by1 - by0 + 1;
  const data = new Float32Array(ow * oh);
  const holder = spec.style === 'lead-holder';
  const acrylic = MU.water * 1.18 * 4; // 4 mm of PMMA (density 1.18)
  const rim = 0.35 * pxPerMm;
  for (let y = by0; y <= by1; y++) {
    for (let x = bx0; x <= bx1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let v = 0;
      const dl = strokeDistance(letter, px, py);
      v += MU.lead * Math.min(1, Math.max(0, half - dl + 0.5));
      if (initials.length) v += 0.5 * MU.lead * Math.min(1, Math.max(0, 0.6 * half - strokeDistance(initials, px, py) + 0.5));
      if (holder) {
        // Rounded-rectangle holder: its body and a denser rim where the beam runs along the edge.
        const dx = Math.max(a.x - pad - px, px - (a.x + bw + pad), 0);
        const dy = Math.max(a.y - pad - py, py - (a.y + bodyH + pad), 0);
        const outside = Math.hypot(dx, dy);
        const inside = Math.min(px - (a.x - pad), a.x + bw + pad - px, py - (a.y - pad), a.y + bodyH + pad - py);
        if (outside <= 0.5) v += acrylic * Math.min(1, 0.5 - outside + 0.5) * (inside < rim ? 2.2 : 1);
      }
      data[(y - by0) * ow + x - bx0] = v;
    }
  }
  return {
    box: { x0: a.x - half, y0: a.y - half, x1: a.x + GLYPH_ASPECT * hPx + half, y1: a.y + hPx + half, letter: spec.letter },
    overlay: { x0: bx0, y0: by0, w: ow, h: oh, data },
    burn: null,
  };
}

export function addOverlay(L: Float32Array, w: number, ov: Overlay): void {
  for (let y = 0; y < ov.h; y++) {
    for (let x = 0; x < ov.w; x++) {
      const i = (ov.y0 + y) * w + ov.x0 + x;
      L[i] = (L[i] as number) + (ov.data[y * ov.w + x] as number);
    }
  }
}

/** Burn annotation strokes into 12-bit pixels at `value` (anti-aliased over a pixel). */
export function burnStrokes(data: Uint16Array, w: number, h: number, burn: NonNullable<PlacedMarker['burn']>, value: number): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [ax, ay, bx, by] of burn.strokes) {
    x0 = Math.min(x0, ax, bx);
    y0 = Math.min(y0, ay, by);
    x1 = Math.max(x1, ax, bx);
    y1 = Math.max(y1, ay, by);
  }
  const pad = burn.half + 2;
  for (let y = Math.max(0, Math.floor(y0 - pad)); y <= Math.min(h - 1, Math.ceil(y1 + pad)); y++) {
    for (let x = Math.max(0, Math.floor(x0 - pad)); x <= Math.min(w - 1, Math.ceil(x1 + pad)); x++) {
      const c = Math.min(1, Math.max(0, burn.half - strokeDistance(burn.strokes, x + 0.5, y + 0.5) + 0.5));
      if (c > 0) data[y * w + x] = Math.round((data[y * w + x] as number) * (1 - c) + value * c);
    }
  }
}
