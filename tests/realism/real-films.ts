/**
 * The 69 real chest films of the shared set (../shared/xray/real/chest: 47 NIH ChestX-ray14, 22 Hannover), read in
 * place as 8-bit display images. They are never copied into the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { requireXray } from '../helpers/shared-data.js';
import type { DisplayFilm } from './film-stats.js';

export interface RealFilm {
  readonly file: string;
  readonly film: DisplayFilm;
}

export function realChestFiles(): string[] {
  const root = join(requireXray(), 'real', 'chest');
  return readdirSync(root)
    .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.png')).map((f) => join(root, dir, f)))
    .sort();
}

/** The first channel of a grey, grey+alpha, RGB or RGBA PNG, scaled to 0..255. */
export function readRealFilm(path: string): DisplayFilm {
  const png = decode(readFileSync(path));
  const ch = png.channels;
  const k = 255 / (2 ** png.depth - 1);
  const data = new Float32Array(png.width * png.height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((png.data[i * ch] as number) * k);
  return { width: png.width, height: png.height, data };
}

export function realFilms(): RealFilm[] {
  return realChestFiles().map((p) => ({ file: p.split('/').slice(-2).join('/'), film: readRealFilm(p) }));
}
