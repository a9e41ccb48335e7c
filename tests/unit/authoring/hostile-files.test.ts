/**
 * The bad-input sweep's decompression bombs, each refused (or cut) cheaply: every file is read in a fresh child
 * process that reports how far its peak resident memory rose (getrusage maxrss), beside a legal image of the same
 * declared size read the same way. A bomb may not cost more than about one legal image: growth at most twice the
 * legal image's plus 16 MiB, where the unbounded code grew by gigabytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflatedDicom, deflatedDicomBomb, pngIdatBomb, pngTextBomb, withJ2kSize, zipOfFlatEntries } from '../../helpers/bombs.js';
import { requireXray } from '../../helpers/shared-data.js';

interface Measured {
  readonly outcome: string;
  readonly message: string;
  readonly growthMiB: number;
}

const work = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function measure(mode: 'decode' | 'drop', name: string, bytes: Uint8Array): Measured {
  const path = join(work, name);
  writeFileSync(path, bytes);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/helpers/peak-memory-child.ts', mode, path], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as Measured;
}

const nih = (): Uint8Array => new Uint8Array(readFileSync(join(requireXray(), 'real/chest/nih-cxr14/00000075_000.png')));
let legalPng: Measured;
let legalDicom: Measured;
const within = (bomb: Measured, legal: Measured): void => {
  expect(bomb.growthMiB, `grew ${bomb.growthMiB.toFixed(0)} MiB; a legal image ${legal.growthMiB.toFixed(0)} MiB`).toBeLessThanOrEqual(2 * legal.growthMiB + 16);
};

beforeAll(() => {
  legalPng = measure('decode', 'legal.png', nih());
  const png = decode(nih());
  const px = Uint16Array.from({ length: 1024 * 1024 }, (_, i) => (png.data[i * png.channels] as number) * 16);
  legalDicom = measure('decode', 'legal.dcm', deflatedDicom(px, 1024, 1024));
}, 120_000);

describe('decompression bombs are refused before they expand', () => {
  it('the legal images the bombs are compared with read normally', () => {
    expect(legalPng.outcome).toBe('accepted');
    expect(legalDicom.outcome).toBe('accepted');
  });

  it('a 1 MB PNG whose IDAT inflates to 1 GiB under a 1024 px header: refused at the 1 MiB the header allows', () => {
    const bytes = pngIdatBomb();
    expect(bytes.length).toBeLessThan(1.2e6);
    const r = measure('decode', 'idat-bomb.png', bytes);
    expect(r.outcome).toBe('bomb');
    expect(r.message).toMatch(/expands beyond the 1049600 bytes its 1024x1024 header allows/);
    within(r, legalPng);
  }, 60_000);

  it.each(['zTXt', 'iTXt', 'iCCP'] as const)('a 1.6 MB PNG with a 1 GiB %s chunk: text is read to 1 MiB only, a profile not at all; the image is kept', (type) => {
    const bytes = pngTextBomb(nih(), type);
    expect(bytes.length).toBeLessThan(1.7e6);
    const r = measure('decode', `${type}-bomb.png`, bytes);
    expect(r.outcome).toBe('accepted');
    within(r, legalPng);
  }, 60_000);

  it.each([
    ['1 GiB', 1024 ** 3],
    ['3 GiB', 3 * 1024 ** 3],
  ])('a deflated DICOM whose pixel data inflates to %s under a 1024 px header: stopped past the declared 2 MiB', (_, size) => {
    const r = measure('decode', 'deflate-bomb.dcm', deflatedDicomBomb(size));
    expect(r.outcome).toBe('bomb');
    expect(r.message).toMatch(/deflated DICOM data set expands beyond the \d+ bytes its pixel module allows/);
    within(r, legalDicom);
  }, 60_000);

  it('a deflated DICOM with 1 GiB of private data before any pixel data: stopped at 16 MiB of header', () => {
    const r = measure('decode', 'header-bomb.dcm', deflatedDicomBomb(1024 ** 3, { beforePixels: true }));
    expect(r.outcome).toBe('bomb');
    expect(r.message).toMatch(/holds more than 16 MiB before any pixel data/);
    within(r, legalDicom);
  }, 60_000);

  it('a JPEG 2000 DICOM whose codestream declares 16000 px under a 1760 px header: refused from the codestream header, never decoded', () => {
    const legal = new Uint8Array(readFileSync(join(requireXray(), 'real/dicom/RG3_J2KR.dcm')));
    const legalJ2k = measure('decode', 'rg3.dcm', legal);
    expect(legalJ2k.outcome).toBe('accepted');
    const r = measure('decode', 'j2k-bomb.dcm', withJ2kSize(legal, 16000));
    expect(r.outcome).toBe('corrupt');
    expect(r.message).toMatch(/declares 16000x16000 with 1 component but the DICOM header says 1760x1760.*refused before decoding/);
    within(r, legalJ2k);
  }, 60_000);

  it('a zip of 2,040 entries of exactly 1 MiB (each about 1,000-fold): refused from its central directory, nothing inflated', () => {
    const bytes = zipOfFlatEntries(2040);
    expect(bytes.length).toBeLessThan(3e6);
    const r = measure('drop', 'flat-entries.zip', bytes);
    expect(r.outcome).toBe('suspicious-compression');
    expect(r.message).toMatch(/would expand \d+-fold \(limit 200\), as a zip bomb does/);
    within(r, legalPng);
  }, 60_000);
});
