import {
  continuePastReview, createSession, currentCaseId, transition, type CaseTruth, type OpenCaseProgress, type Point, type Rating, type SessionConfig, type SessionEvent,
  type SessionMeta, type SessionState, type ToolName,
} from '../domain/index.js';
import type { GameState, GetState, SetState, StoreDeps } from './types.js';
import { FRESH_REVIEW, FRESH_VIEW } from './fresh.js';

/** The session slice: every action is one domain event; the state machine computes the next state. */
export interface SessionActions {
  startSession(config: SessionConfig, meta: SessionMeta): void;
  resumeSession(state: SessionState, meta: SessionMeta, open: { caseId: string; progress: OpenCaseProgress } | null): void;
  reviewPastSession(state: SessionState): void;
  quitSession(): void;
  send(event: SessionEvent): void;
  startRound(): void;
  caseShown(truth: CaseTruth): void;
  tick(): void;
  rate(rating: Rating): void;
  confirm(): void;
  toggleMark(point: Point, tolerancePx: number): void;
  noteTool(tool: ToolName): void;
  next(): void;
  continueSession(): void;
}

export function sessionSlice(get: GetState<GameState>, set: SetState<GameState>, deps: StoreDeps): SessionActions {
  const send = (event: SessionEvent): void => {
    const s = get().session;
    if (!s || get().reviewOnly) return;
    const next = transition(s, event);
    if (next !== s) set({ session: next });
  };
  const freshScreen = (): void => set({ view: FRESH_VIEW, screen: { ...get().screen, name: 'game', back: null, review: FRESH_REVIEW, header: null } });
  return {
    send,
    startSession: (config, meta) => {
      set({ session: createSession(config), meta, resumeProgress: null, reviewOnly: false });
      freshScreen();
    },
    resumeSession: (state, meta, open) => {
      set({ session: state, meta, resumeProgress: open, reviewOnly: false });
      freshScreen();
    },
    reviewPastSession: (state) => {
      set({ session: state, meta: null, resumeProgress: null, reviewOnly: true });
      freshScreen();
    },
    quitSession: () => {
      set({ session: null, meta: null, resumeProgress: null, reviewOnly: false });
      freshScreen();
    },
    startRound: () => {
      send({ type: 'START_ROUND' });
      set({ screen: { ...get().screen, review: FRESH_REVIEW } });
    },
    caseShown: (truth) => {
      const s = get().session;
      const open = get().resumeProgress;
      const resumed = s && open && currentCaseId(s) === open.caseId ? open.progress : undefined;
      send({ type: 'CASE_SHOWN', now: deps.now(), truth, ...(resumed ? { resumed } : {}) });
      if (open) set({ resumeProgress: null });
    },
    tick: () => send({ type: 'TICK', now: deps.now() }),
    rate: (rating) => send({ type: 'RATE', rating }),
    confirm: () => send({ type: 'CONFIRM', now: deps.now() }),
    toggleMark: (point, tolerancePx) => send({ type: 'TOGGLE_MARK', point, tolerancePx }),
    noteTool: (tool) => send({ type: 'TOOL_USED', tool }),
    next: () => {
      send({ type: 'NEXT' });
      const v = get().view;
      set({ view: { ...FRESH_VIEW, resetCount: v.resetCount + 1, magnifier: v.magnifier } });
    },
    continueSession: () => {
      const s = get().session;
      if (get().reviewOnly && s?.phase === 'roundReview') {
        set({ session: continuePastReview(s) });
      } else {
        send({ type: 'CONTINUE' });
      }
      set({ screen: { ...get().screen, review: FRESH_REVIEW } });
    },
  };
}
