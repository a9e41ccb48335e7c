import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { zlibSync } from 'fflate';
import { decodePng, scanPngMetadata } from '../../../../../src/authoring/ingest/raster/index.js';
import { bytesOf, c2paJumbf, pngChunk, readXray, tiffWithAscii, withChunks } from './fixtures.js';

const W = 64;
const plain = (text?: Record<string, string>): Uint8Array =>
  encode({ width: W, height: W, data: new Uint8Array(W * W).fill(90), depth: 8, channels: 1, ...(text ? { text } : {}) });

const allText = (scan: ReturnType<typeof scanPngMetadata>): string => JSON.stringify(scan);

describe('scanPngMetadata', () => {
  it('finds nothing AI-related in a plain NIH radiograph', () => {
    const scan = scanPngMetadata(readXray('real/chest/nih-cxr14/00000075_000.png'));
    expect(scan.provenance).toEqual([]);
  });

  it('declares Stable Diffusion "parameters" as AI and caps the quoted text at 200 characters', () => {
    const params = `chest x-ray, frontal, ${'detailed '.repeat(80)} Steps: 30, Sampler: Euler a, Model: sd-v1-5`;
    const scan = scanPngMetadata(plain({ parameters: params }));
    const f = scan.provenance.find((p) => p.source.includes('"parameters"'));
    expect(f?.isAiDeclared).toBe(true);
    expect(f?.text.length).toBeLessThanOrEqual(200);
    expect(f?.text.startsWith('chest x-ray, frontal')).toBe(true);
    expect(scan.stripped).toContain('PNG text chunks');
  });

  it('names the generator in a Software key, and keeps plain software non-AI', () => {
    const comfy = scanPngMetadata(plain({ Software: 'ComfyUI 0.3.10' })).provenance[0];
    expect(comfy).toMatchObject({ generator: 'ComfyUI', isAiDeclared: true });
    const gimp = scanPngMetadata(plain({ Software: 'GIMP 2.10' })).provenance[0];
    expect(gimp).toMatchObject({ text: 'GIMP 2.10', isAiDeclared: false });
    expect(gimp?.generator).toBeUndefined();
  });

  it('never copies free-text keys that may name a person', () => {
    const scan = scanPngMetadata(plain({ Author: 'Dr Jane Doe', Comment: 'patient Max Mustermann' }));
    expect(allText(scan)).not.toMatch(/Jane|Mustermann/);
    expect(scan.stripped.some((s) => s.includes('"Author"'))).toBe(true);
  });

  it('reads zTXt ComfyUI "prompt" and iTXt XMP with an IPTC trainedAlgorithmicMedia source type', () => {
    const ztxt = pngChunk('zTXt', bytesOf('prompt', [0, 0], zlibSync(new TextEncoder().encode('{"3":{"class_type":"KSampler"}}'))));
    const xmp =
      '<x:xmpmeta><rdf:Description xmp:CreatorTool="RoentGen pipeline" ' +
      'Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/></x:xmpmeta>';
    const itxt = pngChunk('iTXt', bytesOf('XML:com.adobe.xmp', [0, 0, 0], [0], [0], xmp));
    const scan = scanPngMetadata(withChunks(plain(), ztxt, itxt));
    expect(scan.provenance.find((p) => p.source.includes('zTXt "prompt"'))).toMatchObject({ isAiDeclared: true });
    expect(scan.provenance.find((p) => p.source.includes('CreatorTool'))).toMatchObject({ generator: 'RoentGen', isAiDeclared: true });
    expect(scan.provenance.find((p) => p.source.includes('DigitalSourceType'))?.isAiDeclared).toBe(true);
    expect(scan.stripped).toContain('XMP');
  });

  it('names iCCP, eXIf (Software quoted, Artist not copied) and tIME', () => {
    const iccp = pngChunk('iCCP', bytesOf('sRGB', [0, 0], zlibSync(new Uint8Array(64))));
    const exif = pngChunk('eXIf', tiffWithAscii([[0x0131, 'Midjourney v6'], [0x013b, 'John Smith'], [0x010e, 'Ward 3 bed 4']]));
    const time = pngChunk('tIME', Uint8Array.of(7, 232, 1, 2, 3, 4, 5));
    const scan = scanPngMetadata(withChunks(plain(), iccp, exif, time));
    expect(scan.stripped).toEqual(expect.arrayContaining(['ICC profile', 'EXIF', 'PNG tIME']));
    expect(scan.provenance).toContainEqual({ source: 'PNG eXIf Software', text: 'Midjourney v6', generator: 'Midjourney', isAiDeclared: true });
    expect(scan.stripped.some((s) => s.startsWith('EXIF Artist'))).toBe(true);
    expect(scan.stripped.some((s) => s.startsWith('EXIF ImageDescription'))).toBe(true);
    expect(allText(scan)).not.toMatch(/John|Ward 3/);
  });

  it('reports a C2PA caBX manifest, AI only when it says so', () => {
    const ai = scanPngMetadata(withChunks(plain(), pngChunk('caBX', c2paJumbf('Adobe_Firefly/3.0', 'trainedAlgorithmicMedia'))));
    expect(ai.stripped).toContain('C2PA manifest');
    expect(ai.provenance[0]).toMatchObject({ source: 'PNG caBX C2PA manifest', generator: 'Adobe Firefly', isAiDeclared: true });
    expect(ai.provenance[0]?.text).toContain('claim_generator: Adobe_Firefly/3.0');
    const camera = scanPngMetadata(withChunks(plain(), pngChunk('caBX', c2paJumbf('Leica M11-P'))));
    expect(camera.provenance[0]).toMatchObject({ text: 'claim_generator: Leica M11-P', isAiDeclared: false });
  });

  it('passes findings through decodePng', async () => {
    const out = await decodePng({ path: 'sd.png', bytes: plain({ parameters: 'x-ray, Steps: 20' }) });
    expect(out.provenance.some((p) => p.isAiDeclared)).toBe(true);
  });

  it('yields nothing for bytes that are not a PNG', () => {
    expect(scanPngMetadata(new Uint8Array(100))).toEqual({ provenance: [], stripped: [] });
  });
});
