import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { createGrayImage, findEdgeTextRegions, type GrayImage } from '../../../../src/imaging/index.js';
import { requireXray } from '../../../helpers/shared-data.js';

/** 8-bit gray PNG -> GrayImage (decoded here with fast-png so this pure-layer test needs no casepack code). */
function loadPng(rel: string): GrayImage {
  const png = decode(readFileSync(join(requireXray(), rel)));
  const img = createGrayImage(png.width, png.height, 8);
  for (let i = 0; i < img.data.length; i++) img.data[i] = png.data[i * png.channels] as number;
  return img;
}

/** A chest-like background: smooth gradients and mild texture, nothing near white or black. */
function background(size: number): GrayImage {
  const img = createGrayImage(size, size, 8);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) img.data[y * size + x] = Math.round(60 + 80 * Math.sin((x / size) * Math.PI) + 15 * Math.sin(y / 9) * Math.cos(x / 13));
  return img;
}

/** 5x7 blocky glyphs, drawn at `scale`, white (255) as a modality would burn them in. */
const GLYPHS: Record<string, string[]> = {
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
};

function drawText(img: GrayImage, text: string, x0: number, y0: number, scale: number, value = 255): void {
  [...text].forEach((ch, k) => {
    const rows = GLYPHS[ch] ?? [];
    rows.forEach((row, gy) =>
      [...row].forEach((c, gx) => {
        if (c !== '#') return;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) img.data[(y0 + gy * scale + dy) * img.width + x0 + (k * 6 + gx) * scale + dx] = value;
      }),
    );
  });
}

describe('findEdgeTextRegions (synthetic)', () => {
  it('flags a row of glyphs near the top edge and boxes it', () => {
    const img = background(512);
    drawText(img, 'HEAP', 300, 20, 2);
    const regions = findEdgeTextRegions(img);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toEqual({ x0: 300, y0: 20, x1: 300 + (3 * 6 + 5) * 2, y1: 34 });
  });

  it('flags black text on a bright label near the bottom edge', () => {
    const img = background(512);
    for (let y = 470; y < 500; y++) for (let x = 40; x < 160; x++) img.data[y * 512 + x] = 230;
    drawText(img, 'PEHLA', 50, 478, 2, 0);
    expect(findEdgeTextRegions(img)).toHaveLength(1);
  });

  it('does not flag a single lead marker letter, or two', () => {
    const one = background(512);
    drawText(one, 'L', 460, 30, 3);
    expect(findEdgeTextRegions(one)).toEqual([]);
    const two = background(512);
    drawText(two, 'LP', 430, 30, 3);
    expect(findEdgeTextRegions(two)).toEqual([]);
  });

  it('does not flag text in the middle of the image (outside the edge band)', () => {
    const img = background(512);
    drawText(img, 'HEAP', 220, 250, 2);
    expect(findEdgeTextRegions(img)).toEqual([]);
  });

  it('does not flag a smooth saturated rib-like arc near the edge', () => {
    const img = background(512);
    for (let y = 0; y < 512; y++)
      for (let x = 0; x < 512; x++) {
        const d = y - (40 + 0.0004 * (x - 256) ** 2);
        const v = 120 + 135 * Math.exp(-(d * d) / 40);
        img.data[y * 512 + x] = Math.max(img.data[y * 512 + x] as number, Math.round(v));
      }
    expect(findEdgeTextRegions(img)).toEqual([]);
  });

  it('returns nothing for a flat image', () => {
    expect(findEdgeTextRegions(createGrayImage(64, 64, 8))).toEqual([]);
  });
});

describe('findEdgeTextRegions (real radiographs)', () => {
  const HANNOVER = 'real/chest/hannover-covid19';
  // Looked at by eye: 'Bettaufnahme' is burned in top right (436a6348) and bottom centre (689836b5); the other 20
  // carry at most a lead marker or a round orientation symbol.
  const WITH_TEXT: Record<string, { x: number; y: number }> = { '436a6348.png': { x: 460, y: 18 }, '689836b5.png': { x: 310, y: 514 } };

  it('flags the two Hannover images with burned-in text, at the text', () => {
    for (const [name, at] of Object.entries(WITH_TEXT)) {
      const regions = findEdgeTextRegions(loadPng(`${HANNOVER}/${name}`));
      expect(regions.some((r) => r.x0 <= at.x && at.x < r.x1 && r.y0 <= at.y && at.y < r.y1), name).toBe(true);
    }
  });

  it('does not flag the Hannover images that have only markers', () => {
    const plain = readdirSync(join(requireXray(), HANNOVER)).filter((f) => f.endsWith('.png') && !(f in WITH_TEXT));
    expect(plain).toHaveLength(20);
    const flagged = plain.filter((f) => findEdgeTextRegions(loadPng(`${HANNOVER}/${f}`)).length > 0);
    expect(flagged).toEqual([]);
  });

  it('flags NIH images with "PORTABLE" and leaves plain ones (marker only) alone', () => {
    const nih = (f: string): number => findEdgeTextRegions(loadPng(`real/chest/nih-cxr14/${f}`)).length;
    for (const f of ['00000797_000.png', '00011254_000.png', '00022425_000.png']) expect(nih(f), f).toBeGreaterThan(0);
    for (const f of ['00000075_000.png', '00001368_000.png', '00001998_000.png', '00003015_000.png', '00006004_000.png']) {
      expect(nih(f), f).toBe(0);
    }
  });
});
