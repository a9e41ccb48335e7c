import { artifactById, type ArtifactCategory, type ArtifactId } from '../artifacts.js';
import type { CaseScore } from '../scoring.js';
import type { CaseRecord, SessionState } from '../session.js';
import { isFake, tellsOfTruth, type CaseTruth } from '../tells.js';
import { callsFake } from '../types.js';
import type { ClinicalRead } from './settings.js';

/**
 * The answer of a read-and-flag case (the unprompted drill) and the tell a drill's reader may name, as the state
 * machine (session.ts) keeps them while the case is read. Per film the reader records a normal or abnormal read and
 * may flag the film as suspected manipulated or synthetic; once a film is called fake (flagged, or rated 4 or more in
 * the prompted drill) the reader may name the kind of tell. Nothing here scores points: a drill shows no score.
 */
export interface DrillDraft {
  readonly read: ClinicalRead | null;
  readonly flagged: boolean;
  /** The category of tell the reader names for a film they call fake (the report's last funnel step). */
  readonly tellNamed: ArtifactCategory | null;
}
export const EMPTY_DRAFT: DrillDraft = { read: null, flagged: false, tellNamed: null };

export type DrillEvent =
  | { readonly type: 'READ'; readonly read: ClinicalRead }
  | { readonly type: 'FLAG'; readonly flagged: boolean }
  | { readonly type: 'NAME_TELL'; readonly category: ArtifactCategory | null };

/**
 * The key that names each kind of sign while the sign list is open, kept beside the answer so the key map, the buttons
 * and the help read one table. Letters free while a drill's film is read whatever the drill allows: not 1-6 (the read
 * or the rating), F (the flag), the viewer's, the header's or a forensic lens's keys.
 */
export const SIGN_KEYS: Readonly<Record<ArtifactCategory, string>> = {
  anatomical: 'A',
  'texture-noise': 'U',
  frequency: 'R',
  'edges-blending': 'G',
  'devices-markers': 'V',
  metadata: 'K',
};

const isReadAndFlag = (s: SessionState): boolean => s.config.mode.answer === 'read-and-flag';

/** Whether the draft on screen calls the film a fake (flagged, or a rating of 4 or more). */
export const draftCallsFake = (s: SessionState): boolean => (isReadAndFlag(s) ? s.flagged : s.rating !== null && callsFake(s.rating));

/** Whether the case on screen has an answer Enter may give: a read (read-and-flag) or a rating. */
export const hasAnswer = (s: SessionState): boolean => (isReadAndFlag(s) ? s.read !== null : s.rating !== null);

/** READ, FLAG and NAME_TELL while reading; an event that does not apply returns the same state. */
export function drillReading(s: SessionState, e: DrillEvent): SessionState {
  switch (e.type) {
    case 'READ':
      return isReadAndFlag(s) && s.read !== e.read ? { ...s, read: e.read } : s;
    case 'FLAG':
      if (!isReadAndFlag(s) || s.flagged === e.flagged) return s;
      return { ...s, flagged: e.flagged, tellNamed: e.flagged ? s.tellNamed : null };
    case 'NAME_TELL':
      if (!s.config.mode.drill || !draftCallsFake(s) || s.tellNamed === e.category) return s;
      return { ...s, tellNamed: e.category };
  }
}

/** After a rating changes: a named tell stays only while the rating still calls the film fake. */
export const keepTellIfStillFake = (s: SessionState): SessionState => (s.tellNamed !== null && !draftCallsFake(s) ? { ...s, tellNamed: null } : s);

/** Whether the answer on screen counts as a time-out when recorded (no read, or no rating). */
export const draftTimedOut = (s: SessionState): boolean => !hasAnswer(s);

/** What a record of this session adds: the read and flag (read-and-flag), the tell named and the badge (drills). */
export function draftRecordFields(s: SessionState, caseId: string): Pick<CaseRecord, 'read' | 'flagged' | 'tellNamed' | 'hint'> {
  const drill = s.config.mode.drill !== undefined;
  return {
    ...(isReadAndFlag(s) ? { read: s.read, flagged: s.flagged } : {}),
    ...(drill ? { tellNamed: s.tellNamed, hint: s.config.hints?.[caseId] ?? null } : {}),
  };
}

/** The call a record makes: true for fake, false for authentic, null for a time-out (no call). */
export function calledFake(r: CaseRecord): boolean | null {
  if (r.timedOut) return null;
  if (r.rating !== null) return callsFake(r.rating);
  return r.flagged ?? null;
}

/** A read-and-flag answer is right when the flag matches the truth; it earns no points (drills show none). */
export function flagScore(truth: CaseTruth, flagged: boolean, timedOut: boolean): CaseScore {
  const correct = !timedOut && flagged === isFake(truth);
  return { correct, ratingPoints: 0, localised: false, localisationBonus: 0, streakBonus: 0, total: 0 };
}

/** The categories of a fake's tells (none for an authentic film, or an imported image without drawn tells). */
export const tellCategoriesOf = (t: CaseTruth): ArtifactCategory[] => [...new Set(tellsOfTruth(t).map((x) => artifactById(x.artifactId as ArtifactId).category))];

/** A read-and-flag answer against the truth: a flagged fake, a missed fake, a false flag, or an authentic film left alone. */
export type FlagOutcome = 'flagged-fake' | 'missed-fake' | 'false-flag' | 'clear';

/**
 * Only the flag is judged in the unprompted drill (the normal/abnormal read is the cover task, never scored), so its
 * review must say it was the flag that was right or wrong. Null for a rated case or one with no answer.
 */
export function flagOutcome(r: Pick<CaseRecord, 'read' | 'flagged' | 'timedOut' | 'truth'>): FlagOutcome | null {
  if (r.read === undefined || r.timedOut) return null;
  const flagged = r.flagged === true;
  if (isFake(r.truth)) return flagged ? 'flagged-fake' : 'missed-fake';
  return flagged ? 'false-flag' : 'clear';
}
