export { deidentifyDataSet, DEFAULT_SALT } from './deidentify.js';
export type { DeidAction, DeidActionKind, DeidOptions, DeidResult } from './deidentify.js';
export { BASIC_PROFILE, DEID_METHOD, PROFILE_EDITION, effectiveAction, keywordOf, patternRuleFor } from './profile.js';
export type { EffectiveAction, PatternRule } from './profile.js';
export type { BasicAction, ProfileRow, ProfileRowTuple } from './profile-types.js';
export { EXTRA_REMOVALS, KEPT_DICTIONARY } from './kept-dictionary.js';
export type { DictEntry } from './kept-dictionary.js';
export { detectAiGenerator, provenanceFromHeader } from './provenance.js';
export { isValidUid, replaceUid, sha256 } from './uid-replace.js';
