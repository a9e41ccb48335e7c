import { fakesWereRare, isUnprompted, type GameMode, type SessionState } from '../../domain/index.js';
import { durationWords } from '../duration.js';

/**
 * The readiness drill's words before the worklist (issue 16). Unprompted, the briefing presents a reading exercise in
 * the lead's wording (the purpose is disclosed in the debrief); prompted, it says fakes may be present, in any number
 * including none, without saying how many (the count varies from drill to drill: domain/readiness/worklist.ts).
 */
export const drillTitle = (mode: GameMode): string => mode.drill?.title ?? (isUnprompted(mode) ? 'Reading exercise' : 'Readiness drill');

function mechanics(mode: GameMode, n: number): string[] {
  const clock = `Each film has up to ${durationWords(mode.secondsPerCase)}${mode.allowPause ? '; Esc pauses' : ''}.`;
  const end = 'You see how you did only at the end, when every film is reviewed with you; nothing on the way tells you.';
  if (isUnprompted(mode)) {
    return [
      `${n} films. For each, record your read: normal (key 1) or abnormal (key 2), then Enter. ${clock}`,
      'If you think a film has been manipulated or is synthetic, flag it (F); you may then say which kind of sign you saw.',
      end,
    ];
  }
  const hint = mode.drill?.aiHint
    ? ['Some films carry an automated "authenticity check". Like any software, it is sometimes wrong: read the film yourself.']
    : [];
  return [
    `${n} films. Some may be manipulated or synthetic, as could happen in practice: any number of them, possibly none.`,
    `Rate each from 1 (definitely real) to 6 (definitely fake), then Enter. When you rate 4 or more you may say which kind of sign you saw. ${clock}`,
    ...hint,
    end,
  ];
}

export function drillBriefing(s: SessionState): readonly string[] {
  const mode = s.config.mode;
  const n = s.config.rounds[s.round]?.length ?? 0;
  const own = mode.drill?.briefing;
  const intro = own ?? (isUnprompted(mode)
    ? 'A reading exercise from your department: a worklist of chest radiographs, to be read as you would read a routine list.'
    : 'A readiness drill from your department: a worklist read as in practice, in which some films may not be what they seem.');
  return [intro, ...mechanics(mode, n)];
}

/** The debrief's first words: what the exercise was for (the unprompted variant discloses its purpose here). */
export function drillDisclosure(mode: GameMode, fakes: number, films: number): string {
  const what = fakes === 0
    ? `None of the ${films} films was manipulated or synthetic: this worklist was a control, to see how often authentic films get flagged.`
    : `${fakes} of the ${films} films ${fakes === 1 ? 'was' : 'were'} manipulated or synthetic.`;
  if (isUnprompted(mode)) {
    return `This reading exercise was also a readiness drill: it measured whether readers notice manipulated or synthetic films when nobody tells them to look. ${what}`;
  }
  const where = fakesWereRare(fakes, films) ? 'in a worklist where they are rare' : 'in a worklist read as in practice';
  return `This drill measured how well manipulated or synthetic films are caught ${where}. ${what}`;
}
