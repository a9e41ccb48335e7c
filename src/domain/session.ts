import { MAX_MARKS, scoreCase, type CaseScore } from './scoring.js';
import type { CaseTruth } from './tells.js';
import type { CaseId, Point, Rating } from './types.js';
import type { GameMode } from './modes.js';

/**
 * The session state machine: briefing -> loading -> reading -> answered | timedOut -> ... -> roundReview ->
 * briefing (next round) ... -> summary. Pure: time enters only as `now` (ms) in events, so tests pin it.
 * An event that does not apply in the current phase returns the same state object (callers may compare).
 */
export type Phase = 'briefing' | 'loading' | 'reading' | 'answered' | 'timedOut' | 'roundReview' | 'summary';

export interface SessionConfig {
  readonly mode: GameMode;
  readonly deckId: string;
  readonly seed: number;
  /** Case ids per round, fixed at the start so the order is reproducible from the seed. */
  readonly rounds: readonly (readonly CaseId[])[];
}

export interface CaseRecord {
  readonly caseId: CaseId;
  readonly round: number;
  readonly indexInRound: number;
  readonly rating: Rating | null;
  readonly marks: readonly Point[];
  readonly timeMs: number;
  readonly timedOut: boolean;
  readonly truth: CaseTruth;
  readonly score: CaseScore;
  /** Viewer tools used on this case (window/level, zoom, pan, invert, magnifier, preset). */
  readonly toolsUsed: readonly ToolName[];
  /** The page was reloaded or closed while this case was on screen; it was shown again with a fresh countdown. */
  readonly interrupted: boolean;
}

export const TOOL_NAMES = ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset', 'reset', 'lens'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface SessionState {
  readonly config: SessionConfig;
  readonly phase: Phase;
  readonly round: number;
  readonly caseIndex: number;
  /** Clock start of the current case; shifted forward by pauses. */
  readonly caseStartedAt: number | null;
  readonly pausedAt: number | null;
  readonly currentTruth: CaseTruth | null;
  readonly marks: readonly Point[];
  readonly toolsUsed: readonly ToolName[];
  readonly interrupted: boolean;
  readonly records: readonly CaseRecord[];
  readonly streak: number;
  readonly bestStreak: number;
  readonly points: number;
}

export type SessionEvent =
  | { readonly type: 'START_ROUND' }
  | { readonly type: 'CASE_SHOWN'; readonly now: number; readonly truth: CaseTruth; readonly interrupted?: boolean }
  | { readonly type: 'TOOL_USED'; readonly tool: ToolName }
  | { readonly type: 'TICK'; readonly now: number }
  | { readonly type: 'TOGGLE_MARK'; readonly point: Point; readonly tolerancePx: number }
  | { readonly type: 'ANSWER'; readonly rating: Rating; readonly now: number }
  | { readonly type: 'PAUSE'; readonly now: number }
  | { readonly type: 'RESUME'; readonly now: number }
  | { readonly type: 'NEXT' }
  | { readonly type: 'CONTINUE' };

export function createSession(config: SessionConfig): SessionState {
  if (config.rounds.length === 0 || config.rounds.some((r) => r.length === 0)) {
    throw new Error('createSession: every round needs at least one case');
  }
  return {
    config,
    phase: 'briefing',
    round: 0,
    caseIndex: 0,
    caseStartedAt: null,
    pausedAt: null,
    currentTruth: null,
    marks: [],
    toolsUsed: [],
    interrupted: false,
    records: [],
    streak: 0,
    bestStreak: 0,
    points: 0,
  };
}

export const currentCaseId = (s: SessionState): CaseId | null =>
  s.config.rounds[s.round]?.[s.caseIndex] ?? null;

export const casesInRound = (s: SessionState): number => s.config.rounds[s.round]?.length ?? 0;
export const totalCases = (s: SessionState): number => s.config.rounds.reduce((n, r) => n + r.length, 0);
export const isPaused = (s: SessionState): boolean => s.pausedAt !== null;

export function remainingMs(s: SessionState, now: number): number {
  if (s.caseStartedAt === null) return s.config.mode.secondsPerCase * 1000;
  const at = s.pausedAt ?? now;
  return Math.max(0, s.config.mode.secondsPerCase * 1000 - (at - s.caseStartedAt));
}

export const roundRecords = (s: SessionState, round = s.round): readonly CaseRecord[] =>
  s.records.filter((r) => r.round === round);

function record(s: SessionState, rating: Rating | null, now: number): SessionState {
  const truth = s.currentTruth;
  const caseId = currentCaseId(s);
  if (!truth || !caseId || s.caseStartedAt === null) return s;
  const score = scoreCase(truth, rating, s.marks, s.streak);
  const streak = score.correct ? s.streak + 1 : 0;
  const rec: CaseRecord = {
    caseId,
    round: s.round,
    indexInRound: s.caseIndex,
    rating,
    marks: s.marks,
    timeMs: Math.min(now - s.caseStartedAt, s.config.mode.secondsPerCase * 1000),
    timedOut: rating === null,
    truth,
    score,
    toolsUsed: s.toolsUsed,
    interrupted: s.interrupted,
  };
  return {
    ...s,
    phase: rating === null ? 'timedOut' : 'answered',
    records: [...s.records, rec],
    streak,
    bestStreak: Math.max(s.bestStreak, streak),
    points: s.points + score.total,
    pausedAt: null,
  };
}

function toggleMark(s: SessionState, p: Point, tol: number): SessionState {
  const hit = s.marks.findIndex((m) => Math.hypot(m.x - p.x, m.y - p.y) <= tol);
  if (hit >= 0) return { ...s, marks: s.marks.filter((_, i) => i !== hit) };
  if (s.marks.length >= MAX_MARKS) return s;
  return { ...s, marks: [...s.marks, p] };
}

function advance(s: SessionState): SessionState {
  const base = { ...s, caseStartedAt: null, pausedAt: null, currentTruth: null, marks: [], toolsUsed: [], interrupted: false };
  if (s.caseIndex + 1 < casesInRound(s)) return { ...base, phase: 'loading', caseIndex: s.caseIndex + 1 };
  return { ...base, phase: 'roundReview' };
}

export function transition(s: SessionState, e: SessionEvent): SessionState {
  switch (s.phase) {
    case 'briefing':
      return e.type === 'START_ROUND' ? { ...s, phase: 'loading', caseIndex: 0 } : s;
    case 'loading':
      return e.type === 'CASE_SHOWN'
        ? { ...s, phase: 'reading', caseStartedAt: e.now, currentTruth: e.truth, marks: [], toolsUsed: [], interrupted: e.interrupted === true }
        : s;
    case 'reading':
      if (s.pausedAt !== null) {
        if (e.type !== 'RESUME' || s.caseStartedAt === null) return s;
        return { ...s, pausedAt: null, caseStartedAt: s.caseStartedAt + (e.now - s.pausedAt) };
      }
      switch (e.type) {
        case 'ANSWER':
          return record(s, e.rating, e.now);
        case 'TICK':
          return remainingMs(s, e.now) <= 0 ? record(s, null, e.now) : s;
        case 'TOGGLE_MARK':
          return toggleMark(s, e.point, e.tolerancePx);
        case 'TOOL_USED':
          return s.toolsUsed.includes(e.tool) ? s : { ...s, toolsUsed: [...s.toolsUsed, e.tool] };
        case 'PAUSE':
          return s.config.mode.allowPause ? { ...s, pausedAt: e.now } : s;
        default:
          return s;
      }
    case 'answered':
    case 'timedOut':
      return e.type === 'NEXT' ? advance(s) : s;
    case 'roundReview':
      if (e.type !== 'CONTINUE') return s;
      if (s.round + 1 < s.config.rounds.length) return { ...s, phase: 'briefing', round: s.round + 1, caseIndex: 0 };
      return { ...s, phase: 'summary' };
    case 'summary':
      return s;
  }
}
