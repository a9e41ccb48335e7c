/**
 * Every real frontal chest film in the shared data set (NIH ChestX-ray14 sample, 1024 px; Hannover COVID-19 ICU
 * films, ~640 px wide), whole (no crop), as 12-bit GrayImages: 8-bit grey averaged over f x f blocks (f = the
 * largest integer with width / f >= 512) and scaled x16. Throws when the data set is missing: no skip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import type { GrayImage } from '../../../src/imaging/types.js';
import { XRAY_DIR } from '../../helpers/shared-data.js';

export const REAL_FILM_SETS = ['nih-cxr14', 'hannover-covid19'] as const;

export interface RealFilm {
  readonly set: (typeof REAL_FILM_SETS)[number];
  readonly file: string;
  readonly image: GrayImage;
}

export function realFilmNames(): { set: RealFilm['set']; file: string }[] {
  return REAL_FILM_SETS.flatMap((set) => {
    const dir = join(XRAY_DIR, 'real', 'chest', set);
    const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    if (files.length === 0) throw new Error(`realFilmNames: no PNG in ${dir}`);
    return files.map((file) => ({ set, file }));
  });
}

export function loadRealFilm(set: RealFilm['set'], file: string, minWidth = 512): RealFilm {
  const png = decode(readFileSync(join(XRAY_DIR, 'real', 'chest', set, file)));
  const ch = png.channels;
  const maxIn = 2 ** png.depth - 1;
  const f = Math.max(1, Math.floor(png.width / minWidth));
  const w = Math.floor(png.width / f);
  const h = Math.floor(png.height / f);
  const data = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) {
        for (let dx = 0; dx < f; dx++) s += png.data[((y * f + dy) * png.width + x * f + dx) * ch] as number;
      }
      data[y * w + x] = Math.round(((s / (f * f)) * 255 * 16) / maxIn);
    }
  }
  return { set, file, image: { width: w, height: h, data, bitsStored: 12, windowCenter: 2040, windowWidth: 4080 } };
}
