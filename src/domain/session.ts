import { MAX_MARKS, scoreCase, type CaseScore } from './scoring.js';
import type { CaseTruth } from './tells.js';
import type { CaseId, Point, Rating } from './types.js';
import type { GameMode } from './modes.js';
import { toolAllowed } from './modes.js';
import type { ArtifactCategory } from './artifacts.js';
import {
  draftRecordFields, draftTimedOut, drillReading, EMPTY_DRAFT, flagScore, hasAnswer, keepTellIfStillFake, type DrillEvent,
} from './readiness/answer.js';
import type { ClinicalRead, HintCall } from './readiness/settings.js';

/**
 * The session state machine. Per round: briefing -> loading -> reading -> (caseReview when feedback comes after each
 * case) -> loading ... -> roundReview -> briefing (next round) ... -> summary. With feedback at the end of the session
 * the rounds follow each other without a review, and the reviews of every round come after the last case.
 * While reading, a rating stays tentative and can be changed until the reader moves on (CONFIRM), or the clock runs
 * out, which keeps the last rating (or records a time-out when there is none). `timedOut` is the short notice after
 * a time-out. Pure: time enters only as `now` (ms) in events, so tests pin it. An event that does not apply in the
 * current phase returns the same state object (callers may compare).
 */
export type Phase = 'briefing' | 'loading' | 'reading' | 'timedOut' | 'caseReview' | 'roundReview' | 'summary';

export interface SessionConfig {
  readonly mode: GameMode;
  readonly deckId: string;
  readonly seed: number;
  /** Case ids per round, fixed at the start so the order is reproducible from the seed. */
  readonly rounds: readonly (readonly CaseId[])[];
  /** A drill's AI-hint arm: the badge each hinted case shows (readiness/hints.ts); absent cases show none. */
  readonly hints?: Readonly<Record<string, HintCall>>;
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
  /** Viewer tools used on this case (window/level, zoom, pan, invert, magnifier, preset, lens). */
  readonly toolsUsed: readonly ToolName[];
  /** The page was reloaded or closed while this case was on screen; it was shown again with the time that was left. */
  readonly interrupted: boolean;
  /** When the answer was recorded (epoch ms). */
  readonly answeredAt: number;
  /** Read-and-flag modes: the clinical read (null on a time-out) and whether the film was flagged as manipulated. */
  readonly read?: ClinicalRead | null;
  readonly flagged?: boolean;
  /** Drills: the kind of tell the reader named for a film called fake, and the AI badge the case showed. */
  readonly tellNamed?: ArtifactCategory | null;
  readonly hint?: HintCall | null;
}

export const TOOL_NAMES = ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset', 'reset', 'lens'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface SessionState {
  readonly config: SessionConfig;
  readonly phase: Phase;
  /** The round being read; in a review, the round being reviewed. */
  readonly round: number;
  readonly caseIndex: number;
  /** Clock start of the current case; shifted forward by pauses. */
  readonly caseStartedAt: number | null;
  readonly pausedAt: number | null;
  readonly currentTruth: CaseTruth | null;
  /** The rating chosen for the case on screen, not yet recorded. */
  readonly rating: Rating | null;
  /** Read-and-flag modes: the read and flag chosen; drills: the tell named (readiness/answer.ts). */
  readonly read: ClinicalRead | null;
  readonly flagged: boolean;
  readonly tellNamed: ArtifactCategory | null;
  readonly marks: readonly Point[];
  readonly toolsUsed: readonly ToolName[];
  readonly interrupted: boolean;
  readonly records: readonly CaseRecord[];
  readonly streak: number;
  readonly bestStreak: number;
  readonly points: number;
}

/** What a reload restores of the case that was on screen: the time already spent, the marks and the rating. */
export interface OpenCaseProgress {
  readonly elapsedMs: number;
  readonly marks: readonly Point[];
  readonly rating: Rating | null;
  readonly toolsUsed: readonly ToolName[];
  readonly read?: ClinicalRead | null;
  readonly flagged?: boolean;
  readonly tellNamed?: ArtifactCategory | null;
}

export type SessionEvent =
  | { readonly type: 'START_ROUND' }
  | { readonly type: 'CASE_SHOWN'; readonly now: number; readonly truth: CaseTruth; readonly resumed?: OpenCaseProgress }
  | { readonly type: 'TOOL_USED'; readonly tool: ToolName }
  | { readonly type: 'TICK'; readonly now: number }
  | { readonly type: 'TOGGLE_MARK'; readonly point: Point; readonly tolerancePx: number }
  | { readonly type: 'RATE'; readonly rating: Rating }
  | { readonly type: 'CONFIRM'; readonly now: number }
  | { readonly type: 'PAUSE'; readonly now: number }
  | { readonly type: 'RESUME'; readonly now: number }
  | { readonly type: 'NEXT' }
  | { readonly type: 'CONTINUE' }
  | DrillEvent;

export function createSession(config: SessionConfig): SessionState {
  if (config.rounds.length === 0 || config.rounds.some((r) => r.length === 0)) {
    throw new Error('createSession: every round needs at least one case');
  }
  return {
    config, phase: 'briefing', round: 0, caseIndex: 0, caseStartedAt: null, pausedAt: null, currentTruth: null,
    rating: null, ...EMPTY_DRAFT, marks: [], toolsUsed: [], interrupted: false, records: [], streak: 0, bestStreak: 0, points: 0,
  };
}

export const currentCaseId = (s: SessionState): CaseId | null => s.config.rounds[s.round]?.[s.caseIndex] ?? null;
export const casesInRound = (s: SessionState): number => s.config.rounds[s.round]?.length ?? 0;
export const totalCases = (s: SessionState): number => s.config.rounds.reduce((n, r) => n + r.length, 0);
export const isPaused = (s: SessionState): boolean => s.pausedAt !== null;

/** The case after the one on screen, across rounds (for prefetching), or null at the end. */
export function nextCaseId(s: SessionState): CaseId | null {
  const round = s.config.rounds[s.round] ?? [];
  if (s.caseIndex + 1 < round.length) return round[s.caseIndex + 1] ?? null;
  return s.config.rounds[s.round + 1]?.[0] ?? null;
}

export function remainingMs(s: SessionState, now: number): number {
  if (s.caseStartedAt === null) return s.config.mode.secondsPerCase * 1000;
  const at = s.pausedAt ?? now;
  return Math.max(0, s.config.mode.secondsPerCase * 1000 - (at - s.caseStartedAt));
}

/** Time spent on the case on screen so far (pauses excluded). */
export const elapsedMs = (s: SessionState, now: number): number => s.config.mode.secondsPerCase * 1000 - remainingMs(s, now);

export const roundRecords = (s: SessionState, round = s.round): readonly CaseRecord[] => s.records.filter((r) => r.round === round);

function record(s: SessionState, now: number): SessionState {
  const truth = s.currentTruth;
  const caseId = currentCaseId(s);
  if (!truth || !caseId || s.caseStartedAt === null) return s;
  const rating = s.rating;
  const timedOut = draftTimedOut(s);
  const score = s.config.mode.answer === 'read-and-flag' ? flagScore(truth, s.flagged, timedOut) : scoreCase(truth, rating, s.marks, s.streak);
  const streak = score.correct ? s.streak + 1 : 0;
  const rec: CaseRecord = {
    caseId, round: s.round, indexInRound: s.caseIndex, rating, marks: s.marks,
    timeMs: Math.min(now - s.caseStartedAt, s.config.mode.secondsPerCase * 1000),
    timedOut, truth, score, toolsUsed: s.toolsUsed, interrupted: s.interrupted, answeredAt: now, ...draftRecordFields(s, caseId),
  };
  const recorded: SessionState = {
    ...s, records: [...s.records, rec], streak, bestStreak: Math.max(s.bestStreak, streak), points: s.points + score.total, pausedAt: null,
  };
  if (timedOut) return { ...recorded, phase: 'timedOut' };
  // The clock ran out on a chosen rating: it counts as the answer, and the reader moves on as after Enter.
  return afterAnswer(recorded);
}

/** Where a recorded answer leads: its own feedback when the mode gives it after each case, else straight on. */
function afterAnswer(s: SessionState): SessionState {
  return s.config.mode.feedback === 'after-case' ? { ...s, phase: 'caseReview' } : advance(s);
}

function toggleMark(s: SessionState, p: Point, tol: number): SessionState {
  const hit = s.marks.findIndex((m) => Math.hypot(m.x - p.x, m.y - p.y) <= tol);
  if (hit >= 0) return { ...s, marks: s.marks.filter((_, i) => i !== hit) };
  if (s.marks.length >= MAX_MARKS) return s;
  return { ...s, marks: [...s.marks, p] };
}

function advance(s: SessionState): SessionState {
  const base = { ...s, caseStartedAt: null, pausedAt: null, currentTruth: null, rating: null, ...EMPTY_DRAFT, marks: [], toolsUsed: [], interrupted: false };
  if (s.caseIndex + 1 < casesInRound(s)) return { ...base, phase: 'loading', caseIndex: s.caseIndex + 1 };
  const last = s.round + 1 >= s.config.rounds.length;
  if (s.config.mode.feedback !== 'end-of-session') return { ...base, phase: 'roundReview' };
  // Feedback at the end: the next round starts without a review; after the last, every round is reviewed in turn.
  return last ? { ...base, phase: 'roundReview', round: 0, caseIndex: 0 } : { ...base, phase: 'briefing', round: s.round + 1, caseIndex: 0 };
}

function reading(s: SessionState, e: SessionEvent): SessionState {
  if (s.pausedAt !== null) {
    if (e.type !== 'RESUME' || s.caseStartedAt === null) return s;
    return { ...s, pausedAt: null, caseStartedAt: s.caseStartedAt + (e.now - s.pausedAt) };
  }
  switch (e.type) {
    case 'RATE':
      return s.rating === e.rating || s.config.mode.answer !== 'rating' ? s : keepTellIfStillFake({ ...s, rating: e.rating });
    case 'READ':
    case 'FLAG':
    case 'NAME_TELL':
      return drillReading(s, e);
    case 'CONFIRM':
      return hasAnswer(s) ? record(s, e.now) : s;
    case 'TICK':
      return remainingMs(s, e.now) <= 0 ? record(s, e.now) : s;
    case 'TOGGLE_MARK':
      return toggleMark(s, e.point, e.tolerancePx);
    case 'TOOL_USED':
      if (e.tool !== 'lens' && !toolAllowed(s.config.mode, e.tool)) return s;
      return s.toolsUsed.includes(e.tool) ? s : { ...s, toolsUsed: [...s.toolsUsed, e.tool] };
    case 'PAUSE':
      return s.config.mode.allowPause ? { ...s, pausedAt: e.now } : s;
    default:
      return s;
  }
}

function shown(s: SessionState, e: Extract<SessionEvent, { type: 'CASE_SHOWN' }>): SessionState {
  const total = s.config.mode.secondsPerCase * 1000;
  const r = e.resumed;
  const spent = r ? Math.min(Math.max(0, r.elapsedMs), total) : 0;
  return {
    ...s, phase: 'reading', caseStartedAt: e.now - spent, pausedAt: null, currentTruth: e.truth,
    rating: r?.rating ?? null, read: r?.read ?? null, flagged: r?.flagged ?? false, tellNamed: r?.tellNamed ?? null,
    marks: r ? r.marks.slice(0, MAX_MARKS) : [], toolsUsed: r ? [...r.toolsUsed] : [], interrupted: r !== undefined,
  };
}

function reviewContinue(s: SessionState): SessionState {
  const last = s.round + 1 >= s.config.rounds.length;
  if (s.config.mode.feedback === 'end-of-session') return last ? { ...s, phase: 'summary' } : { ...s, round: s.round + 1 };
  return last ? { ...s, phase: 'summary' } : { ...s, phase: 'briefing', round: s.round + 1, caseIndex: 0 };
}

export function transition(s: SessionState, e: SessionEvent): SessionState {
  switch (s.phase) {
    case 'briefing':
      return e.type === 'START_ROUND' ? { ...s, phase: 'loading', caseIndex: 0 } : s;
    case 'loading':
      return e.type === 'CASE_SHOWN' ? shown(s, e) : s;
    case 'reading':
      return reading(s, e);
    case 'timedOut':
      return e.type === 'NEXT' ? afterAnswer(s) : s;
    case 'caseReview':
      return e.type === 'NEXT' ? advance(s) : s;
    case 'roundReview':
      return e.type === 'CONTINUE' ? reviewContinue(s) : s;
    case 'summary':
      return s;
  }
}
