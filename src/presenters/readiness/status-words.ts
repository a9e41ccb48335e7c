import { drillAnswersOf, drillFigures, figureRows, type CaseRecord, type SessionState } from '../../domain/index.js';
import { CATEGORY_LABELS } from '../category-labels.js';

/** The answer being chosen on a drill's film, for the status line; it says what was chosen, never whether it is right. */
export function draftWords(s: SessionState): string {
  const tell = s.tellNamed ? `, sign named: ${CATEGORY_LABELS[s.tellNamed].toLowerCase()}` : '';
  if (s.config.mode.answer === 'read-and-flag') {
    const read = s.read ? `Read ${s.read}` : 'No read yet';
    const flag = s.flagged ? ', flagged as suspected manipulated or synthetic' : ', not flagged';
    return `${read}${flag}${tell}. ${s.read ? 'Enter gives it' : 'Choose a read: 1 normal, 2 abnormal'}`;
  }
  return s.tellNamed ? `Sign named: ${CATEGORY_LABELS[s.tellNamed].toLowerCase()}` : 'No sign named';
}

/** The debrief's first figures in one spoken paragraph, at the end of a drill. */
export function drillSummaryWords(records: readonly CaseRecord[]): string {
  return figureRows(drillFigures(drillAnswersOf(records))).slice(0, 3).map((r) => `${r.label}: ${r.value}.`).join(' ');
}
