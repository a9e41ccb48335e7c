/**
 * Test helpers for readiness drills delivered as signed sessions: a drill, and readers who read it the way the game
 * lets them (their counterbalanced order and AI badges, as app/drill-join.ts gives them) and save result files.
 *   const d = await signedDrill({ cases: 20, prevalence: 0.1, prompted: true, aiHint: 0.8 });
 *   const ana = await drillReaderSaves(d, 'Ana', (c) => ({ flag: c.fake && c.hint !== 'authentic' }));
 */
import {
  caseFacts, createResultFile, expectedHints, memoryReaderKeyStore, planSessionDeck, readerIndexOf, readerKeyFor, readerRounds, signSession,
  type Answer, type CaseFact, type SignedSession,
} from '../../src/delivery/index.js';
import { getMode, withSettings, type ArtifactCategory, type HintCall } from '../../src/domain/index.js';
import { ISSUED, TECHNIQUE_IDS, testInstructor } from './delivery.js';

export interface DrillOptions {
  readonly cases?: number;
  readonly prevalence?: number;
  readonly prompted?: boolean;
  readonly aiHint?: number;
  /** Seconds per film; the mode's default (120) when left out. */
  readonly seconds?: number;
  readonly seed?: number;
  readonly title?: string;
  readonly sessionId?: string;
  readonly issuedAt?: number;
}

export async function signedDrill(o: DrillOptions = {}): Promise<SignedSession> {
  const base = getMode('drill');
  const mode = withSettings(base, {
    casesPerRound: o.cases ?? 20, fakeShare: o.prevalence ?? 0.1, secondsPerCase: o.seconds ?? base.secondsPerCase, answer: o.prompted ? 'rating' : 'read-and-flag',
    drill: { ...base.drill!, aiHint: o.aiHint === undefined ? null : { accuracy: o.aiHint } },
  });
  return signSession({
    sessionId: o.sessionId ?? '5d1c0a2e-3b4f-4c5d-8e6f-7a8b9c0d1e2f', title: o.title ?? 'June chest list', instructor: 'Dr A. Rossi',
    deck: { kind: 'demo', seed: o.seed ?? 11 }, mode, order: 'counterbalanced', issuedAt: new Date(o.issuedAt ?? ISSUED).toISOString(),
  }, await testInstructor());
}

/** What a simulated reader sees of a film: the lead's truth (to script a policy) and the badge the game showed. */
export interface SeenFilm extends CaseFact {
  readonly caseId: string;
  readonly position: number;
  readonly hint: HintCall | null;
}

export interface ReaderChoice {
  readonly flag: boolean;
  readonly read?: 'normal' | 'abnormal';
  readonly tell?: ArtifactCategory | null;
  readonly seconds?: number;
}

export interface DrillReaderResult {
  readonly bytes: Uint8Array;
  readonly films: readonly SeenFilm[];
  readonly answers: readonly Answer[];
}

export async function drillReaderSaves(session: SignedSession, name: string, choose: (film: SeenFilm) => ReaderChoice): Promise<DrillReaderResult> {
  const s = session.session;
  const key = await readerKeyFor(memoryReaderKeyStore(), session);
  const plan = await planSessionDeck(s, TECHNIQUE_IDS, null);
  const facts = caseFacts(plan.rounds.flat(), TECHNIQUE_IDS, null);
  const hints = expectedHints(s, facts, key.fingerprint);
  const order = readerRounds(s, plan.rounds, await readerIndexOf(key.publicKey)).flat();
  const films = order.map((spec, i): SeenFilm => ({ caseId: spec.id, position: i, hint: hints[spec.id] ?? null, ...(facts.get(spec.id) as CaseFact) }));
  let at = ISSUED + 60_000;
  const answers = films.map((f): Answer => {
    const c = choose(f);
    const timeMs = Math.round((c.seconds ?? 12) * 1000);
    at += timeMs + 500;
    const prompted = s.mode.answer === 'rating';
    return {
      caseId: f.caseId, round: 0, indexInRound: f.position, rating: prompted ? (c.flag ? 5 : 2) : null, marks: [], timeMs, timedOut: false,
      toolsUsed: ['windowLevel'], interrupted: false, answeredAt: at,
      ...(prompted ? {} : { read: c.read ?? 'normal', flagged: c.flag }),
      tellNamed: c.flag ? (c.tell ?? null) : null, hint: f.hint,
    };
  });
  const bytes = await createResultFile({
    session, deckPlanSha256: plan.planSha256, displayName: name, app: { name: 'xray-deepfake-trainer', version: '0.1.0' },
    startedAt: ISSUED + 30_000, finishedAt: at, complete: true, answers,
  }, key);
  return { bytes, films, answers };
}
