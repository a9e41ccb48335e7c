import { describe, expect, it } from 'vitest';
import { getMode, withSettings, type GameMode } from '../../../src/domain/index.js';
import { trainingSettings } from '../../../src/delivery/index.js';
import { keyToIntent } from '../../../src/input/index.js';
import { CONTROLS, helpRows, MODULE_CONTROLS, type HelpRow } from '../../../src/presenters/index.js';

const at = (mode: GameMode, phase = 'reading') => ({ config: { mode }, phase });
const keys = (rows: readonly HelpRow[]): string[] => rows.map(([k]) => k);
const words = (rows: readonly HelpRow[]): string => rows.map(([k, w]) => `${k} ${w}`).join('\n');
const unprompted = getMode('readiness');
const prompted = withSettings(unprompted, { answer: 'rating', lenses: ['noise'] });
const cmePre = withSettings(getMode('practice'), { id: 'cme-pre', rounds: 1, feedback: 'end-of-session', allowPause: false, showScore: false, hooks: 'cme' });
const cmePractice = withSettings(cmePre, { id: 'cme-practice', feedback: 'after-case', allowPause: true });

/** Words that would tell an unprompted reader what the exercise is about, or name a screen it does not offer. */
const GIVEAWAY = /fake|\btells?\b|forensic|lens|atlas|original|flicker|noise residual|Rate the/i;

describe('the help lists what the mode offers', () => {
  it("an unprompted drill's film: the worklist's keys and the viewer tools, in a reading room's words", () => {
    const rows = helpRows({ session: at(unprompted), module: false });
    expect(words(rows)).not.toMatch(GIVEAWAY);
    expect(keys(rows)).toEqual(expect.arrayContaining(['1 / 2', 'F', 'A U R G V K', 'Click', 'Enter', 'I', 'P', 'M', 'D', 'H', 'Esc']));
    for (const gone of ['1 - 6', 'T', 'C / F', 'G', 'R', 'A', 'K', 'N L Q B E']) expect(keys(rows), gone).not.toContain(gone);
    expect(rows.find(([k]) => k === '1 / 2')?.[1]).toMatch(/1 normal, 2 abnormal/);
    expect(rows.find(([k]) => k === 'A U R G V K')?.[1]).toMatch(/Once the film is flagged.*A anatomical, U texture and noise/);
  });

  it('a drill run as an LMS module: no result file or results list, and its menu continues later without calling its films a test', () => {
    const rows = helpRows({ session: at(unprompted), module: true });
    expect(words(rows)).not.toMatch(GIVEAWAY);
    expect(words(rows)).not.toMatch(/\btest\b/i);
    expect(keys(rows)).not.toContain('J');
    expect(rows.find(([k]) => k === 'Esc')?.[1]).toBe('Menu (pauses the clock; Q there: continue later, with your progress kept)');
  });

  it("an unprompted drill's join page says no more than its films do", () => {
    expect(words(helpRows({ session: null, module: false, drillJoin: { prompted: false } }))).not.toMatch(GIVEAWAY);
  });

  it('the review keys, the results and the atlas come with the drill\'s review', () => {
    const rows = helpRows({ session: at(unprompted, 'roundReview'), module: false });
    expect(keys(rows)).toEqual(expect.arrayContaining(['T', 'C / F', 'G', 'Left / Right', 'R', 'A', 'J']));
  });

  it('a prompted drill rates its films, names a sign from a rating of 4, and lists only the lenses the lead allowed', () => {
    const rows = helpRows({ session: at(prompted), module: false });
    expect(keys(rows)).toEqual(expect.arrayContaining(['1 - 6', 'A U R G V K', 'N']));
    expect(keys(rows)).not.toContain('F');
    expect(keys(rows)).not.toContain('A');
    expect(rows.find(([k]) => k === 'A U R G V K')?.[1]).toMatch(/Once you rate 4 or more/);
  });

  it('a CME pre-test: the case keys and tools, no atlas, results, review keys or title-screen keys; Esc continues later', () => {
    const rows = helpRows({ session: at(cmePre), module: true });
    expect(keys(rows)).toEqual(expect.arrayContaining(['1 - 6', 'Click', 'D', 'N L Q B E', 'H', 'Esc']));
    for (const gone of ['A', 'R', 'T', 'C / F', 'G', 'Left / Right', 'K', 'L', 'W', 'N', 'B', 'J', '1 / 2, F']) expect(keys(rows), gone).not.toContain(gone);
    expect(rows.find(([k]) => k === 'Esc')?.[1]).toMatch(/continue later/);
    expect(words(rows)).not.toMatch(/atlas/i);
  });

  it("a module's practice round keeps the atlas and the review keys", () => {
    expect(keys(helpRows({ session: at(cmePractice), module: true }))).toEqual(expect.arrayContaining(['A', 'T', 'C / F', 'Left / Right']));
  });

  it('a training session: its result file, and a menu that does not stop its clock', () => {
    const rows = helpRows({ session: at(trainingSettings()), module: false });
    expect(rows.find(([k]) => k === 'J')?.[1]).toMatch(/training session/);
    expect(rows.find(([k]) => k === 'Esc')?.[1]).toMatch(/does not stop the clock/);
    expect(keys(rows)).not.toContain('1 / 2, F');
    expect(keys(rows)).not.toContain('W');
  });

  it('practice lists every game key of a case; the title screen and module pages keep their whole lists', () => {
    const rows = helpRows({ session: at(getMode('practice')), module: false });
    expect(keys(rows)).toEqual(expect.arrayContaining(['1 - 6', 'T', 'C / F', 'G', 'R', 'A', 'N L Q B E']));
    for (const gone of ['K', 'L', 'W', 'N', 'B', 'J', '1 / 2, F']) expect(keys(rows), gone).not.toContain(gone);
    expect(helpRows({ session: null, module: false })).toBe(CONTROLS);
    expect(helpRows({ session: null, module: true })).toBe(MODULE_CONTROLS);
  });

  it('every letter a test or a drill lists does something while its film is read', () => {
    const cases = [
      { rows: helpRows({ session: at(cmePre), module: true }), ctx: { module: true, atlasBarred: true } },
      { rows: helpRows({ session: at(unprompted), module: false }), ctx: { purposeHidden: true, atlasBarred: true, signsOpen: true } },
    ];
    for (const { rows, ctx } of cases) {
      const letters = keys(rows).flatMap((k) => k.split(/[ ,/]+/)).filter((k) => /^[A-Z]$/.test(k) && k !== 'J');
      for (const k of letters) expect(keyToIntent(k.toLowerCase(), { phase: 'reading', screen: 'game', ...ctx }), k).not.toBeNull();
    }
  });
});
