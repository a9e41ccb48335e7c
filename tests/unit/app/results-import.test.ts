/** Reading a results file: each session is refused on its own, with its reason, when the game could not score it. */
import { describe, expect, it } from 'vitest';
import { readResultsFile } from '../../../src/app/results-actions.js';
import { caseId, createSession, exportJson, getMode, toStoredSession, transition } from '../../../src/domain/index.js';

function answered() {
  const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 1 };
  let s = createSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
  s = transition(s, { type: 'START_ROUND' });
  s = transition(s, { type: 'CASE_SHOWN', now: 0, truth: { kind: 'authentic', authenticityCues: [] } });
  s = transition(s, { type: 'RATE', rating: 2 });
  s = transition(s, { type: 'CONFIRM', now: 1000 });
  return toStoredSession(s, { id: 'good', startedAt: 1, generator: 'test' }, 2);
}

describe('importing results', () => {
  it('refuses a session whose answers do not fit its case order and accepts the others', () => {
    const good = answered();
    const bad = { ...good, id: 'bad', answers: good.answers.map((a) => ({ ...a, indexInRound: 1 })) };
    const read = readResultsFile(exportJson([good, bad]));
    expect(read.sessions.map((s) => s.id)).toEqual(['good']);
    expect(read.refused).toEqual([expect.stringMatching(/^session 2: answer for a .*does not fit the session order/)]);
  });
});
