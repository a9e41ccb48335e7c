/**
 * The de-identification table checked row by row against the published one: DICOM PS3.15 Table E.1-1 as extracted
 * from the standard by the innolitics/dicom-standard project (../shared/dicom-standard, January 2025, 621 rows).
 * Every difference is listed here and in src/authoring/deid/README.md, so a new edition shows up as a failing test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASIC_PROFILE, patternRuleFor } from '../../../../src/authoring/deid/index.js';

interface StandardRow {
  readonly name: string;
  readonly tag: string;
  readonly id: string;
  readonly basicProfile: string;
}

const STANDARD = join(process.cwd(), '..', 'shared', 'dicom-standard', 'confidentiality_profile_attributes.json');
const rows = JSON.parse(readFileSync(STANDARD, 'utf8')) as StandardRow[];
const single = rows.filter((r) => /^\([0-9A-F]{4},[0-9A-F]{4}\)$/i.test(r.tag));

/**
 * Rows of ours that the January 2025 extraction does not list: attributes added to PS3.6 and Table E.1-1 in the
 * 2023-2025 editions (names to use and pronouns, gender identity and sex parameters for clinical use, diagnosis code
 * sequences, ethnic group codes, waveform annotation and montage attributes, device ids), all removed, dummied (D)
 * or replaced (U) here. README.md lists them with the reason each is kept.
 */
const NEWER_ROWS = [
  '00081301', '00081302', '00081303', '00081304', '00100011', '00100012', '00100013', '00100014', '00100015', '00100016',
  '00100041', '00100042', '00100043', '00100044', '00100045', '00100046', '00100047', '00102161', '00102162', '00181010',
  '00181011', '003A0020', '003A0203', '003A020C', '00400556', '0040A034', '0040A035', '0040B020', '0040B034', '0040B036',
  '0040B03B', '0040B03F', '00700006', '300A0054',
];

describe('PS3.15 Table E.1-1 against the published table', () => {
  it('is the 621-row extraction: 617 single attributes and 4 rules for ranges of tags', () => {
    expect(rows).toHaveLength(621);
    expect(single).toHaveLength(617);
  });

  it('has every one of the 617 single-attribute rows, with the same Basic Profile code and name', () => {
    const wrong: string[] = [];
    for (const r of single) {
      const ours = BASIC_PROFILE.get(r.id.toUpperCase());
      if (!ours) wrong.push(`${r.tag} ${r.name}: missing`);
      else if (ours.action !== r.basicProfile) wrong.push(`${r.tag} ${r.name}: ${ours.action} here, ${r.basicProfile} there`);
      else if (ours.name !== r.name.split('\n')[0]) wrong.push(`${r.tag}: named '${ours.name}' here, '${r.name}' there`);
    }
    expect(wrong).toEqual([]);
  });

  it('covers the 4 range rows by rule: private groups, curves, overlay data and comments, all removed', () => {
    const ranges = rows.filter((r) => !single.includes(r)).map((r) => [r.tag, r.basicProfile]);
    expect(ranges.sort()).toEqual([['(50XX,XXXX)', 'X'], ['(60XX,3000)', 'X'], ['(60XX,4000)', 'X'], ['(GGGG,EEEE) WHERE GGGG IS ODD', 'X']]);
    expect(['00090010', '50001000', '60003000', '60004000', '60000010'].map(patternRuleFor)).toEqual(['private', 'curve', 'overlay', 'overlay', 'overlay']);
  });

  it('adds only the 34 rows of later editions, none of which keeps a value', () => {
    const ids = new Set(single.map((r) => r.id.toUpperCase()));
    const extra = [...BASIC_PROFILE.keys()].filter((t) => !ids.has(t)).sort();
    expect(extra).toEqual([...NEWER_ROWS].sort());
    for (const t of extra) expect(['X', 'D', 'U', 'X/D']).toContain(BASIC_PROFILE.get(t)?.action);
  });
});
