import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { circlePolygon, pointInPolygon, rectPolygon, type Polygon } from '../../../src/domain/geometry.js';
import { rasterizeRegions } from '../../../src/cli/mask.js';
import { encodeGray16Png, scaleTo16, writeFileAtomic } from '../../../src/cli/write-png.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describe('rasterizeRegions', () => {
  it('fills exactly the pixels whose centre pointInPolygon calls inside', () => {
    const polys: Polygon[] = [
      circlePolygon(20.3, 17.8, 9.6, 24),
      rectPolygon(2, 30, 12.5, 38.2),
      [{ x: 30, y: 2 }, { x: 45, y: 30 }, { x: 38, y: 12 }, { x: 26, y: 25 }], // concave
      rectPolygon(-5, -5, 3, 3), // clipped at the corner
    ];
    const w = 48;
    const h = 40;
    const mask = rasterizeRegions(polys, w, h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const want = polys.some((p) => pointInPolygon({ x: x + 0.5, y: y + 0.5 }, p)) ? 255 : 0;
        expect(mask[y * w + x], `pixel ${x},${y}`).toBe(want);
      }
  });
});

describe('16-bit PNG output', () => {
  it('scales stored values to 16 bits by bit replication, reversibly', () => {
    expect(scaleTo16(4095, 12)).toBe(65535);
    expect(scaleTo16(0, 12)).toBe(0);
    expect(scaleTo16(2048, 12)).toBe(0x8008);
    expect(scaleTo16(1234, 16)).toBe(1234);
    for (let v = 0; v < 4096; v += 7) expect(scaleTo16(v, 12) >> 4).toBe(v);
  });

  it('encodes a GrayImage as a 16-bit single-channel PNG without text chunks', () => {
    const png = encodeGray16Png({ width: 2, height: 1, data: new Uint16Array([0, 4095]), bitsStored: 12, windowCenter: 2048, windowWidth: 4096 });
    const d = decode(png);
    expect([d.depth, d.channels, ...d.data]).toEqual([16, 1, 0, 65535]);
    expect(d.text).toEqual({});
  });
});

describe('writeFileAtomic', () => {
  it('leaves the complete file and no temporary file', () => {
    const dir = tempDir('atomic');
    writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([4, 5]));
    expect(readdirSync(dir)).toEqual(['a.bin']);
    expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([4, 5]);
  });

  it('throws and leaves nothing when the folder is missing', () => {
    const dir = tempDir('atomic');
    expect(() => writeFileAtomic(join(dir, 'missing', 'a.bin'), new Uint8Array([1]))).toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
