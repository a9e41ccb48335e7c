import {
  drillAvailability, endedDrillRun, localDay, signedDrillRunId, type CaseId, type TechniqueSummary,
} from '../domain/index.js';
import { DEMO_GENERATOR_VERSION, packGeneratorVersion, type CaseLibrary } from '../decks/index.js';
import {
  caseFacts, expectedHints, parseSessionLink, planSessionDeck, readerIndexOf, readerKeyFor, readerRounds, verifySession,
  type ReaderKeyStore, type SignedSession, type StoredReaderKey,
} from '../delivery/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { GameStore } from '../store/index.js';
import { drillTitle } from '../presenters/index.js';

/**
 * A readiness drill delivered as a signed session link (`#session=...`, made by `npm run drill -- create`): the join
 * page, then the reader's own worklist: the drill's cases in the reader's counterbalanced order (delivery's Williams
 * design from the reader's key) with the reader's AI badges (the same draw the lead's report checks against). A link
 * whose session is not a drill is left to the training-session screens.
 */
export interface JoinDeps {
  readonly store: GameStore;
  readonly library: CaseLibrary;
  readonly techniques: readonly TechniqueSummary[];
  readonly keys: ReaderKeyStore;
  readonly manifest: (packId: string) => Promise<PackManifest>;
  readonly names: { get(sessionId: string): string | null; set(sessionId: string, name: string): void };
  /** The signed drills opened in this browser, by session id: J on a drill's history row signs its result file. */
  readonly signedDrills: { get(sessionId: string): unknown; set(signed: SignedSession): void };
  readonly now: () => number;
}

/** What the result file needs once the drill is under way. */
export interface JoinedDrill {
  readonly signed: SignedSession;
  readonly key: StoredReaderKey;
  readonly planSha256: string;
}

export const drillSessionId = (signed: SignedSession, fingerprint: string): string => signedDrillRunId(signed.session.sessionId, fingerprint);

/** How this reader's run of the drill ended in this browser (from the stored history), or null: none ended. */
export function endedRun(deps: Pick<JoinDeps, 'store'>, signed: SignedSession): 'complete' | 'stopped' | null {
  const run = endedDrillRun(deps.store.getState().history.past, signed.session.sessionId);
  return run ? (run.status === 'complete' ? 'complete' : 'stopped') : null;
}

/** Reads the fragment; a valid signed drill shows its join page. Returns the drill, or null (no drill, or refused). */
export async function openDrillLink(hash: string, deps: JoinDeps): Promise<SignedSession | null> {
  if (!/[#&]session=/.test(hash)) return null;
  let json: unknown;
  try {
    json = parseSessionLink(hash);
  } catch {
    return null; // Not readable as a session: the training-session screens say why.
  }
  const isDrill = typeof (json as { session?: { mode?: { drill?: unknown } } })?.session?.mode?.drill === 'object';
  if (!isDrill) return null;
  const check = await verifySession(json, deps.now());
  if (!check.ok) {
    deps.store.getState().setError(`This drill link cannot be used\n${check.message}`);
    return null;
  }
  showDrillJoin(check.signed, deps);
  return check.signed;
}

/** The join page of a verified drill (from its link, or its bundle dropped on the page). */
export function showDrillJoin(signed: SignedSession, deps: JoinDeps): void {
  const s = signed.session;
  const mode = s.mode;
  deps.signedDrills.set(signed);
  deps.store.getState().setDrillJoin({
    title: drillTitle(mode), instructor: s.instructor, fingerprint: signed.issuer.fingerprint, prompted: mode.answer === 'rating',
    cases: mode.casesPerRound, opens: mode.drill?.opens ?? null, closes: mode.drill?.closes ?? null,
    availability: mode.drill ? drillAvailability(mode.drill, localDay(deps.now())) : 'open',
    readerName: deps.names.get(s.sessionId) ?? '', started: false, ended: endedRun(deps, signed), message: null,
  });
}

/** The drill's deck plan (its hash goes into the result file) and, for a case-pack drill, the pack's manifest. */
export async function drillPlan(signed: SignedSession, deps: Pick<JoinDeps, 'manifest' | 'techniques'>) {
  const s = signed.session;
  const manifest = s.deck.kind === 'pack' ? await deps.manifest(s.deck.packId).catch(() => {
    throw new Error(`This drill plays case pack '${s.deck.kind === 'pack' ? s.deck.packId : ''}', which is not in this browser. Drop the drill's bundle on the title screen first (K opens case packs).`);
  }) : null;
  return { manifest, plan: await planSessionDeck(s, deps.techniques, manifest) };
}

/** The reader's key, plan and order for a drill; `start` also starts it in the store. */
export async function prepareDrill(signed: SignedSession, deps: JoinDeps, start: boolean): Promise<JoinedDrill> {
  const s = signed.session;
  const key = await readerKeyFor(deps.keys, signed, deps.now());
  const { manifest, plan } = await drillPlan(signed, deps);
  if (start) {
    const rounds = readerRounds(s, plan.rounds, await readerIndexOf(key.publicKey));
    const hints = expectedHints(s, caseFacts(plan.rounds.flat(), deps.techniques, manifest), key.fingerprint);
    deps.library.setSpecs(rounds.flat());
    deps.store.getState().startSession(
      { mode: s.mode, deckId: s.deck.kind === 'pack' ? s.deck.packId : 'demo', seed: s.deck.seed, rounds: rounds.map((r) => r.map((c) => c.id as CaseId)), ...(Object.keys(hints).length > 0 ? { hints } : {}) },
      { id: drillSessionId(signed, key.fingerprint), startedAt: deps.now(), generator: manifest ? packGeneratorVersion(manifest) : DEMO_GENERATOR_VERSION },
    );
  }
  return { signed, key, planSha256: plan.planSha256 };
}
