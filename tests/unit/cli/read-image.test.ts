import { readFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT_INPUT } from '../../../src/cli/errors.js';
import { readImage } from '../../../src/cli/read-image.js';
import { makeDicom } from './dicom-fixture.js';
import { xray } from './helpers.js';

function refusal(bytes: Uint8Array): CliError {
  try {
    readImage(bytes, 'test-file');
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(EXIT_INPUT);
    return e as CliError;
  }
  throw new Error('expected readImage to refuse the file');
}

describe('readImage: PNG', () => {
  it('promotes 8-bit gray to 12 bits stored (x16)', () => {
    const png = encode({ width: 3, height: 1, data: new Uint8Array([0, 1, 255]), depth: 8, channels: 1 });
    const { image } = readImage(png, 'a.png');
    expect(image.bitsStored).toBe(12);
    expect([...image.data]).toEqual([0, 16, 4080]);
  });

  it('keeps 16-bit gray as 16 bits stored, exactly', () => {
    const png = encode({ width: 3, height: 1, data: new Uint16Array([0, 1234, 65535]), depth: 16, channels: 1 });
    const { image } = readImage(png, 'a.png');
    expect(image.bitsStored).toBe(16);
    expect([...image.data]).toEqual([0, 1234, 65535]);
  });

  it('turns RGB and RGBA into Rec. 601 luma and drops alpha', () => {
    const rgb = encode({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 10, 20, 30]), depth: 8, channels: 3 });
    expect([...readImage(rgb, 'rgb.png').image.data]).toEqual([
      Math.round(0.299 * 255 * 16),
      Math.round((0.299 * 10 + 0.587 * 20 + 0.114 * 30) * 16),
    ]);
    const rgba = encode({ width: 1, height: 1, data: new Uint8Array([0, 255, 0, 7]), depth: 8, channels: 4 });
    expect([...readImage(rgba, 'rgba.png').image.data]).toEqual([Math.round(0.587 * 255 * 16)]);
    const ga = encode({ width: 1, height: 1, data: new Uint8Array([100, 0]), depth: 8, channels: 2 });
    expect([...readImage(ga, 'ga.png').image.data]).toEqual([1600]);
  });

  it('reads a real RGBA PNG from the shared synthetic set as one gray channel', () => {
    const { image, description } = readImage(readFileSync(xray('synthetic/lunggen-ddpm/grid_epoch22.png')), 'grid.png');
    expect(description).toContain('RGBA');
    expect(image.data.length).toBe(image.width * image.height);
    expect(image.data.some((v) => v > 0)).toBe(true);
  });

  it('refuses 0 and absurd dimensions before decoding', () => {
    const png = encode({ width: 1, height: 1, data: new Uint8Array([0]), depth: 8, channels: 1 });
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(16, 20000);
    expect(refusal(huge).message).toMatch(/20000x1 pixels is larger than the 16384 px.*Downscale/);
    const empty = png.slice();
    new DataView(empty.buffer).setUint32(20, 0);
    expect(refusal(empty).message).toMatch(/1x0 pixels.*Pick another file/);
  });

  it('refuses a truncated PNG with a message saying what to do', () => {
    const real = readFileSync(xray('real/chest/hannover-covid19/fff13f3a.png'));
    expect(refusal(real.subarray(0, 100)).message).toMatch(/truncated or damaged.*Re-export/);
    expect(refusal(real.subarray(0, 20)).message).toMatch(/truncated or damaged/);
  });

  it('refuses text and JPEG, listing the supported formats', () => {
    expect(refusal(new TextEncoder().encode('not an image\n')).message).toMatch(/neither a PNG nor a DICOM.*Supported formats: PNG/);
    expect(refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0])).message).toMatch(/looks like a JPEG/);
    expect(refusal(new Uint8Array(0)).message).toMatch(/empty/);
  });
});

describe('readImage: DICOM', () => {
  it('reads the real uncompressed NIH DICOM (Implicit VR LE, 8-bit MONOCHROME2) as 12-bit', () => {
    const { image, description } = readImage(readFileSync(xray('real/dicom/nih-cxr14-google-dx.dcm')), 'x.dcm');
    expect(description).toContain('Implicit VR LE');
    expect([image.width, image.height, image.bitsStored]).toEqual([1024, 1024, 12]);
    expect(image.data.every((v) => v % 16 === 0)).toBe(true); // 8-bit x16
    expect(image.data.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(2000);
  });

  it.each(['RG1_J2KI.dcm', 'RG3_J2KI.dcm', 'RG3_J2KR.dcm'])('refuses JPEG 2000 %s naming the transfer syntax UID', (f) => {
    const msg = refusal(readFileSync(xray(`real/dicom/${f}`))).message;
    expect(msg).toMatch(/transfer syntax 1\.2\.840\.10008\.1\.2\.4\.9[01] \(JPEG 2000/);
    expect(msg).toContain('Compressed DICOM support comes with case packs');
    expect(msg).not.toMatch(/CompressedSamples/); // no header text (the patient name) leaks into messages
  });

  it('inverts MONOCHROME1 within the stored range', () => {
    const dcm = makeDicom({ rows: 1, cols: 4, bitsStored: 12, photometric: 'MONOCHROME1', pixels: [0, 100, 1000, 4095] });
    const { image } = readImage(dcm, 'm1.dcm');
    expect(image.bitsStored).toBe(12);
    expect([...image.data]).toEqual([4095, 3995, 3095, 0]);
  });

  it('applies rescale slope and intercept, and masks bits above High Bit', () => {
    const dcm = makeDicom({ rows: 1, cols: 4, bitsStored: 12, slope: 2, intercept: 10, pixels: [0, 1, 0xf002, 3] });
    expect([...readImage(dcm, 'r.dcm').image.data]).toEqual([10, 12, 14, 16]);
  });

  it('shifts signed values up so the darkest becomes 0', () => {
    const dcm = makeDicom({ rows: 1, cols: 3, bitsStored: 16, signed: true, pixels: [0x10000 - 1000, 0, 1000] });
    const { image } = readImage(dcm, 's.dcm');
    expect([...image.data]).toEqual([0, 1000, 2000]);
  });

  it('promotes 10-bit (the tibia CR depth) to 12 bits', () => {
    const dcm = makeDicom({ rows: 1, cols: 2, bitsStored: 10, pixels: [1, 1023] });
    expect([...readImage(dcm, 't.dcm').image.data]).toEqual([4, 4092]);
  });

  it('refuses multi-frame, colour, absurd sizes, truncated pixel data and other compressed syntaxes', () => {
    expect(refusal(makeDicom({ rows: 1, cols: 1, frames: 2, pixels: [0, 0] })).message).toMatch(/multi-frame.*2 frames/);
    expect(refusal(makeDicom({ rows: 1, cols: 1, photometric: 'RGB', pixels: [0] })).message).toMatch(/only grayscale DICOM/);
    expect(refusal(makeDicom({ rows: 20000, cols: 1, pixels: [0] })).message).toMatch(/larger than the 16384 px/);
    expect(refusal(makeDicom({ rows: 0, cols: 4, pixels: [0] })).message).toMatch(/empty or broken/);
    expect(refusal(makeDicom({ rows: 4, cols: 4, pixels: [0, 0] })).message).toMatch(/pixel data is missing or shorter/);
    const jpeg = makeDicom({ rows: 1, cols: 1, transferSyntax: '1.2.840.10008.1.2.4.50', pixels: [0] });
    expect(refusal(jpeg).message).toMatch(/1\.2\.840\.10008\.1\.2\.4\.50 \(JPEG Baseline\).*case packs/);
    const whole = makeDicom({ rows: 64, cols: 64, pixels: new Array(4096).fill(7) });
    expect(refusal(whole.subarray(0, 300)).message).toMatch(/truncated|shorter/);
  });
});
