import { decode } from 'fast-png';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack, formatBuildReport, sha256Hex, type BuildResult } from '../../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { readPack, readPngStructure } from '../../../../src/pack-format/index.js';
import { buildOptions as options, memoryInputs, memorySink, mixedDepartment } from '../../../helpers/pack-inputs.js';

/**
 * A pack built from ../shared/xray the way a department would lay it out. Built once (it takes a few seconds at
 * 512 px) and examined by several tests.
 */

const codecs = createCodecSet();
let built: BuildResult;
let sink: ReturnType<typeof memorySink>;
const inputs = mixedDepartment();

beforeAll(async () => {
  sink = memorySink();
  // Real and synthetic images differ in ways the audit measures: accept them here; the audit has its own tests.
  built = await buildPack(memoryInputs(inputs), options({ leakThreshold: 1 }), { codecs, sink });
}, 120_000);

describe('a pack built from a mixed folder of real DICOMs, real PNGs and AI-generated PNGs', () => {
  it('includes every input with its truth: reals, imported synthetic images, and forged reals', () => {
    expect(built.ok, built.ok ? '' : built.error).toBe(true);
    if (!built.ok) return;
    const m = built.manifest;
    const kinds = m.cases.map((c) => c.truth.kind);
    expect(kinds.filter((k) => k === 'synthetic')).toHaveLength(10);
    // 16 real files, of which the tibia is there twice (lossy and lossless JPEG 2000): 15 real pictures, half forged.
    expect(kinds.filter((k) => k === 'forged')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'authentic')).toHaveLength(7);
    expect(built.report.bad.map((b) => [b.path, b.reason])).toEqual([['dept/real/dicom/RG3_J2KR.dcm', 'duplicate']]);
    const syn = m.cases.find((c) => c.truth.kind === 'synthetic');
    expect(syn?.truth).toMatchObject({ generator: expect.stringMatching(/^(RoentGen|LungGen)$/) });
    for (const c of m.cases.filter((x) => x.truth.kind === 'forged')) {
      expect(c.original).toBe(`originals/${c.id}.png`);
      expect(c.truth.kind === 'forged' && c.truth.tells.length).toBeGreaterThan(0);
    }
  });

  it('serves every image the same way: one size, one depth, single-channel PNG with no ancillary chunks', () => {
    if (!built.ok) throw new Error('build failed');
    const m = readPack(sink.files);
    expect(m.image).toEqual({ format: 'png', width: 512, height: 512, bitsStored: 8 });
    for (const c of m.cases) {
      const png = sink.files.get(c.file) as Uint8Array;
      const s = readPngStructure(png);
      expect(s.header).toMatchObject({ width: 512, height: 512, bitDepth: 8, colourType: 0 });
      expect(s.chunks.filter((t) => !['IHDR', 'IDAT', 'IEND'].includes(t))).toEqual([]);
      expect(decode(png).text).toEqual({});
    }
  });

  it('keeps no patient identifier and no input file name anywhere in the pack', () => {
    const text = new TextDecoder().decode(sink.files.get('manifest.json'));
    // RG1/RG3 carry PatientName 'CompressedSamples^RG1' and study dates; file names can name patients.
    expect(text).not.toMatch(/CompressedSamples|RG1_J2KI|00000075_000|hannover|nih-cxr14\.png/i);
    for (const p of sink.files.keys()) expect(p).toMatch(/^(manifest\.json|images\/c\d{4}\.png|originals\/c\d{4}\.png)$/);
    if (!built.ok) return;
    const dicomCases = built.manifest.cases.filter((c) => c.header.length > 0);
    expect(dicomCases).toHaveLength(3);
    for (const c of dicomCases) {
      expect(c.header).toContainEqual(expect.objectContaining({ name: 'PatientIdentityRemoved', value: 'YES' }));
      expect(c.header.find((f) => f.name === 'PatientName')?.value ?? '').not.toMatch(/CompressedSamples/);
    }
  });

  it('names no source by its own hash: a hospital holding the original cannot find its case', async () => {
    if (!built.ok) return;
    const own = new Set(await Promise.all(inputs.map((f) => sha256Hex(f.bytes))));
    const named = built.manifest.cases.map((c) => c.source.sha256);
    expect(named.filter((h) => own.has(h))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('gives case ids that say nothing about the truth, and is the same for the same seed', async () => {
    if (!built.ok) throw new Error('build failed');
    const order = built.manifest.cases.map((c) => c.truth.kind);
    // Not grouped by kind: the seeded shuffle mixes them.
    expect(order.slice(0, 10).every((k) => k === order[0])).toBe(false);
    const again = memorySink();
    const small = mixedDepartment().filter((_, i) => i % 4 === 0);
    const a = await buildPack(memoryInputs(small), options({ leakThreshold: 1 }), { codecs, sink: again, now: () => 0 });
    const b = await buildPack(memoryInputs(small), options({ leakThreshold: 1 }), { codecs, sink: memorySink(), now: () => 0 });
    expect(a.ok && b.ok && JSON.stringify(a.manifest) === JSON.stringify(b.manifest)).toBe(true);
  }, 60_000);

  it('reports what it did in plain lines: counts, policy, de-identification, the leak audit', () => {
    if (!built.ok) throw new Error('build failed');
    const text = formatBuildReport(built.report).join('\n');
    expect(text).toMatch(/25 cases from 26 input files: 7 real, 10 imported AI, 8 forged/);
    expect(text).toMatch(/512 x 512 px, 8-bit/);
    expect(text).toMatch(/De-identified 3 DICOM header/);
    expect(text).toMatch(/AUC/);
  });
});
