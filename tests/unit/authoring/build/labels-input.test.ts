/**
 * Labels from what departments hold: a plain folder labelled as a whole (--real, --synthetic, or the browser's
 * choice per dropped folder), CSV files saved by spreadsheets in UTF-16, and CSV files that are far too large.
 */
import { describe, expect, it } from 'vitest';
import { classProblem, decodeCsvBytes, labelFor, MAX_CSV_FIELD, parseCsv, parseLabelsCsv, rootLabelConflict, rootLabelFor } from '../../../../src/authoring/build/index.js';

const utf16le = (s: string, bom = true): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 255, s.charCodeAt(i) >> 8], (bom ? 2 : 0) + 2 * i);
  return out;
};

describe('a label for a whole input', () => {
  const roots = [{ prefix: 'dept-chest-2026/', label: 'real' as const }, { prefix: 'collected-ai', label: 'synthetic' as const }];

  it('labels every file under the folder the instructor named, and nothing else', () => {
    expect(rootLabelFor('dept-chest-2026/2026-01/a.dcm', roots)).toBe('real');
    expect(rootLabelFor('collected-ai/x.png', roots)).toBe('synthetic');
    expect(rootLabelFor('dept-chest-2026-old/a.dcm', roots)).toBeNull();
    expect(labelFor('dept-chest-2026/a.dcm', null, undefined, roots)).toEqual({ row: { label: 'real' }, from: 'input' });
  });

  it('comes after a CSV row and a real/ or synthetic/ folder name, and a folder name that contradicts it is a conflict', () => {
    const t = parseLabelsCsv('file,label\ndept-chest-2026/b.dcm,synthetic\n');
    const paths = ['dept-chest-2026/b.dcm', 'dept-chest-2026/synthetic/c.png', 'dept-chest-2026/real/d.png'];
    expect(labelFor('dept-chest-2026/b.dcm', t, paths, roots)?.row.label).toBe('synthetic');
    expect(rootLabelConflict('dept-chest-2026/b.dcm', t, paths, roots)).toBeNull();
    expect(rootLabelConflict('dept-chest-2026/synthetic/c.png', t, paths, roots)).toBe(
      'its folder name says synthetic but its input was given as real (--real); move the file, or label it in the labels CSV.',
    );
    expect(rootLabelConflict('dept-chest-2026/real/d.png', t, paths, roots)).toBeNull();
  });
});

describe('labels CSV files as spreadsheets save them', () => {
  const csv = 'file,label,explanation\na.png,real,\nb.png,synthetic,"Écrit à la main, ü"\n';

  it('reads UTF-16 with and without a byte-order mark (Excel "Unicode text"), and UTF-8 with one', () => {
    for (const bytes of [utf16le(csv), utf16le(csv, false), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)])]) {
      const t = parseLabelsCsv(decodeCsvBytes(bytes));
      expect(labelFor('b.png', t)?.row).toEqual({ label: 'synthetic', explanation: 'Écrit à la main, ü' });
    }
  });

  it('refuses a file over 32 MB before decoding it, and a field over 10,000 characters without building it', () => {
    expect(() => decodeCsvBytes(new Uint8Array(32 * 1024 ** 2 + 1))).toThrow(/over the 32 MB a labels file can need/);
    const huge = `file,label,explanation\na.png,real,"${'x'.repeat(3 * MAX_CSV_FIELD)}"\n`;
    expect(() => parseCsv(huge)).toThrow(/a field longer than 10000 characters near line 2/);
  });
});

describe('a pack needs real and fake cases', () => {
  it('says what to add when there are no fakes, or no real cases', () => {
    expect(classProblem(['authentic', 'authentic'], 0)).toMatch(/hold 2 real cases and no fakes.*--synthetic <folder>.*--forged-share 0\.5; it is 0 now/s);
    expect(classProblem(['synthetic', 'forged'], 1)).toMatch(/hold 2 fake cases and no real ones.*--real <folder>.*lower --forged-share \(it is 1 now\)/s);
    expect(classProblem(['authentic', 'forged'], 0.5)).toBeNull();
    expect(classProblem([], 0.5)).toBeNull();
  });
});
