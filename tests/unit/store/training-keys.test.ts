import { describe, expect, it } from 'vitest';
import { getMode, SESSION_SCHEMA_VERSION, type StoredSession } from '../../../src/domain/index.js';
import { dispatchIntent, keyToIntent, type Intent, type IntentDeps, type ResultsActions, type TrainingIntent } from '../../../src/input/index.js';
import { trainingSettings } from '../../../src/delivery/index.js';
import { createGameStore } from '../../../src/store/index.js';

/** The training keys: N and B on the title screen, J on a summary and on a training row of the history. */
const stored = (id: string, mode = getMode('practice')): StoredSession => ({
  schemaVersion: SESSION_SCHEMA_VERSION, id, startedAt: 1, updatedAt: 2, status: 'complete', mode, deckId: 'demo', seed: 7, rounds: [['demo-7-r1c1']],
  answers: [], openCase: null, generator: 'test', hints: {},
});

function game() {
  const store = createGameStore({ now: () => 0 });
  const training: TrainingIntent[] = [];
  const exports: string[] = [];
  const results = { exportJson: () => exports.push('json') } as unknown as ResultsActions;
  const deps: IntentDeps = { store, startSession: () => undefined, toTitle: () => undefined, results, training: { handle: (i) => void training.push(i) } };
  const key = (k: string): Intent | null => {
    const st = store.getState();
    const intent = keyToIntent(k, { phase: st.session?.phase ?? 'title', screen: st.screen.name, error: false });
    if (intent) dispatchIntent(intent, deps);
    return intent;
  };
  return { store, training, exports, key, deps };
}

describe('training keys', () => {
  it('N sets up a session and B opens the dashboard from the title screen; each screen has its own keys', () => {
    const g = game();
    g.key('n');
    g.key('b');
    expect(g.training.map((i) => i.kind)).toEqual(['openSetup', 'openDashboard']);
    g.store.getState().openScreen('dashboard');
    for (const k of ['o', 'f', 'n', 'p', 'v', 'Escape']) g.key(k);
    expect(g.training.slice(2).map((i) => i.kind)).toEqual(['dashFiles', 'dashFolder', 'dashNames', 'dashProjector', 'dashExport', 'close']);
    g.store.getState().openScreen('session-join');
    expect(keyToIntent('Enter', { phase: 'title', screen: 'session-join' })).toEqual({ type: 'training', action: { kind: 'join' } });
    expect(keyToIntent('1', { phase: 'title', screen: 'session-setup' })).toBeNull();
  });

  it('J on a training row of the history saves its result file; on another row it exports everything, as does the button', () => {
    const g = game();
    g.store.getState().setPastSessions([stored('a'), stored('b', trainingSettings())]);
    g.store.getState().openScreen('history');
    g.key('j');
    expect(g.exports).toEqual(['json']);
    g.key('ArrowDown');
    g.key('j');
    expect(g.training).toEqual([{ kind: 'saveResult', index: 1 }]);
    dispatchIntent({ type: 'exportJson', everything: true }, g.deps);
    expect(g.exports).toEqual(['json', 'json']);
  });

  it('J on a signed drill\'s row of the history saves that drill\'s signed result file, not an unsigned export', () => {
    const g = game();
    const drills: (number | undefined)[] = [];
    const deps: IntentDeps = { ...g.deps, drill: { hasPendingJoin: () => false, join: () => undefined, saveResultFile: (i) => void drills.push(i), pickReportFiles: () => undefined, printReport: () => undefined } };
    g.store.getState().setPastSessions([stored('a'), stored('drill:0b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f:K7QD-2MXA-PL4B-3F6Z', getMode('readiness'))]);
    g.store.getState().openScreen('history');
    g.store.getState().setHistoryIndex(1);
    dispatchIntent({ type: 'exportJson' }, deps);
    expect(drills).toEqual([1]);
    expect(g.exports).toEqual([]);
    dispatchIntent({ type: 'exportJson', everything: true }, deps);
    expect(g.exports).toEqual(['json']);
  });

  it('J does nothing on a briefing, and the lens keys keep their meaning while reading', () => {
    expect(keyToIntent('j', { phase: 'briefing', screen: 'game' })).toBeNull();
    // J on a summary saves the session's result file: a training session's through the training port.
    expect(keyToIntent('j', { phase: 'summary', screen: 'game' })).toEqual({ type: 'saveResultFile' });
    const g = game();
    dispatchIntent({ type: 'saveResultFile' }, g.deps);
    expect(g.training).toEqual([{ kind: 'saveResult' }]);
    expect(keyToIntent('b', { phase: 'reading', screen: 'game' })).toEqual({ type: 'lens', id: 'flip' });
    expect(keyToIntent('n', { phase: 'reading', screen: 'game' })).toEqual({ type: 'lens', id: 'noise' });
  });
});
