/**
 * The clock of the case on screen, kept in a resume record so that closing the window never buys time: the same
 * policy as the game's stored session (README, "No answer is lost"). `startedAt` is when the case appeared, moved
 * forward by pauses; `pausedAt` is set while the clock is paused. The clock runs on while the window is closed,
 * unless it was paused: on return the case comes back with the time that was left. `index` says which case of the
 * test under way it is (how many had been answered), so a clock never applies to another case.
 *
 *   <index>.<startedAt, epoch ms in base 36>[.<pausedAt, base 36>]     e.g. 3.mf3k2x4g or 3.mf3k2x4g.mf3k31b0
 *
 * At most 3 + 2 x 9 characters while epoch milliseconds stay under 36^9 (the year 5188).
 */
export interface CaseClock {
  readonly index: number;
  readonly startedAt: number;
  readonly pausedAt: number | null;
}

const B36 = /^[0-9a-z]{1,9}$/;

export function encodeCaseClock(c: CaseClock | null): string {
  if (c === null) return '';
  const t = (ms: number): string => Math.max(0, Math.round(ms)).toString(36);
  return `${c.index}.${t(c.startedAt)}${c.pausedAt === null ? '' : `.${t(c.pausedAt)}`}`;
}

/** The clock back; null for '' (no case open); 'bad' for anything else that is not a clock. */
export function decodeCaseClock(s: string): CaseClock | null | 'bad' {
  if (s === '') return null;
  const [index, started, paused, ...rest] = s.split('.');
  if (rest.length > 0 || !/^\d{1,3}$/.test(index ?? '') || !B36.test(started ?? '') || (paused !== undefined && !B36.test(paused))) return 'bad';
  const startedAt = Number.parseInt(started as string, 36);
  const pausedAt = paused === undefined ? null : Number.parseInt(paused, 36);
  if (pausedAt !== null && pausedAt < startedAt) return 'bad';
  return { index: Number(index), startedAt, pausedAt };
}

/** Time spent on the case by this clock at `now`: it ran while the window was closed, unless it was paused. */
export const clockElapsedMs = (c: CaseClock, now: number): number => Math.max(0, (c.pausedAt ?? now) - c.startedAt);
