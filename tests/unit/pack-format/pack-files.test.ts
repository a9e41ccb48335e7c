import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/pack-format/crc32.js';
import {
  PackError,
  assemblePack,
  isSafePackPath,
  packFilesFromFolder,
  parsePackManifest,
  readPack,
  stripCommonTopFolder,
  validatePackFiles,
} from '../../../src/pack-format/index.js';
import { grayPng, validManifestJson, validPackFiles } from './fixtures.js';

/** The PNG with one more chunk (valid length and CRC) right after IHDR. */
function withChunk(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  body.set(new TextEncoder().encode(type));
  body.set(data, 4);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  const at = 8 + 25; // signature, IHDR (length, type, 13 bytes, CRC)
  return Uint8Array.from([...png.subarray(0, at), ...chunk, ...png.subarray(at)]);
}

describe('validatePackFiles', () => {
  it('accepts a complete pack', () => {
    const { manifest, problems } = validatePackFiles(validPackFiles());
    expect(problems).toEqual([]);
    expect(manifest?.cases).toHaveLength(3);
  });

  it('refuses served images and originals holding any chunk but IHDR, IDAT and IEND, and says to rebuild', () => {
    const files = validPackFiles();
    const plain = files.get('images/c0001.png') as Uint8Array;
    const width = 32;
    const height = 24;
    files.set('images/c0001.png', encode({ width, height, data: new Uint16Array(width * height).fill(105), depth: 16, channels: 1, text: { Comment: 'Patient: DOE^JANE' } }));
    files.set('images/c0003.png', withChunk(plain, 'tIME', Uint8Array.of(7, 233, 1, 2, 3, 4, 5)));
    files.set('originals/c0002.png', withChunk(withChunk(plain, 'iCCP', new Uint8Array(20)), 'eXIf', new Uint8Array(16)));
    const { manifest, problems } = validatePackFiles(files);
    expect(manifest).not.toBeNull();
    expect(problems).toEqual([
      expect.stringMatching(/^images\/c0001\.png: holds PNG chunk "tEXt"; a pack's images hold only IHDR, IDAT and IEND, .*provenance or identifiers\. Rebuild the pack with the pack builder\.$/),
      expect.stringMatching(/^originals\/c0002\.png: holds PNG chunks "eXIf", "iCCP";/),
      expect.stringMatching(/^images\/c0003\.png: holds PNG chunk "tIME";/),
    ]);
    expect(() => readPack(files)).toThrow(/Rebuild the pack with the pack builder/);
    files.set('images/c0003.png', withChunk(plain, 'sRGB', Uint8Array.of(0)));
    expect(validatePackFiles(files).problems.join('\n')).toMatch(/c0003\.png: holds PNG chunk "sRGB"/);
  });

  it('reports a missing manifest with what to do', () => {
    const files = validPackFiles();
    files.delete('manifest.json');
    const v = validatePackFiles(files);
    expect(v.manifest).toBeNull();
    expect(v.problems[0]).toMatch(/manifest\.json is missing\. Open the folder that contains manifest\.json/);
    expect(() => readPack(files)).toThrow(PackError);
  });

  it('reports missing images and originals, unreferenced files and unsafe paths', () => {
    const files = validPackFiles();
    files.delete('images/c0003.png');
    files.delete('originals/c0002.png');
    files.set('images/extra.png', grayPng());
    files.set('notes/../x.txt', new Uint8Array(1));
    files.set('README.md', new Uint8Array(1));
    const { manifest, problems } = validatePackFiles(files);
    expect(manifest).not.toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^images\/c0003\.png: missing \(case c0003\)/),
        expect.stringMatching(/^originals\/c0002\.png: missing \(case c0002\)/),
        expect.stringMatching(/^images\/extra\.png: not part of the pack.*Remove it/),
        expect.stringMatching(/^'notes\/\.\.\/x\.txt': the path contains a '\.\.' segment/),
      ]),
    );
    expect(problems.some((p) => p.startsWith('README.md'))).toBe(false);
    expect(problems).toHaveLength(4);
  });

  it('reports images of the wrong size, depth or format', () => {
    const files = validPackFiles();
    files.set('images/c0001.png', grayPng(16, 16));
    files.set('images/c0002.png', grayPng(undefined, undefined, 100, 8));
    files.set('images/c0003.png', new TextEncoder().encode('GIF89a'));
    const { problems } = validatePackFiles(files);
    expect(problems).toEqual([
      expect.stringMatching(/^images\/c0001\.png: is 16×16 but the manifest says every image is 32×24/),
      expect.stringMatching(/^images\/c0002\.png: must be a 16-bit grayscale PNG \(got colour type 0, 8-bit\)/),
      expect.stringMatching(/^images\/c0003\.png: not a PNG file/),
    ]);
  });

  it('passes the manifest error through as the problem', () => {
    const files = validPackFiles();
    const j = validManifestJson();
    j['schemaVersion'] = 9;
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(j)));
    expect(validatePackFiles(files).problems).toEqual([expect.stringMatching(/newer version of the game; update the game/)]);
  });
});

describe('folders and paths', () => {
  it('packFilesFromFolder strips a dropped folder name and refuses unsafe paths', () => {
    const entries = [...validPackFiles()].map(([path, bytes]) => ({ path: `St Mary pack/${path}`, bytes }));
    const files = packFilesFromFolder([...entries, { path: 'St Mary pack/.DS_Store', bytes: new Uint8Array(1) }]);
    expect(validatePackFiles(files).problems).toEqual([]);
    expect(() => packFilesFromFolder([{ path: 'a\\b.png', bytes: new Uint8Array() }])).toThrow(/backslash/);
  });

  it('stripCommonTopFolder leaves a pack alone when the manifest is at the root or tops differ', () => {
    expect([...stripCommonTopFolder(['manifest.json', 'images/a.png']).values()]).toEqual(['manifest.json', 'images/a.png']);
    expect([...stripCommonTopFolder(['a/manifest.json', 'b/x.png']).values()]).toEqual(['a/manifest.json', 'b/x.png']);
    expect([...stripCommonTopFolder(['images/a.png', 'images/b.png']).values()]).toEqual(['a.png', 'b.png']);
  });

  it('isSafePackPath accepts plain relative paths only', () => {
    expect(isSafePackPath('images/c0001.png')).toBe(true);
    for (const bad of ['', '/a', 'a//b', './a', 'a/./b', 'a/..', 'D:x', 'a\\b', 'a\u0001', 'x'.repeat(256)]) expect(isSafePackPath(bad), bad).toBe(false);
  });

  it('assemblePack writes the manifest and refuses an incomplete pack', () => {
    const manifest = parsePackManifest(validManifestJson());
    const images = [...validPackFiles()].filter(([p]) => p !== 'manifest.json');
    const files = assemblePack(manifest, images);
    expect(readPack(files)).toEqual(manifest);
    expect(() => assemblePack(manifest, images.slice(1))).toThrow(/missing/);
  });
});
