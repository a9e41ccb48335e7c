import { describe, expect, it } from 'vitest';
import { decodeDicomPixels } from '../../../../../src/authoring/ingest/dicom/index.js';
import { TS, type Element } from '../../../../helpers/dicom-writer.js';
import { sequenceValue } from '../../../../helpers/codec-dicom-sequence.js';
import { codecs, dicom, file, H, pattern12, W } from './fixtures.js';

/** A left-to-right ramp of stored values lo..hi (inclusive) on every row. */
function ramp(lo: number, hi: number): Uint16Array {
  const p = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) p[y * W + x] = Math.round(lo + ((hi - lo) * x) / (W - 1));
  return p;
}

const decode = async (o: Parameters<typeof dicom>[0]) => (await decodeDicomPixels(file(dicom(o)), codecs)).image;
const row0 = (d: Uint16Array) => Array.from(d.subarray(0, W));

describe('grayscale pipeline (PS3.4 N.2)', () => {
  const p = pattern12();

  it('MONOCHROME1 is inverted so that higher is brighter', async () => {
    const img = await decode({ ts: TS.explicitLE, pixels: p, photometric: 'MONOCHROME1' });
    expect(Array.from(img.data)).toEqual(Array.from(p, (v) => 4095 - v));
  });

  it('Presentation LUT Shape INVERSE inverts MONOCHROME2 once, and is not applied twice to MONOCHROME1', async () => {
    const inverse: Element = { tag: 0x20500020, vr: 'CS', value: 'INVERSE' };
    const m2 = await decode({ ts: TS.explicitLE, pixels: p, extra: [inverse] });
    const m1 = await decode({ ts: TS.explicitLE, pixels: p, photometric: 'MONOCHROME1', extra: [inverse] });
    expect(m2.data[0]).toBe(4095);
    expect(Array.from(m1.data)).toEqual(Array.from(m2.data));
  });

  it('window centre/width (LINEAR, C.11.2.1.2) clips below and above the window', async () => {
    const img = await decode({
      ts: TS.explicitLE,
      pixels: ramp(0, 4095),
      extra: [{ tag: 0x00281050, vr: 'DS', value: '2048\\1000' }, { tag: 0x00281051, vr: 'DS', value: '1024\\500' }],
    });
    const r = row0(img.data);
    const x = (v: number) => Math.round((v * (W - 1)) / 4095); // column holding stored value v
    expect(r[x(1400)]).toBe(0);
    expect(r[x(2700)]).toBe(4095);
    expect(r[x(2048)]).toBeGreaterThan(1900);
    expect(r[x(2048)]).toBeLessThan(2200);
  });

  it('rescale slope/intercept is applied before the window (CT-like values)', async () => {
    // Stored 0..4095 with slope 1, intercept -1024 -> -1024..3071; a window at 0 +/- 50 puts the middle of the
    // image (stored 1024) at mid-grey and stored 974 at black.
    const img = await decode({
      ts: TS.explicitLE,
      pixels: ramp(0, 4095),
      extra: [
        { tag: 0x00281050, vr: 'DS', value: '0' },
        { tag: 0x00281051, vr: 'DS', value: '100' },
        { tag: 0x00281052, vr: 'DS', value: '-1024' },
        { tag: 0x00281053, vr: 'DS', value: '1' },
      ],
    });
    const r = row0(img.data);
    expect(r[Math.round((900 * (W - 1)) / 4095)]).toBe(0);
    expect(r[Math.round((1200 * (W - 1)) / 4095)]).toBe(4095);
  });

  it('a negative rescale slope reverses the ramp', async () => {
    const img = await decode({ ts: TS.explicitLE, pixels: ramp(0, 4095), extra: [{ tag: 0x00281053, vr: 'DS', value: '-2' }] });
    expect(img.data[0]).toBe(4095);
    expect(img.data[W - 1]).toBe(0);
  });

  it('signed pixels are sign-extended from Bits Stored (two\'s complement, 12 bits in 16)', async () => {
    // -2048..2047 stored as 12-bit two's complement; garbage above the high bit must be ignored.
    const signed = Uint16Array.from(ramp(0, 4095), (v) => ((v - 2048) & 0x0fff) | 0xf000);
    const img = await decode({ ts: TS.explicitLE, pixels: signed, signed: true });
    expect(row0(img.data)).toEqual(row0(ramp(0, 4095)));
  });

  it('LINEAR_EXACT and SIGMOID VOI functions (C.11.2.1.3) give their documented values', async () => {
    const win = (fn: string): Element[] => [
      { tag: 0x00281050, vr: 'DS', value: '2048' },
      { tag: 0x00281051, vr: 'DS', value: '2048' },
      { tag: 0x00281056, vr: 'CS', value: fn },
    ];
    const exact = row0((await decode({ ts: TS.explicitLE, pixels: ramp(0, 4095), extra: win('LINEAR_EXACT') })).data);
    const sigmoid = row0((await decode({ ts: TS.explicitLE, pixels: ramp(0, 4095), extra: win('SIGMOID') })).data);
    const xs = (v: number) => Math.round((v * (W - 1)) / 4095);
    const stored = (x: number) => Math.round((4095 * x) / (W - 1));
    // LINEAR_EXACT: y = ((x - c) / w + 0.5) * 4095 inside the window.
    const x1 = xs(1500);
    expect(exact[x1]).toBe(Math.round(((stored(x1) - 2048) / 2048 + 0.5) * 4095));
    // SIGMOID: y = 4095 / (1 + exp(-4 (x - c) / w)); never fully black or white at the edges of this window.
    expect(sigmoid[0]).toBe(Math.round(4095 / (1 + Math.exp(4))));
    expect(sigmoid[xs(2048)]).toBeGreaterThan(1900);
    expect(exact[0]).toBe(0);
  });

  it('a VOI LUT Sequence (0028,3010) takes precedence over the window', async () => {
    // A 4096-entry 8-bit LUT that is a step: stored < 2048 -> 0, else 255.
    const lut = Array.from({ length: 4096 }, (_, i) => (i < 2048 ? 0 : 255));
    const seq = sequenceValue([
      [
        { tag: 0x00283002, vr: 'US', value: [4096, 0, 8] },
        { tag: 0x00283006, vr: 'OW', value: lut },
      ],
    ]);
    const img = await decode({
      ts: TS.explicitLE,
      pixels: ramp(0, 4095),
      extra: [{ tag: 0x00283010, vr: 'SQ', value: seq }, { tag: 0x00281050, vr: 'DS', value: '100' }, { tag: 0x00281051, vr: 'DS', value: '10' }],
    });
    expect(new Set(row0(img.data))).toEqual(new Set([0, 4095]));
    expect(img.data[0]).toBe(0);
    expect(img.data[W - 1]).toBe(4095);
  });

  it('a Modality LUT Sequence (0028,3000) replaces rescale (implicit VR data set)', async () => {
    // Modality LUT mapping stored v -> 4095 - v, i.e. reversed.
    const lut = Array.from({ length: 4096 }, (_, i) => 4095 - i);
    const seq = sequenceValue([[{ tag: 0x00283002, vr: 'US', value: [4096, 0, 12] }, { tag: 0x00283006, vr: 'OW', value: lut }]], false);
    const img = await decode({ ts: TS.implicitLE, pixels: ramp(0, 4095), extra: [{ tag: 0x00283000, vr: 'SQ', value: seq }] });
    expect(img.data[0]).toBe(4095);
    expect(img.data[W - 1]).toBe(0);
  });

  it('8-bit data comes out 8-bit, spanning 0..255', async () => {
    const p8 = Uint8Array.from(ramp(10, 200), (v) => v);
    const out = await decodeDicomPixels(file(dicom({ ts: TS.explicitLE, bits: 8, pixels: p8 })), codecs);
    expect(out.sourceBits).toBe(8);
    expect(out.image.bitsStored).toBe(8);
    expect(out.image.data[0]).toBe(0);
    expect(out.image.data[W - 1]).toBe(255);
    expect(out.image.windowWidth).toBe(256);
  });

  it('Body Part Examined and View Position are trimmed and upper-cased', async () => {
    const out = await decodeDicomPixels(
      file(dicom({ ts: TS.explicitLE, pixels: p, extra: [{ tag: 0x00180015, vr: 'CS', value: 'chest ' }, { tag: 0x00185101, vr: 'CS', value: 'pa' }] })),
      codecs,
    );
    expect([out.bodyPart, out.view]).toEqual(['CHEST', 'PA']);
  });
});
