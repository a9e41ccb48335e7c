/**
 * Types of the Basic Application Level Confidentiality Profile as data (DICOM PS3.15 E.1, Table E.1-1, column
 * "Basic Prof."). Action codes as PS3.15 E.1.1 defines them:
 *   D  replace with a non-zero-length dummy value consistent with the VR
 *   Z  replace with a zero-length value, or a dummy value consistent with the VR
 *   X  remove
 *   K  keep (unchanged for non-sequence attributes)
 *   C  clean: replace with values of similar meaning known not to contain identifying information
 *   U  replace with a non-zero-length UID that is internally consistent within a set of instances
 *   Z/D, X/Z, X/D, X/Z/D: the first unless the IOD needs the second (Type 2) or third (Type 1)
 *   X/Z/U*: X unless Z or the replacement of the UIDs the sequence contains (U) is needed by the IOD
 */
export type BasicAction = 'D' | 'Z' | 'X' | 'K' | 'C' | 'U' | 'Z/D' | 'X/Z' | 'X/D' | 'X/Z/D' | 'X/Z/U*';

/** One row of Table E.1-1: tag as 'ggggeeee' (upper-case hex), VR from PS3.6, Basic Profile action, PS3.6 name. */
export type ProfileRowTuple = readonly [tag: string, vr: string, action: BasicAction, name: string];

export interface ProfileRow {
  readonly tag: string;
  readonly vr: string;
  readonly action: BasicAction;
  readonly name: string;
}
