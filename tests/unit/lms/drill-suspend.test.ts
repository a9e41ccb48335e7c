import { describe, expect, it } from 'vitest';
import { decodeDrillSuspend, encodeDrillSuspend, SCORM12_SUSPEND_LIMIT } from '../../../src/lms/index.js';
import { demoDrill, scriptedAnswer } from '../../helpers/lms-drill.js';

const films = (n: number): string[] => Array.from({ length: n }, (_, i) => `demo-7-r1c${i + 1}`);

describe("a drill module's resume record", () => {
  it('round-trips an unprompted and a prompted worklist caught mid-way, with the open film clock', () => {
    for (const answer of ['read-and-flag', 'rating'] as const) {
      const d = demoDrill({ mode: answer === 'rating' ? { answer, drill: { aiHint: { accuracy: 0.8 }, opens: null, closes: null, title: null, briefing: null } } : {} });
      const ids = films(6);
      const hintOf = (f: string) => (f.endsWith('2') ? 'manipulated' as const : null);
      const answers = ids.slice(0, 5).map((f, i) => scriptedAnswer(d, f, i, hintOf(f)));
      const clock = { index: 5, startedAt: Date.parse('2026-06-02T09:00:00Z'), pausedAt: null };
      const raw = encodeDrillSuspend(d, answers, clock);
      expect(raw).toMatch(/^XD1\|[0-9a-z]+\|(?:[nNaAxX0-6][-atfedm][0-9a-z]{3}){5}\|5\.[0-9a-z]+$/);
      expect(raw.split('|')[2]).toHaveLength(25);
      expect(decodeDrillSuspend(d, ids, hintOf, raw)).toEqual({ ok: true, answers, clock });
    }
  });

  it('fits SCORM 1.2 at the largest worklist (200 films, the last one open with its clock paused)', () => {
    const d = demoDrill({ mode: { casesPerRound: 200, secondsPerCase: 600 } });
    const ids = films(200);
    const answers = ids.slice(0, 199).map((f, i) => ({ ...scriptedAnswer(d, f, i), timeMs: 600_000 }));
    const clock = { index: 199, startedAt: Date.parse('2099-12-31T23:50:00Z'), pausedAt: Date.parse('2099-12-31T23:59:59Z') };
    const raw = encodeDrillSuspend(d, answers, clock);
    console.log(`largest drill suspend data: ${raw.length} characters (limit ${SCORM12_SUSPEND_LIMIT})`);
    expect(raw.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeDrillSuspend(d, ids, () => null, raw)).toEqual({ ok: true, answers, clock });
  });

  it('refuses a record of another drill or a damaged one, saying why, without throwing', () => {
    const d = demoDrill();
    const ids = films(6);
    const raw = encodeDrillSuspend(d, [scriptedAnswer(d, ids[0]!, 0)], null);
    expect(decodeDrillSuspend(demoDrill({ seed: 8 }), ids, () => null, raw)).toEqual({ ok: false, reason: 'saved progress belongs to another version of this drill' });
    for (const bad of ['XD1', 'XR2|x|p|0|0||', `${raw}1`, raw.replace(/\|([nNaAxX])/, '|q'), `${raw}|x`, `${raw}.y`]) {
      expect(decodeDrillSuspend(d, ids, () => null, bad).ok, bad).toBe(false);
    }
    expect(decodeDrillSuspend(d, ids, () => null, '')).toEqual({ ok: false, reason: 'no saved progress' });
  });
});
