/**
 * A pack of real films and the AI-generated radiographs staff collected from general-purpose image generators, which
 * save them as RGB PNG or JPEG with a faint cast: the fakes get in (they used to be refused as colour, leaving a pack
 * without fakes), their cast is kept as T5 provenance, and the served files show nothing of it.
 */
import { decode, encode } from 'fast-png';
import factory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { readPngStructure } from '../../../../src/pack-format/index.js';
import { buildOptions, memoryInputs, memorySink, sharedFiles, type MemoryFile } from '../../../helpers/pack-inputs.js';

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

/** A grey image re-saved the way a generator's export is: RGB with a tint (R-G and B-G offsets), as PNG or JPEG. */
async function tinted(f: MemoryFile, dr: number, db: number, as: 'png' | 'jpeg'): Promise<MemoryFile> {
  const png = decode(f.bytes);
  const rgb = new Uint8Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    const g = png.data[i * png.channels] as number;
    rgb.set([clamp(g + dr), g, clamp(g + db)], i * 3);
  }
  const path = f.path.replace(/\.png$/, as === 'png' ? '.png' : '.jpg');
  if (as === 'png') return { path, bytes: encode({ width: png.width, height: png.height, data: rgb, depth: 8, channels: 3 }) };
  const m = await factory({ print: () => {}, printErr: () => {} });
  const enc = new m.JPEGEncoder() as WasmEncoder & { setQuality(q: number): void; setSubSampling(on: boolean): void };
  try {
    enc.getDecodedBuffer({ width: png.width, height: png.height, bitsPerSample: 8, componentCount: 3, isSigned: false }).set(rgb);
    enc.setQuality(90);
    enc.setSubSampling(true);
    enc.encode();
    return { path, bytes: new Uint8Array(enc.getEncodedBuffer()) };
  } finally {
    enc.delete();
  }
}

describe('generator-made RGB fakes in a pack', () => {
  it('are taken in, their casts recorded as T5 provenance, and served as one grey channel like the real films', async () => {
    const reals = sharedFiles('real/chest/nih-cxr14', 6, 'dept/real');
    const gen = sharedFiles('synthetic/roentgen-v2', 6, 'dept/collected-ai', (f) => /^rg2_r3c\d\.png$|^rg2_r4c[12]\.png$/.test(f));
    const fakes = await Promise.all(gen.map((f, i) => tinted(f, i % 2 ? 14 : -18, i % 2 ? -12 : 22, i < 4 ? 'png' : 'jpeg')));
    const sink = memorySink();
    const r = await buildPack(
      memoryInputs([...reals, ...fakes]),
      buildOptions({ size: 256, forgedShare: 0, leakThreshold: 1, inputLabels: [{ prefix: 'dept/collected-ai', label: 'synthetic' }] }),
      { codecs: createCodecSet(), sink },
    );
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    if (!r.ok) return;
    expect(r.report.bad).toEqual([]);
    expect(r.report.included).toEqual({ authentic: 6, synthetic: 6, forged: 0 });
    const synthetic = r.manifest.cases.filter((c) => c.truth.kind === 'synthetic');
    for (const c of synthetic) {
      const t5 = c.truth.kind === 'synthetic' ? c.truth.provenance.find((p) => p.text.startsWith('T5 colour tint')) : undefined;
      expect(t5?.text).toMatch(/a (warm|cool) \(.*\) cast of \d+ levels of 255/);
      expect(t5?.isAiDeclared).toBe(false);
    }
    for (const c of r.manifest.cases) expect(readPngStructure(sink.files.get(c.file) as Uint8Array).header.colourType).toBe(0);
    const channels = r.report.leakAudit?.properties.find((p) => p.name === 'colourChannels');
    expect(channels).toMatchObject({ auc: 0.5, realMedian: 1, fakeMedian: 1, status: 'ok' });
  }, 60_000);
});
