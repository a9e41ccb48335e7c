/**
 * A real chest radiograph from the shared data set (../shared/xray beside the checkout, see its manifest.csv and LICENSES), as a
 * 512 x 512 12-bit GrayImage: the 8-bit PNG is averaged 2x2 and scaled x16. Throws when the data set is missing:
 * the tests that use it must fail, not skip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import type { GrayImage } from '../../../src/imaging/types.js';
import { XRAY_DIR } from '../../helpers/shared-data.js';

export const REAL_CHEST_DIR = join(XRAY_DIR, 'real', 'chest', 'nih-cxr14');

export function loadRealChest(index = 0, size = 512): { image: GrayImage; file: string } {
  const files = readdirSync(REAL_CHEST_DIR).filter((f) => f.endsWith('.png')).sort();
  const file = files[index];
  if (!file) throw new Error(`loadRealChest: no PNG number ${index} in ${REAL_CHEST_DIR}`);
  const png = decode(readFileSync(join(REAL_CHEST_DIR, file)));
  const ch = png.channels;
  const maxIn = 2 ** png.depth - 1;
  // Grey value of source pixel (x, y): the first channel (these PNGs are grey or grey-as-RGB), scaled to 0..255.
  const grey = (x: number, y: number): number => ((png.data[(y * png.width + x) * ch] as number) * 255) / maxIn;
  const f = Math.floor(Math.min(png.width, png.height) / size);
  if (f < 1) throw new Error(`loadRealChest: ${file} is smaller than ${size} px`);
  const x0 = Math.floor((png.width - f * size) / 2);
  const y0 = Math.floor((png.height - f * size) / 2);
  const data = new Uint16Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += grey(x0 + x * f + dx, y0 + y * f + dy);
      data[y * size + x] = Math.round((s / (f * f)) * 16);
    }
  }
  return { image: { width: size, height: size, data, bitsStored: 12, windowCenter: 2040, windowWidth: 4080 }, file };
}
