import { decode, encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { buildPack, formatBuildReport, type BuildResult } from '../../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { grayPixelModule, TS, writeDicom } from '../../../helpers/dicom-writer.js';
import { buildOptions as options, memoryInputs, memorySink, sharedFiles, type MemoryFile } from '../../../helpers/pack-inputs.js';

const codecs = createCodecSet();
const small = (o: Parameters<typeof options>[0] = {}) => options({ size: 256, ...o });

function dicom(extra: Parameters<typeof writeDicom>[0]['elements'] = [], rows = 64, cols = 64, frames?: number): Uint8Array {
  const px = new Uint16Array(rows * cols).map((_, i) => (i * 37) % 4096);
  return writeDicom({
    transferSyntax: TS.explicitLE,
    elements: [...grayPixelModule({ rows, columns: cols, bitsAllocated: 16, bitsStored: 12 }), ...(frames ? [{ tag: 0x00280008, vr: 'IS', value: String(frames) }] : []), ...extra],
    pixels: frames ? new Uint16Array(rows * cols * frames) : px,
  });
}

function brighten(f: MemoryFile, by: number): MemoryFile {
  const png = decode(f.bytes);
  const data = Uint8Array.from(png.data as Uint8Array, (v) => Math.min(255, v + by));
  return { path: f.path.replace('/real/', '/synthetic/'), bytes: encode({ width: png.width, height: png.height, data, depth: 8, channels: png.channels }) };
}

describe('bad inputs are listed with a reason and the rest of the pack builds', () => {
  it('lists corrupt, truncated, unsupported, colour, multi-frame, absurd, unlabelled, duplicate and non-image files', async () => {
    const good = sharedFiles('real/chest/nih-cxr14', 4, 'd/real');
    const syn = sharedFiles('synthetic/roentgen-v2', 3, 'd/synthetic/rg2', (f) => /^rg2_r1c\d\.png$/.test(f));
    const rgb = encode({ width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).map((_, i) => (i % 3 === 0 ? 200 : 20)), depth: 8, channels: 3 });
    const bad: MemoryFile[] = [
      { path: 'd/real/corrupt.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 9]) },
      { path: 'd/real/truncated.png', bytes: (good[0] as MemoryFile).bytes.slice(0, 5000) },
      { path: 'd/real/htj2k.dcm', bytes: writeDicom({ transferSyntax: '1.2.840.10008.1.2.4.201', elements: grayPixelModule({ rows: 64, columns: 64, bitsAllocated: 16, bitsStored: 12 }), fragments: [new Uint8Array(10)] }) },
      { path: 'd/real/colour.png', bytes: rgb },
      { path: 'd/real/cine.dcm', bytes: dicom([], 64, 64, 2) },
      // Claims 20000 x 20000 pixels (800 MB) but carries a few bytes: refused before any allocation.
      { path: 'd/real/huge.dcm', bytes: writeDicom({ transferSyntax: TS.explicitLE, elements: grayPixelModule({ rows: 20000, columns: 20000, bitsAllocated: 16, bitsStored: 12 }), pixels: new Uint16Array(64) }) },
      { path: 'd/misc/unlabelled.png', bytes: (good[1] as MemoryFile).bytes },
      { path: 'd/real/copy-of-first.png', bytes: (good[0] as MemoryFile).bytes },
      { path: 'd/real/notes.txt', bytes: new TextEncoder().encode('not an image') },
    ];
    const sink = memorySink();
    const r = await buildPack(memoryInputs([...good, ...syn, ...bad]), small({ leakThreshold: 1 }), { codecs, sink });
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    const reasons = Object.fromEntries((r.report?.bad ?? []).map((b) => [b.path.split('/').pop(), b.reason]));
    expect(reasons).toEqual({
      'corrupt.png': expect.stringMatching(/corrupt|truncated/),
      'truncated.png': expect.stringMatching(/truncated|corrupt/),
      'htj2k.dcm': 'unsupported',
      'colour.png': 'colour',
      'cine.dcm': 'multi-frame',
      'huge.dcm': expect.stringMatching(/dimensions|truncated/),
      'unlabelled.png': 'unlabelled',
      'copy-of-first.png': 'duplicate',
      'notes.txt': 'not-an-image',
    });
    for (const b of r.report?.bad ?? []) expect(b.message).toContain(b.path);
    expect(r.ok && r.manifest.cases).toHaveLength(7);
    expect(formatBuildReport(r.report!).join('\n')).toMatch(/9 files left out/);
  }, 60_000);

  it('fails with nothing written when no input is usable', async () => {
    const sink = memorySink();
    const r = await buildPack(memoryInputs([{ path: 'real/a.txt', bytes: new Uint8Array(3) }]), small(), { codecs, sink });
    expect(r.ok).toBe(false);
    expect(sink.files.size).toBe(0);
  });
});

describe('the leak audit', () => {
  it('catches a deliberately leaky input (every fake brighter), writes no manifest, and builds once the leak is accepted', async () => {
    const reals = sharedFiles('real/chest/nih-cxr14', 12, 'd/real');
    const files = [...reals.slice(0, 6), ...reals.slice(6).map((f) => brighten(f, 70))];
    const sink = memorySink();
    const r: BuildResult = await buildPack(memoryInputs(files), small({ forgedShare: 0 }), { codecs, sink });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/leak audit failed: .*mean/);
    expect(sink.files.has('manifest.json')).toBe(false);
    const leaks = r.report?.leakAudit?.properties.filter((p) => p.status === 'leak').map((p) => p.name) ?? [];
    expect(leaks).toContain('mean');
    expect(formatBuildReport(r.report!).join('\n')).toMatch(/mean/);
    const ok = await buildPack(memoryInputs(files), small({ forgedShare: 0, acceptLeaks: leaks }), { codecs, sink: memorySink() });
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.manifest.leakAudit.accepted).toEqual(leaks);
  }, 60_000);

  it('refuses to accept a property that does not exist, naming the known ones', async () => {
    const r = await buildPack(memoryInputs([]), small({ acceptLeaks: ['colour'] }), { codecs, sink: memorySink() });
    expect(!r.ok && r.error).toMatch(/unknown leak-audit properties to accept: colour; known: .*byteSize|width/);
  });
});

describe('privacy and provenance', () => {
  it('leaves out a DICOM that declares burned-in annotation unless the builder reviewed it, and then flags it', async () => {
    const files = [
      ...sharedFiles('real/chest/nih-cxr14', 3, 'd/real'),
      { path: 'd/real/burned.dcm', bytes: dicom([{ tag: 0x00280301, vr: 'CS', value: 'YES' }, { tag: 0x00100010, vr: 'PN', value: 'Doe^Jane' }], 256, 256) },
      ...sharedFiles('synthetic/roentgen-v2', 2, 'd/synthetic/rg2', (f) => /^rg2_r2c\d\.png$/.test(f)),
    ];
    const r = await buildPack(memoryInputs(files), small({ leakThreshold: 1, forgedShare: 0 }), { codecs, sink: memorySink() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.bad).toContainEqual(expect.objectContaining({ path: 'd/real/burned.dcm', reason: 'burned-in' }));
    expect(r.report.flagged.map((f) => f.path)).not.toContain('d/real/burned.dcm');
    expect(r.manifest.cases).toHaveLength(5);
    const seen = await buildPack(memoryInputs(files), small({ leakThreshold: 1, forgedShare: 0, reviewed: true }), { codecs, sink: memorySink() });
    expect(seen.ok).toBe(true);
    if (!seen.ok) return;
    expect(seen.report.flagged.map((f) => f.path)).toContain('d/real/burned.dcm');
    expect(seen.manifest.review).toEqual({ flaggedCases: seen.report.flagged.length, reviewed: true });
    expect(seen.manifest.cases).toHaveLength(6);
    expect(formatBuildReport(seen.report).join('\n')).not.toMatch(/NOT REVIEWED/);
    expect(JSON.stringify(seen.manifest)).not.toContain('Doe^Jane');
  }, 60_000);

  it('keeps a generator declaration in the truth, strips it from the served file, and refuses it under real/', async () => {
    const base = sharedFiles('real/chest/nih-cxr14', 4, 'd/real');
    const src = decode((base[3] as MemoryFile).bytes);
    const declared = encode({ width: src.width, height: src.height, data: src.data, depth: 8, channels: src.channels, text: { parameters: 'chest x-ray, Steps: 30, Sampler: Euler a, Model: stable-diffusion-v1-5' } });
    const mislabelled = encode({ width: src.width, height: src.height, data: src.data, depth: 8, channels: src.channels, text: { parameters: 'Steps: 20, Model: stable-diffusion' } });
    const files = [...base.slice(0, 3), { path: 'd/synthetic/sd/declared.png', bytes: declared }, { path: 'd/real/mislabelled.png', bytes: mislabelled }];
    const sink = memorySink();
    const r = await buildPack(memoryInputs(files), small({ leakThreshold: 1, forgedShare: 0 }), { codecs, sink });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.bad).toEqual([expect.objectContaining({ path: 'd/real/mislabelled.png', reason: 'label-conflict' })]);
    const syn = r.manifest.cases.find((c) => c.truth.kind === 'synthetic');
    expect(syn?.truth.kind === 'synthetic' && syn.truth.provenance.map((p) => p.text).join(' ')).toMatch(/Steps: 30/);
    expect(decode(sink.files.get(syn!.file) as Uint8Array).text).toEqual({});
  }, 60_000);
});
