import { GameModeSchema, getMode, type GameMode } from './modes.js';

/**
 * Deep links start a session directly, for instructors' links and for tests:
 *   ?mode=practice&deck=demo&seed=<int>&cases=<n>&seconds=<s>[&rounds=<n>]
 * `cases` is cases per round. Bad values produce an error that says what to write instead.
 */
export interface DeepLink {
  readonly mode: GameMode;
  readonly deckId: string;
  readonly seed: number | null;
}

export type DeepLinkResult =
  | { readonly ok: true; readonly link: DeepLink | null }
  | { readonly ok: false; readonly error: string };

/** Reads one query parameter; the caller supplies it (e.g. from URLSearchParams) so this file needs no DOM. */
export type ParamReader = (name: string) => string | null;

function intParam(params: ParamReader, name: string, lo: number, hi: number): number | string | null {
  const raw = params(name);
  if (raw === null || raw === '') return null;
  if (!/^-?\d+$/.test(raw)) return `"${name}" must be a whole number, got "${raw}"`;
  const n = Number(raw);
  if (n < lo || n > hi) return `"${name}" must be between ${lo} and ${hi}, got ${n}`;
  return n;
}

/** Returns link null when the query does not ask for a session (no `mode`). */
export function parseDeepLink(params: ParamReader): DeepLinkResult {
  const modeId = params('mode');
  if (modeId === null) return { ok: true, link: null };
  let mode: GameMode;
  try {
    mode = getMode(modeId);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const deckId = params('deck') ?? 'demo';
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/i.test(deckId)) return { ok: false, error: `"deck" must be a deck id such as "demo", got "${deckId}"` };
  const seed = intParam(params, 'seed', 0, 2 ** 31 - 1);
  const cases = intParam(params, 'cases', 1, 50);
  const seconds = intParam(params, 'seconds', 5, 600);
  const rounds = intParam(params, 'rounds', 1, 20);
  for (const v of [seed, cases, seconds, rounds]) if (typeof v === 'string') return { ok: false, error: `Deep link: ${v}.` };
  const overridden = GameModeSchema.parse({
    ...mode,
    ...(typeof cases === 'number' ? { casesPerRound: cases } : {}),
    ...(typeof seconds === 'number' ? { secondsPerCase: seconds } : {}),
    ...(typeof rounds === 'number' ? { rounds } : {}),
  });
  return { ok: true, link: { mode: overridden, deckId, seed: typeof seed === 'number' ? seed : null } };
}
