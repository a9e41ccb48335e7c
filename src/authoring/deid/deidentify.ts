/**
 * De-identifies the header of a parsed DICOM data set with the Basic Application Level Confidentiality Profile
 * (DICOM PS3.15 E.1, Table E.1-1, no options). The result is a flat header for review, not a DICOM file: the
 * profile's actions are applied, sequences and binary values are left out, and only attributes we can name are
 * kept. Pixel data is not looked at: burned-in text is reported through Burned In Annotation (0028,0301), as
 * PS3.15 E.1.1 leaves its removal to the user.
 */
import type { DataSet, Element } from 'dicom-parser';
import type { CaseHeader, HeaderField } from '../../domain/index.js';
import type { ProvenanceFinding } from '../ingest/types.js';
import { EXTRA_REMOVALS, KEPT_DICTIONARY } from './kept-dictionary.js';
import { BASIC_PROFILE, DEID_METHOD, effectiveAction, keywordOf, patternRuleFor, type PatternRule } from './profile.js';
import type { ProfileRow } from './profile-types.js';
import { provenanceFromHeader } from './provenance.js';
import { isSequence, KEPT_VRS, MAX_VALUE_LENGTH, readValue } from './read-value.js';
import { replaceUid } from './uid-replace.js';

export interface DeidOptions {
  /** Root for replacement UIDs; default '2.25' (UUID-derived, PS3.5 B.2). */
  readonly uidRoot?: string;
  /** Secret mixed into replacement UIDs. Use one per pack build: the same UID then maps to the same new UID. */
  readonly salt?: string;
}

export type DeidActionKind = 'removed' | 'emptied' | 'replaced' | 'uid-replaced' | 'kept';

export interface DeidAction {
  /** "(gggg,eeee)". */
  readonly tag: string;
  /** PS3.6 attribute name, e.g. "Patient's Name". */
  readonly name: string;
  readonly action: DeidActionKind;
}

export interface DeidResult {
  /**
   * The header we keep: non-private attributes with short text or numeric values (no sequences, no binary), after
   * the profile's actions, sorted by tag, named by PS3.6 keyword (as CaseHeader fields are, e.g. 'PatientName').
   * Plus (0012,0062) Patient Identity Removed = YES and (0012,0063) De-identification Method naming the profile.
   */
  readonly header: CaseHeader;
  /** What was done: one entry per listed (or curve, overlay, unlisted PN) attribute present in the input, by tag. */
  readonly actions: readonly DeidAction[];
  /** Burned In Annotation (0028,0301) as declared: 'YES' | 'NO' | null when absent or another value. */
  readonly burnedInAnnotation: 'YES' | 'NO' | null;
  /** Provenance from kept values only (Manufacturer, Model, Software Versions...), AI-declared when one says so. */
  readonly provenance: readonly ProvenanceFinding[];
  /** Private attributes (odd groups) removed; counted, not listed in `actions`. */
  readonly privateRemoved: number;
  /** Attributes outside Table E.1-1 dropped because we cannot name or show them (unknown tag, sequence, binary, long). */
  readonly unlistedDropped: number;
}

/** The salt used when none is given. Pass your own per build: with this one, anyone can recompute the mapping. */
export const DEFAULT_SALT = 'xray-deepfake-trainer/deid/v1';

export const DUMMY: Readonly<Record<string, string>> = {
  DA: '19000101', TM: '000000', DT: '19000101000000', PN: 'ANONYMOUS', AS: '000Y', DS: '0', IS: '0',
  US: '0', SS: '0', UL: '0', SL: '0', FL: '0', FD: '0',
};
export const DUMMY_TEXT = 'REMOVED';
const PATTERN_NAMES: Readonly<Record<Exclude<PatternRule, 'private'>, string>> = { curve: 'Curve Data', overlay: 'Overlay' };
const EXTRA: ReadonlyMap<string, ProfileRow> = new Map(EXTRA_REMOVALS.map(([tag, vr, action, name]) => [tag, { tag, vr, action, name }]));

const formatTag = (t: string): string => `(${t.slice(0, 4)},${t.slice(4, 8)})`;

/** The explicit VR when the file carries a usable one, else the dictionary's. */
const vrOf = (el: Element, known: string | undefined): string | undefined => (el.vr && el.vr !== 'UN' ? el.vr : known);

export function deidentifyDataSet(ds: DataSet, options: DeidOptions = {}): DeidResult {
  const salt = options.salt ?? DEFAULT_SALT;
  const header: HeaderField[] = [];
  const actions: DeidAction[] = [];
  let privateRemoved = 0;
  let unlistedDropped = 0;
  const keep = (tag: string, name: string, value: string): void => {
    header.push({ tag: formatTag(tag), name: keywordOf(name), value });
  };
  const act = (tag: string, name: string, action: DeidActionKind): void => {
    actions.push({ tag: formatTag(tag), name, action });
  };

  for (const [key, el] of Object.entries(ds.elements)) {
    const tag = key.replace(/^x/i, '').toUpperCase();
    if (!/^[0-9A-F]{8}$/.test(tag)) continue;
    const pattern = patternRuleFor(tag);
    if (pattern === 'private') {
      privateRemoved++;
      continue;
    }
    if (pattern) {
      act(tag, `${PATTERN_NAMES[pattern]} ${formatTag(tag)}`, 'removed');
      continue;
    }
    if (tag.endsWith('0000')) continue; // group lengths (PS3.5 7.2) would be wrong after removals
    const row = BASIC_PROFILE.get(tag) ?? EXTRA.get(tag);
    if (row) {
      applyRow(ds, el, row);
      continue;
    }
    if (tag === '00120062' || tag === '00120063') continue; // rewritten below
    const dict = KEPT_DICTIONARY.get(tag);
    const vr = vrOf(el, dict?.vr);
    if (vr === 'PN') {
      act(tag, dict?.name ?? 'Unlisted Person Name attribute', 'removed'); // PS3.15 E.1: names identify
      continue;
    }
    const value = dict && vr && KEPT_VRS.has(vr) && !isSequence(el, vr) ? readValue(ds, el, vr) : null;
    if (!dict || value === null || value.length > MAX_VALUE_LENGTH) {
      if (tag !== '7FE00010') unlistedDropped++;
      continue;
    }
    keep(tag, dict.name, value);
  }

  function applyRow(data: DataSet, el: Element, row: ProfileRow): void {
    const action = effectiveAction(row.action);
    const vr = vrOf(el, row.vr) ?? row.vr;
    if (action === 'X' || isSequence(el, vr) || !(KEPT_VRS.has(vr) || vr === 'PN' || vr === 'UC' || vr === 'UR')) {
      act(row.tag, row.name, 'removed');
      return;
    }
    if (action === 'Z') {
      keep(row.tag, row.name, '');
      act(row.tag, row.name, 'emptied');
      return;
    }
    const original = readValue(data, el, vr);
    if (action === 'U' || (action === 'D' && vr === 'UI')) {
      keep(row.tag, row.name, original ? replaceUid(original, salt, options.uidRoot) : '');
      act(row.tag, row.name, 'uid-replaced');
      return;
    }
    if (action === 'D') {
      keep(row.tag, row.name, DUMMY[vr] ?? DUMMY_TEXT);
      act(row.tag, row.name, 'replaced');
      return;
    }
    // K: kept as is, within the same limits as any kept value; never a person's name.
    if (original === null || original.length > MAX_VALUE_LENGTH || vr === 'PN') act(row.tag, row.name, 'removed');
    else {
      keep(row.tag, row.name, original);
      act(row.tag, row.name, 'kept');
    }
  }

  keep('00120062', 'Patient Identity Removed', 'YES');
  keep('00120063', 'De-identification Method', DEID_METHOD);
  header.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  actions.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  return {
    header,
    actions,
    burnedInAnnotation: burnedIn(ds),
    provenance: provenanceFromHeader(header),
    privateRemoved,
    unlistedDropped,
  };
}

function burnedIn(ds: DataSet): 'YES' | 'NO' | null {
  const el = ds.elements['x00280301'];
  if (!el) return null;
  const v = (readValue(ds, el, 'CS') ?? '').toUpperCase();
  return v === 'YES' || v === 'NO' ? v : null;
}
