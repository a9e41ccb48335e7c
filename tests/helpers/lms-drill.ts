import { getMode, withSettings, type GameMode } from '../../src/domain/index.js';
import { drillModuleFromOptions, drillWorklist, type DrillLmsAnswer, type DrillModule, type LmsStandard } from '../../src/lms/index.js';
import { TECHNIQUES } from './lms-module.js';

/** Test drills as LMS modules, and a reader who answers as told: the shared vocabulary of the drill-module tests. */
export function demoDrill(o: { mode?: Partial<GameMode>; standard?: LmsStandard; seed?: number; title?: string } = {}): DrillModule {
  const mode = withSettings(getMode('drill'), { casesPerRound: 6, fakeShare: 0.3, secondsPerCase: 60, ...o.mode });
  return drillModuleFromOptions({ standard: o.standard ?? 'scorm12', mode, title: o.title ?? 'June chest drill', id: null, provider: 'Dr Q. Lead', packId: null, seed: o.seed ?? 7 });
}

export const worklistOf = (d: DrillModule) => (learnerId: string) => {
  const w = drillWorklist(d, learnerId, TECHNIQUES, null);
  return { films: w.specs.map((s) => s.id as string), hintOf: (film: string) => w.hints[film] ?? null };
};

/**
 * The i-th answer of a scripted reader: unprompted, a normal or abnormal read with a flag (and a named sign) on every
 * third film and a time-out on the fifth; prompted, ratings 1..6 with a time-out on the fifth.
 */
export function scriptedAnswer(d: DrillModule, film: string, i: number, hint: DrillLmsAnswer['hint'] = null): DrillLmsAnswer {
  const timedOut = i === 4;
  const timeMs = timedOut ? d.mode.secondsPerCase * 1000 : 2_000 + i * 1_300;
  if (d.mode.answer === 'read-and-flag') {
    const flagged = i % 3 === 0 && !timedOut;
    return { caseId: film, rating: null, read: timedOut ? null : i % 2 === 0 ? 'abnormal' : 'normal', flagged, tellNamed: flagged ? 'texture-noise' : null, hint, timeMs, timedOut };
  }
  const rating = timedOut ? null : (i % 6) + 1;
  return { caseId: film, rating, tellNamed: rating !== null && rating >= 4 ? 'metadata' : null, hint, timeMs, timedOut };
}
