import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PackError, packToZip, unzipFiles, unzipPack, type PackErrorCode } from '../../../src/pack-format/index.js';
import { entryName } from '../../../src/pack-format/zip-reader.js';
import { handZip } from './hand-zip.js';
import { validPackFiles } from './fixtures.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function codeOf(f: () => unknown): { code: PackErrorCode; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof PackError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a PackError');
}

describe('packToZip and unzipPack', () => {
  it('round-trips a pack exactly, manifest first', () => {
    const files = validPackFiles();
    const zip = packToZip(files);
    const back = unzipPack(zip);
    expect([...back.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [p, b] of files) expect(back.get(p)).toEqual(b);
    expect(Object.keys(unzipSync(zip))[0]).toBe('manifest.json');
  });

  it('is deterministic: the same pack (in any insertion order) gives the same bytes', () => {
    const files = validPackFiles();
    const reversed = new Map([...files].reverse());
    expect(packToZip(reversed)).toEqual(packToZip(files));
  });

  it('stores PNGs uncompressed and deflates the manifest', () => {
    const zip = packToZip(validPackFiles());
    const methods = new Map<string, number>();
    unzipSync(zip, { filter: (f) => (methods.set(f.name, f.compression), false) });
    expect(methods.get('images/c0001.png')).toBe(0);
    expect(methods.get('manifest.json')).toBe(8);
  });

  it('strips one common top folder and drops OS junk', () => {
    const zip = handZip([
      { name: 'mypack/manifest.json', data: bytes('{}') },
      { name: 'mypack/images/c0001.png', data: bytes('png'), deflate: true },
      { name: '__MACOSX/mypack/._manifest.json', data: bytes('junk') },
      { name: 'mypack/.DS_Store', data: bytes('junk') },
    ]);
    const files = unzipPack(zip);
    expect([...files.keys()].sort()).toEqual(['images/c0001.png', 'manifest.json']);
    expect(new TextDecoder().decode(files.get('images/c0001.png'))).toBe('png');
  });

  it('refuses packToZip of an unsafe path', () => {
    expect(codeOf(() => packToZip(new Map([['../evil.png', bytes('x')]]))).code).toBe('unsafe-path');
  });
});

describe('unzipPack refuses hostile zips with advice', () => {
  it.each([
    ['/etc/passwd', /is absolute/],
    ['images/../../evil.png', /'\.\.' segment/],
    ['..', /'\.\.' segment/],
    ['images\\..\\evil.png', /backslash/],
    ['C:/Windows/evil.dll', /drive letter/],
    ['images/a\0.png', /NUL/],
  ])('zip slip: %j', (name, why) => {
    const e = codeOf(() => unzipPack(handZip([{ name, data: bytes('x') }])));
    expect(e.code).toBe('unsafe-path');
    expect(e.message).toMatch(why);
    expect(e.message).toMatch(/Re-create the zip/);
  });

  it('more entries than the limit, before reading them', () => {
    const zip = handZip([{ name: 'a.txt', data: bytes('x') }], { declaredCount: 10_001 });
    const e = codeOf(() => unzipPack(zip));
    expect(e.code).toBe('too-many-entries');
    expect(e.message).toMatch(/at most 10000. Split/);
    expect(codeOf(() => unzipPack(handZip([{ name: 'a', data: bytes('1') }, { name: 'b', data: bytes('2') }]), { maxEntries: 1 })).code).toBe('too-many-entries');
  });

  it('a declared total above the limit, checked before inflating', () => {
    // The data is tiny and honest sizes would pass: only the declaration is checked.
    const zip = handZip([{ name: 'big.bin', data: bytes('x'), declaredSize: 3 * 1024 ** 3 - 1, declaredCompressedSize: 1 }]);
    const e = codeOf(() => unzipPack(zip));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/more than 2048 MiB/);
    const small = handZip([{ name: 'a', data: new Uint8Array(100) }, { name: 'b', data: new Uint8Array(100) }]);
    expect(codeOf(() => unzipPack(small, { maxTotalBytes: 150 })).code).toBe('too-large');
  });

  it('a real high-ratio entry (a small bomb) is refused by its ratio', () => {
    const flat = new Uint8Array(4 * 1024 ** 2); // 4 MiB of zeros deflates about 1000-fold
    const e = codeOf(() => unzipPack(handZip([{ name: 'bomb.png', data: flat, deflate: true }])));
    expect(e.code).toBe('suspicious-compression');
    expect(e.message).toMatch(/zip bomb/);
    // Below 64 KiB the ratio is not held against an entry: small flat files are normal.
    expect(unzipPack(handZip([{ name: 'x.bin', data: new Uint8Array(60 * 1024), deflate: true }])).get('x.bin')?.length).toBe(60 * 1024);
  });

  it('an entry that inflates past its declared size is stopped', () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const e = codeOf(() => unzipPack(handZip([{ name: 'liar.png', data, deflate: true, declaredSize: 1000 }])));
    expect(e.code).toBe('size-mismatch');
    expect(e.message).toMatch(/liar\.png/);
  });

  it('an entry that inflates short of its declared size, and a stored entry with the wrong size', () => {
    const data = new Uint8Array(5000).map((_, i) => i % 13);
    expect(codeOf(() => unzipPack(handZip([{ name: 'short.png', data, deflate: true, declaredSize: 6000 }]))).code).toBe('size-mismatch');
    expect(codeOf(() => unzipPack(handZip([{ name: 's.png', data, declaredSize: 4000 }]))).code).toBe('size-mismatch');
  });

  it('a damaged entry (CRC mismatch)', () => {
    const e = codeOf(() => unzipPack(handZip([{ name: 'a.png', data: bytes('hello'), crc: 1234 }])));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/checksum.*Download or copy it again/);
  });

  it('encrypted entries, by flag or AES method', () => {
    expect(codeOf(() => unzipPack(handZip([{ name: 'a.png', data: bytes('x'), flags: 1 }]))).message).toMatch(/password-protected.*without a password/);
    expect(codeOf(() => unzipPack(handZip([{ name: 'a.png', data: bytes('x'), method: 99 }]))).code).toBe('encrypted');
  });

  it('unknown compression methods, duplicates and overlapping entries', () => {
    expect(codeOf(() => unzipPack(handZip([{ name: 'a.png', data: bytes('x'), method: 14 }]))).code).toBe('unsupported-compression');
    expect(codeOf(() => unzipPack(handZip([{ name: 'a', data: bytes('x') }, { name: 'a', data: bytes('y') }]))).code).toBe('duplicate-entry');
    const overlap = handZip([{ name: 'a', data: bytes('xyz') }, { name: 'b', data: bytes('xyz') }], { overlapAll: true });
    expect(codeOf(() => unzipPack(overlap)).message).toMatch(/overlap/);
  });

  it('not a zip at all, a truncated zip, an empty zip', () => {
    const e = codeOf(() => unzipPack(bytes('just some text that is not a zip archive at all')));
    expect(e.code).toBe('not-a-zip');
    expect(e.message).toMatch(/Choose the \.zip/);
    const zip = packToZip(validPackFiles());
    expect(['not-a-zip', 'corrupt']).toContain(codeOf(() => unzipPack(zip.subarray(0, zip.length - 40))).code);
    expect(codeOf(() => unzipPack(zip.subarray(100))).code).toBe('corrupt');
    expect(codeOf(() => unzipPack(handZip([]))).code).toBe('empty');
  });

  it('reads names without the UTF-8 flag (bit 11) as CP437, as Windows writes them: Müller and Mäller stay two folders', () => {
    const cp437 = (name: string, high: number): Uint8Array => Uint8Array.from([...name].map((c) => (c === '*' ? high : c.charCodeAt(0))));
    const zip = handZip([
      { name: cp437('M*ller/a.png', 0x81), data: bytes('1'), flags: 0 },
      { name: cp437('M*ller/a.png', 0x84), data: bytes('2'), flags: 0 },
      { name: 'Åsa/b.png', data: bytes('3'), flags: 0 },
      { name: 'Øre/c.png', data: bytes('4') },
    ]);
    expect([...unzipFiles(zip).keys()]).toEqual(['Müller/a.png', 'Mäller/a.png', 'Åsa/b.png', 'Øre/c.png']);
    // A few of the table's characters (APPNOTE Appendix D), against Python's cp437 codec.
    expect(entryName(Uint8Array.of(0x80, 0x94, 0x99, 0x9a, 0xa5, 0xe1, 0xe6, 0xb3, 0xff), 0)).toBe('ÇöÖÜÑßµ│\u00a0');
  });
});
