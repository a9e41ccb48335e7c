/**
 * The Basic Application Level Confidentiality Profile (DICOM PS3.15 E.1, Table E.1-1, "Basic Prof." column) as
 * one lookup, plus the rules of the table that are not single tags: private attributes (odd groups), Curve Data
 * (50xx,xxxx), Overlay Data (60xx,3000) and Overlay Comments (60xx,4000) are all X.
 */
import type { BasicAction, ProfileRow, ProfileRowTuple } from './profile-types.js';
import { TABLE_0000_0010 } from './table-groups-0000-0010.js';
import { TABLE_0012_0038 } from './table-groups-0012-0038.js';
import { TABLE_003A_0088 } from './table-groups-003a-0088.js';
import { TABLE_0100_FFFC } from './table-groups-0100-fffc.js';

/** The DICOM edition the table follows (checked against the published Table E.1-1; see README.md). */
export const PROFILE_EDITION = 'DICOM PS3.15 2024 (Table E.1-1 as of about 2024b)';

/** The value of De-identification Method (0012,0063) this module writes (PS3.15 E.1.1 item 4, PS3.3 C.7.1.1). */
export const DEID_METHOD = 'DICOM PS3.15 E.1 Basic Application Level Confidentiality Profile (no options)';

const toRow = ([tag, vr, action, name]: ProfileRowTuple): ProfileRow => ({ tag, vr, action, name });

/** Every row of Table E.1-1 that names one attribute, keyed by 'ggggeeee' (upper-case hex). */
export const BASIC_PROFILE: ReadonlyMap<string, ProfileRow> = new Map(
  [...TABLE_0000_0010, ...TABLE_0012_0038, ...TABLE_003A_0088, ...TABLE_0100_FFFC].map((t) => [t[0], toRow(t)]),
);

/** A tag rule of Table E.1-1 that covers a range of tags rather than one. */
export type PatternRule = 'private' | 'curve' | 'overlay';

/**
 * Which pattern rule of Table E.1-1 covers a tag, if any. Private: any odd group (PS3.5 7.8; the profile keeps
 * none without the Retain Safe Private option). Curve: (50xx,xxxx), retired repeating groups 5000-501E. Overlay:
 * the table lists (60xx,3000) and (60xx,4000); we remove the whole repeating overlay group 6000-601E (overlay
 * labels and descriptions are free text too) - a conservative extension, documented in README.md.
 */
export function patternRuleFor(tag: string): PatternRule | null {
  const group = parseInt(tag.slice(0, 4), 16);
  if (group % 2 === 1) return 'private';
  if (group >= 0x5000 && group <= 0x501e) return 'curve';
  if (group >= 0x6000 && group <= 0x601e) return 'overlay';
  return null;
}

/** The single action applied to a table row in this header-only context. */
export type EffectiveAction = 'D' | 'Z' | 'X' | 'K' | 'U';

/**
 * Resolves a Table E.1-1 code for the kept header. The header is a flat list for review, not an IOD instance, so
 * no attribute is Type 1 or Type 2 here and a compound code takes its strictest member, the first (PS3.15 E.1.1:
 * "X/Z" is X unless Z is needed for IOD conformance, "X/D" X unless D, "Z/D" Z unless D, "X/Z/D" X unless Z or D,
 * "X/Z/U*" X unless Z or U). C (clean) is treated as X: we do not clean descriptions, we remove them.
 */
export function effectiveAction(code: BasicAction): EffectiveAction {
  if (code === 'C') return 'X';
  return code.charAt(0) as EffectiveAction;
}

const KEYWORD_EXCEPTIONS: Readonly<Record<string, string>> = {
  'Storage Media File-set UID': 'StorageMediaFileSetUID',
  'Exposure in µAs': 'ExposureInuAs',
  'Exposure Time in µS': 'ExposureTimeInuS',
  'X-Ray Tube Current in µA': 'XRayTubeCurrentInuA',
};

/**
 * The PS3.6 keyword of an attribute from its name: words joined and capitalised, "'s" dropped ("Patient's Name"
 * -> PatientName), "(s)" -> "s", other punctuation removed ("Contrast/Bolus Agent" -> ContrastBolusAgent).
 */
export function keywordOf(name: string): string {
  const known = KEYWORD_EXCEPTIONS[name];
  if (known) return known;
  return name
    .replace(/'s\b/g, '')
    .replace(/\(s\)/g, 's')
    .replace(/[^A-Za-z0-9 ]+/g, (m) => (m.includes('/') || m.includes('&') ? ' ' : ''))
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
