import { artifactById, type ArtifactId, type GameMode, type HookSetId, type SessionState } from '../domain/index.js';
import { CATEGORY_LABELS } from './category-labels.js';
import { cmeRatingLines } from './module.js';
import { drillBriefing, drillTitle } from './readiness/hooks.js';

/**
 * The named hooks of the modes (domain/modes.ts `hooks`): what a mode says that is not a setting. Each set is looked
 * up by name, so a mode stays plain data in links, stored sessions and exports.
 */
export interface ModeHooks {
  /** Paragraphs of the briefing before round `s.round`. */
  briefing(s: SessionState): readonly string[];
  /** The first words of the status line when a round's briefing appears. */
  title(mode: GameMode): string;
}

export function focusLabel(mode: GameMode): string | null {
  const f = mode.focus;
  if (!f) return null;
  if ('artifactId' in f) return `${f.artifactId} ${artifactById(f.artifactId as ArtifactId).name}`;
  return `${CATEGORY_LABELS[f.category]} tells`;
}

function feedbackLine(mode: GameMode): string {
  switch (mode.feedback) {
    case 'after-case':
      return 'After each answer the truth is shown, with its tells drawn and explained.';
    case 'after-round':
      return 'The truth, the tells and their explanation come after the round; until then nothing tells you how you did.';
    case 'end-of-session':
      return 'The truth comes only at the end of the session; until then nothing tells you how you did.';
  }
}

function ratingLines(mode: GameMode): string[] {
  const prevalence = mode.fakeShare === 0 ? 'This deck may have no fakes at all.' : `About ${Math.round(mode.fakeShare * 100)}% are fakes.`;
  return [
    prevalence,
    'Rate each image from 1 (definitely real) to 6 (definitely fake); you can change your rating until you press Enter ' +
      '(or the clock runs out, which keeps your last rating). Points follow a proper scoring rule: say how sure you really are.',
    'Click the image where you see the tell: a mark inside it earns a bonus whatever your rating, so rate what you believe.',
    feedbackLine(mode),
  ];
}

const practice: ModeHooks = {
  title: (m) => m.name,
  briefing: (s) => ratingLines(s.config.mode),
};

const tellDrill: ModeHooks = {
  title: (m) => `Drill: ${focusLabel(m) ?? m.name}`,
  briefing: (s) => [`Every fake in this drill shows ${focusLabel(s.config.mode) ?? 'the chosen tell'}.`, ...ratingLines(s.config.mode)],
};

/** A CME module's tests and practice round: the mode's description (set by the module) and how a case is scored. */
const cme: ModeHooks = {
  title: (m) => m.name,
  briefing: (s) => [s.config.mode.description, ...cmeRatingLines(s.config.mode)],
};

/** Readiness drills: a worklist in the lead's words, with no prevalence stated (presenters/readiness/hooks.ts). */
const readiness: ModeHooks = { title: drillTitle, briefing: drillBriefing };

/** A session set by an instructor (issue 14): its settings are fixed, and it ends with a result file to hand in. */
const training: ModeHooks = {
  title: (m) => m.name,
  briefing: (s) => [
    ...ratingLines(s.config.mode),
    'Your instructor set this session: the cases, the time and the tools are the same for every reader and cannot be changed here. At the end, J saves your result file.',
  ],
};

export const MODE_HOOKS: Readonly<Record<HookSetId, ModeHooks>> = {
  practice,
  'tell-drill': tellDrill,
  training,
  cme,
  readiness,
};

export const briefingLines = (s: SessionState): readonly string[] => MODE_HOOKS[s.config.mode.hooks].briefing(s);
export const modeTitle = (mode: GameMode): string => MODE_HOOKS[mode.hooks].title(mode);
