/**
 * The contact sheet: 12 demo films (left block) beside 12 real films from ../shared/xray (right block), each fitted
 * to its tile through its default window, written to tests/realism/output/contact-sheet.png to be looked at. Larger
 * sheets of 4 + 4 films (contact-sheet-1.png ...) give a closer look at fit-to-window scale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { simulateChest } from '../../src/simulator/index.js';
import { authenticSeeds } from './demo-deck-cases.js';
import { displayOf, fitLongSide, type DisplayFilm } from './film-stats.js';
import { realChestFiles, readRealFilm } from './real-films.js';

const OUT = join(process.cwd(), 'tests', 'realism', 'output');

/** Tiles of `tw` x `th`, `cols` per row, films centred and fitted (black around), blocks separated by a grey bar. */
function sheet(blocks: readonly (readonly DisplayFilm[])[], cols: number, tw: number, th: number): { width: number; height: number; data: Uint8Array } {
  const rowsPer = Math.ceil(Math.max(...blocks.map((b) => b.length)) / cols);
  const gap = 24;
  const width = blocks.length * cols * tw + (blocks.length - 1) * gap;
  const height = rowsPer * th;
  const data = new Uint8Array(width * height);
  blocks.forEach((films, bi) => {
    const bx = bi * (cols * tw + gap);
    if (bi > 0) for (let y = 0; y < height; y++) for (let x = bx - gap; x < bx; x++) data[y * width + x] = 128;
    films.forEach((f0, k) => {
      const f = fitLongSide(f0, Math.min(tw, th) - 8);
      const scale = Math.min((tw - 8) / f.width, (th - 8) / f.height, 1);
      const fw = Math.round(f.width * scale);
      const fh = Math.round(f.height * scale);
      const ox = bx + (k % cols) * tw + Math.floor((tw - fw) / 2);
      const oy = Math.floor(k / cols) * th + Math.floor((th - fh) / 2);
      for (let y = 0; y < fh; y++) {
        for (let x = 0; x < fw; x++) {
          const sx = Math.min(f.width - 1, Math.floor(x / scale));
          const sy = Math.min(f.height - 1, Math.floor(y / scale));
          data[(oy + y) * width + ox + x] = f.data[sy * f.width + sx] as number;
        }
      }
    });
  });
  return { width, height, data };
}

describe('contact sheet', () => {
  it('writes 12 demo films beside 12 real ones', () => {
    const demo = authenticSeeds(18, 12).map((s) => displayOf(simulateChest(s).image));
    const files = realChestFiles();
    const real = Array.from({ length: 12 }, (_, i) => readRealFilm(files[Math.floor((i * files.length) / 12)] as string));
    mkdirSync(OUT, { recursive: true });
    const main = sheet([demo, real], 4, 300, 340);
    writeFileSync(join(OUT, 'contact-sheet.png'), encode({ ...main, depth: 8, channels: 1 }));
    for (let i = 0; i < 3; i++) {
      const big = sheet([demo.slice(4 * i, 4 * i + 4), real.slice(4 * i, 4 * i + 4)], 2, 640, 720);
      writeFileSync(join(OUT, `contact-sheet-${i + 1}.png`), encode({ ...big, depth: 8, channels: 1 }));
    }
    expect(main.width).toBeGreaterThan(2000);
  });
});
