/**
 * Checks an imported pack's headers against what this version's builder writes (deidentify.ts), with the same
 * table (DICOM PS3.15 Table E.1-1, Basic Profile, as profile.ts resolves it). The pack format accepts any
 * (gggg,eeee) entry, so a pack edited by hand or made by another tool could carry Patient's Name (0010,0010, Z),
 * Patient ID (0010,0020, Z/D) or Accession Number (0008,0050, Z) into the header panel of everyone who plays it.
 * An entry passes only if the builder could have written it: a Table E.1-1 row whose action keeps it (Z empty, D
 * the dummy for its VR, U a UID, K as is but never a person's name), or an attribute of the kept dictionary; always
 * under the builder's own name for the tag, since the panel shows the name beside the value.
 */
import { DUMMY, DUMMY_TEXT } from './deidentify.js';
import { EXTRA_REMOVALS, KEPT_DICTIONARY } from './kept-dictionary.js';
import { BASIC_PROFILE, effectiveAction, keywordOf, patternRuleFor } from './profile.js';
import { isValidUid } from './uid-replace.js';

interface HeaderEntry {
  readonly tag: string;
  readonly name: string;
  readonly value: string;
}

const EXTRA = new Set(EXTRA_REMOVALS.map(([tag]) => tag));
const DUMMIES = new Set([...Object.values(DUMMY), DUMMY_TEXT]);

/** Why the builder would never write this entry (to follow "<tag> <name> "), or null when it could have. */
export function headerEntryProblem(field: HeaderEntry): string | null {
  const tag = field.tag.replace(/[(),]/g, '').toUpperCase();
  const pattern = patternRuleFor(tag);
  if (pattern !== null) return `is a ${pattern === 'private' ? 'private' : pattern} attribute, which the Basic Profile removes (X)`;
  if (EXTRA.has(tag)) return 'is free text this version removes from every header';
  const row = BASIC_PROFILE.get(tag);
  const dict = KEPT_DICTIONARY.get(tag);
  const name = row?.name ?? dict?.name;
  if (name === undefined) return 'is an attribute this version never keeps in a header';
  if (field.name !== keywordOf(name)) return `is named as if it were something else (this tag is ${keywordOf(name)})`;
  if (!row) return dict?.vr === 'PN' ? "is a person's name, which this version never keeps" : null;
  const action = effectiveAction(row.action);
  if (action === 'X') return `is an attribute the Basic Profile removes (${row.action})`;
  if (action === 'Z') return field.value === '' ? null : `holds a value, but the Basic Profile empties it (${row.action})`;
  if (action === 'U' || (action === 'D' && row.vr === 'UI')) {
    return field.value === '' || field.value.split('\\').every(isValidUid) ? null : 'holds a value that is not a replaced UID';
  }
  if (action === 'D') return DUMMIES.has(field.value) ? null : `holds a value, but the Basic Profile replaces it with a dummy (${row.action})`;
  return row.vr === 'PN' ? "is a person's name, which this version never keeps" : null;
}

/** Every entry of every case that the builder would never have written, as "case <id>: (gggg,eeee) Name problem". */
export function packHeaderProblems(cases: readonly { readonly id: string; readonly header: readonly HeaderEntry[] }[]): string[] {
  const problems: string[] = [];
  for (const c of cases) {
    for (const f of c.header) {
      const why = headerEntryProblem(f);
      if (why !== null) problems.push(`case ${c.id}: ${f.tag} ${f.name} ${why}`);
    }
  }
  return problems;
}
