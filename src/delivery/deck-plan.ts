import { planDemoDeck, planPackDeck, type CaseSpec } from '../decks/index.js';
import type { TechniqueSummary } from '../domain/index.js';
import type { PackFiles, PackManifest } from '../pack-format/index.js';
import { counterbalancedOrder } from './counterbalance.js';
import { canonicalJson, sha256Hex } from './encoding.js';
import { toGameMode } from './mode-settings.js';
import type { SessionBody } from './session-schema.js';

/**
 * The cases of a session, for everyone, and the order one reader sees them in. The deck comes from the same
 * planners the game uses (decks/), so a session is the game's own deck fixed by the instructor's seed.
 */

export interface SessionDeckPlan {
  /** Rounds of case specs in the instructor's (the 'same') order. */
  readonly rounds: readonly (readonly CaseSpec[])[];
  /** SHA-256 of the plan's canonical JSON: two machines that plan the same cases agree on it (result files carry it). */
  readonly planSha256: string;
}

/**
 * `techniques`: the forgery techniques the game registers (a demo deck's fakes are drawn from them, so a game with
 * other techniques plans another deck; the plan's hash shows it). `manifest`: the pack, for a pack session.
 */
export async function planSessionDeck(session: SessionBody, techniques: readonly TechniqueSummary[], manifest: PackManifest | null): Promise<SessionDeckPlan> {
  const mode = toGameMode(session.mode);
  let rounds: readonly (readonly CaseSpec[])[];
  if (session.deck.kind === 'demo') {
    rounds = planDemoDeck(session.deck.seed, mode, techniques).rounds;
  } else {
    if (!manifest) throw new Error(`planSessionDeck: session "${session.title}" plays case pack '${session.deck.packId}'; give its manifest`);
    if (manifest.id !== session.deck.packId) throw new Error(`planSessionDeck: the pack given is '${manifest.id}', the session plays '${session.deck.packId}'`);
    rounds = planPackDeck(manifest, session.deck.seed, mode).rounds;
  }
  return { rounds, planSha256: await sha256Hex(canonicalJson(rounds)) };
}

/** One reader's rounds: the plan itself for 'same', each round counterbalanced for 'counterbalanced'. */
export function readerRounds<T>(session: SessionBody, rounds: readonly (readonly T[])[], readerIndex: number): T[][] {
  if (session.order === 'same') return rounds.map((r) => [...r]);
  return rounds.map((r, i) => counterbalancedOrder(r, readerIndex, `${session.sessionId}:round-${i + 1}`));
}

/**
 * A pack's content hash, the one a session names it by: SHA-256 of the canonical JSON of its sorted file list with
 * each file's SHA-256. It does not depend on how the pack was zipped, so a pack imported into the browser and the
 * same pack zipped by the command line hash alike.
 */
export async function packContentSha256(files: PackFiles): Promise<string> {
  const list = await Promise.all(
    [...files.keys()].sort().map(async (path) => ({ path, sha256: await sha256Hex(files.get(path) as Uint8Array) })),
  );
  return sha256Hex(canonicalJson(list));
}
