import { countOf, type GameMode } from '../domain/index.js';
import type { ModuleInfoView, ModuleLmsView, ModuleOutcomeView, ModuleScoreView, ModuleView } from '../store/index.js';

/**
 * What the CME module's pages say, from the module's plain view (store/module-slice.ts): dates, the pass mark stated
 * in advance, availability, the "no LMS is recording this" notice, scores, the result and the pre-to-post change,
 * and the words of the test and practice modes. Pure.
 */
const pctOf = (x: number): number => Math.round(x * 100);

export { countOf };

/** '2026-09-01' -> '1 September 2026' (the date as written, not moved by the time zone). */
export function moduleDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The fewest correct calls of n that reach the pass mark. */
export const callsToPass = (passMark: number, n: number): number => Math.min(n, Math.ceil(passMark * n - 1e-9));

export function passMarkSentence(info: ModuleInfoView): string {
  const need = callsToPass(info.passMark, info.postCases);
  return `To pass, get at least ${pctOf(info.passMark)}% of the post-test calls right (${need} of ${info.postCases}). ` +
    (info.attempts > 1 ? `You have ${info.attempts} attempts, each on new cases matched to the pre-test.` : 'You have one attempt.');
}

export function creditsText(info: ModuleInfoView): string | null {
  if (info.credits <= 0) return null;
  const n = Number.isInteger(info.credits) ? String(info.credits) : String(Math.round(info.credits * 100) / 100);
  // "1 credit", "1 AMA PRA Category 1 Credit™": the unit is given in the plural, as it reads after any other number.
  const unit = info.credits === 1 ? info.creditUnit.replace(/\b(credit)s\b/i, '$1') : info.creditUnit;
  return `${n} ${unit}`;
}

export function availabilitySentence(v: Pick<ModuleView, 'availability' | 'info'>): string | null {
  switch (v.availability) {
    case 'open':
      return null;
    case 'not-yet-released':
      return `This module opens on ${moduleDate(v.info.releaseDate)} (its release date) and cannot be started before then.`;
    case 'expired':
      return `This module expired on ${moduleDate(v.info.expiryDate)}: it can no longer be taken, and no credit can be claimed for it.`;
  }
}

/** The notice every page shows when nothing is recorded, or null when an LMS records the module. */
export function trackingNotice(lms: ModuleLmsView): string | null {
  if (!lms.tracked) {
    return `No LMS is recording this module: ${lms.standaloneReason ?? 'it was opened outside a learning management system'}. ` +
      'Your progress is kept in this browser only, and no completion or credit is reported. To earn credit, open the module from your LMS.';
  }
  if (lms.mode !== 'normal') return `Your LMS opened this module in ${lms.mode} mode: you can look through it, but nothing you answer is recorded.`;
  return null;
}

export const scoreText = (s: ModuleScoreView): string => `${s.correct} of ${s.total} (${s.total === 0 ? 0 : pctOf(s.correct / s.total)}%)`;

/** The heading and sentences of the post-test result page. */
export function resultLines(o: ModuleOutcomeView, info: ModuleInfoView): { heading: string; lines: string[] } {
  const last = o.attempts.at(-1);
  const mark = `the pass mark is ${pctOf(info.passMark)}% (${callsToPass(info.passMark, info.postCases)} of ${info.postCases})`;
  if (!last) return { heading: 'Post-test', lines: [] };
  if (o.passed === true) return { heading: `Passed: ${scoreText(last)} correct`, lines: [`Well done: ${mark}.`] };
  const left = info.attempts - o.attempts.length;
  if (o.passed === null) {
    return {
      heading: `Not passed yet: ${scoreText(last)} correct`,
      lines: [`${mark[0]?.toUpperCase()}${mark.slice(1)}.`, left === 1 ? 'You have one more attempt, on new cases matched to the pre-test.' : `You have ${left} more attempts, each on new cases matched to the pre-test.`],
    };
  }
  return {
    heading: `Not passed: ${scoreText(o.decisive ?? last)} correct at best`,
    lines: [`${mark[0]?.toUpperCase()}${mark.slice(1)}, and no attempt is left. You can still give your evaluation; no certificate is issued.`],
  };
}

/** The learner's change from the pre-test to the deciding post-test, in words. */
export function changeSentence(o: ModuleOutcomeView): string | null {
  if (!o.pre || !o.decisive || o.pre.total === 0 || o.decisive.total === 0) return null;
  const before = pctOf(o.pre.correct / o.pre.total);
  const after = pctOf(o.decisive.correct / o.decisive.total);
  const d = after - before;
  const change = d === 0 ? 'no change' : `${d > 0 ? 'up' : 'down'} ${Math.abs(d)} percentage points`;
  return `Pre-test ${scoreText(o.pre)}; post-test ${scoreText(o.decisive)}: ${change}.`;
}

/** Name and first briefing paragraph of the modes the module plays its cases in. */
export function cmeModeText(kind: 'pre' | 'practice' | 'post', info: ModuleInfoView, attempt = 1): { name: string; description: string } {
  switch (kind) {
    case 'pre':
      return {
        name: 'Pre-test',
        description: `The pre-test: ${countOf(info.preCases, 'case')}, ${info.secondsPerCase} seconds each. It measures where you start; it does not count towards passing, and no answer is shown until the end of the module.`,
      };
    case 'practice':
      return {
        name: 'Practice round',
        description: `A practice round of ${countOf(info.practiceCases, 'case')} with the answer after each one: the truth, the tells drawn on the image and how to see them. It does not count.`,
      };
    case 'post':
      return {
        name: info.attempts > 1 ? `Post-test, attempt ${attempt} of ${info.attempts}` : 'Post-test',
        description: `The post-test: ${countOf(info.postCases, 'new case')} matched to the pre-test, ${info.secondsPerCase} seconds each, with no feedback until it ends. ${passMarkSentence(info)}`,
      };
  }
}

/** How a module case is answered and scored (the briefing of its modes). */
export function cmeRatingLines(mode: GameMode): string[] {
  const feedback = mode.feedback === 'after-case'
    ? 'After each answer the truth is shown, with its tells drawn and explained.'
    : 'Nothing on screen tells you how you did until the test ends.';
  return [
    'Rate each image from 1 (definitely real) to 6 (definitely fake): 1 to 3 count as calling it real, 4 to 6 as calling it fake. ' +
      'You can change your rating until you press Enter. When the clock runs out your last rating counts; no rating counts as a wrong call.',
    'The viewer tools, the loupe, the forensic lenses and marks on the image are there to help you look; the score is the share of correct calls.',
    feedback,
  ];
}

/** What the status line says when a module page appears. */
export function moduleAnnouncement(v: ModuleView): string {
  switch (v.step) {
    case 'start':
      return `${v.info.title}. ${availabilitySentence(v) ?? passMarkSentence(v.info)}${trackingNotice(v.lms) ? ` ${trackingNotice(v.lms)}` : ''}`;
    case 'resume':
      return `Welcome back. ${countOf(v.answered, 'answer')} ${v.answered === 1 ? 'is' : 'are'} kept; press Enter to continue.`;
    case 'teaching':
      return `Pre-test saved. Teaching: ${countOf(v.teaching.length, 'tell')} in this module.`;
    case 'post-result':
      return resultLines(v.outcome, v.info).heading;
    case 'evaluation':
      return 'Evaluation: four questions about this activity.';
    case 'certificate':
    case 'done':
      return `${v.step === 'certificate' ? 'Module complete: you passed.' : 'Module complete.'} ${changeSentence(v.outcome) ?? ''}${v.finished ? ' The module is finished.' : ''}`.trim();
    default:
      return '';
  }
}

/** What is said once the certificate has been made and saved. */
export function certificateSaved(file: string, bytes: number, missing: readonly string[]): string {
  const size = `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const gaps = missing.length > 0 ? ` No font here has ${missing.join(' ')}, drawn as '?'; ask the provider for a certificate by hand.` : '';
  return `Saved ${file} (${size}), a PDF to keep for your records.${gaps}`;
}

/** README.txt of a module zip made without the game (the builder on the development server). */
export function modulePartsReadme(commandLine: string, deckFolder: string | null): string {
  return `This zip is not yet a module an LMS can run: it was made on a page that is not a built copy of the game
(the development server), so the game's own files are missing. It holds module.json, the LMS manifest
(imsmanifest.xml with its schemas, or cmi5.xml)${deckFolder ? `, the deck (${deckFolder}/)` : ''} and, under for-the-command-line/, the text you typed.

The simplest way to the complete zip: in the game's source folder, with this zip unpacked beside it, run

    ${commandLine}

It makes the same module (the same seed gives the same cases) with the built game inside.

By hand instead: run 'npm run build', copy every file of dist/ except lms-schemas/ and game-files.json into this
folder, add <meta name="xray-module" content="module.json"> at the top of index.html's <head>, add each copied file
to the manifest's <resource> (SCORM; for cmi5, add https: to connect-src in index.html's Content-Security-Policy
instead, so the page can reach the LRS), remove for-the-command-line/ and this README, and zip the folder's contents
(the manifest at the root of the zip). The command line does all of this and checks it.
`;
}

/**
 * A step the LMS did not take. A reload carries on while the LMS session is live (a reloaded SCORM popup finds its
 * opener's session, a cmi5 launch keeps its token); once the session has ended, or when the LMS refuses a second
 * Initialize, only a new launch from the LMS can go on, so the learner is told that too.
 */
export function lmsStepProblem(detail: string, saved: string, sessionEnded: boolean): string {
  const next = sessionEnded
    ? 'close this window and open the module again from your LMS.'
    : 'reload the page to carry on; if that does not work, close this window and open the module again from your LMS.';
  return `Your LMS did not take the last step: ${detail}. ${saved}; ${next}`;
}
