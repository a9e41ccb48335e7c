import { RATING_LABELS, type CaseRecord, type FlagOutcome, type HintCall } from '../../domain/index.js';
import { CATEGORY_LABELS } from '../category-labels.js';

/** The badge of the AI-hint arm, in the words shown on the film (the same look for both calls: domain says which). */
export const HINT_WORDS: Readonly<Record<HintCall, string>> = {
  authentic: 'Authenticity check: no sign of manipulation found',
  manipulated: 'Authenticity check: possible manipulation or synthetic image',
};

/**
 * What the reader answered on a case, in words ("read abnormal, flagged as suspected manipulated or synthetic, sign:
 * Texture and noise"), for the status line and the review. Says what was answered, never whether it was right.
 */
export function answerWords(rec: Pick<CaseRecord, 'rating' | 'read' | 'flagged' | 'tellNamed' | 'timedOut'>): string {
  const tell = rec.tellNamed ? `, sign named: ${CATEGORY_LABELS[rec.tellNamed].toLowerCase()}` : '';
  if (rec.read !== undefined) {
    const read = rec.read === null ? 'no read recorded (time ran out)' : `read ${rec.read}`;
    return `${read}${rec.flagged ? ', flagged as suspected manipulated or synthetic' : ', not flagged'}${tell}`;
  }
  if (rec.rating === null) return 'no answer (time ran out)';
  return `rated ${rec.rating} (${RATING_LABELS[rec.rating].toLowerCase()})${tell}`;
}

/** The review's verdict on a routine-read drill's film: what the flag did, since the read is not judged. */
export const FLAG_VERDICT: Readonly<Record<FlagOutcome, string>> = {
  'flagged-fake': 'Right to flag',
  'missed-fake': 'Missed: not flagged',
  'false-flag': 'Wrong to flag: the film is authentic',
  clear: 'Right not to flag',
};
