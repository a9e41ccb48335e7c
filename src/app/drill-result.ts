import { signedDrillRunOf, type CaseRecord, type StoredSession } from '../domain/index.js';
import { createResultFile, storedReaderKey, verifySession, type Answer, type SignedSession } from '../delivery/index.js';
import { drillPlan, type JoinDeps } from './drill-join.js';

/**
 * J on a signed drill: the reader's signed result file, from the run in play or from a stored run (its row in
 * results and history, or the ended run a reopened link finds). The signed drill comes from the link on this page
 * or, after a reload, from the copy kept when the link was opened; the key is the one the run was played with.
 */
export interface DrillRun {
  readonly id: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly complete: boolean;
  readonly answers: readonly Answer[];
}

type AnswerSource = Omit<CaseRecord, 'caseId' | 'truth' | 'score' | 'rating' | 'toolsUsed'> & {
  readonly caseId: string; readonly rating: number | null; readonly toolsUsed: readonly string[];
};

/** A record as the result file's answer (delivery/result-schema.ts): no truth, no score; the lead recomputes them. */
export function answerOf(r: AnswerSource): Answer {
  return {
    caseId: r.caseId, round: r.round, indexInRound: r.indexInRound, rating: r.rating, marks: r.marks.map((m) => ({ x: m.x, y: m.y })),
    timeMs: Math.round(r.timeMs), timedOut: r.timedOut, toolsUsed: [...r.toolsUsed] as Answer['toolsUsed'], interrupted: r.interrupted, answeredAt: r.answeredAt,
    ...(r.read !== undefined ? { read: r.read, flagged: r.flagged ?? false } : {}),
    ...(r.tellNamed !== undefined ? { tellNamed: r.tellNamed, hint: r.hint ?? null } : {}),
  };
}

/** A stored run as a result file's run. A stored answer keeps null for the fields its mode does not have; the live
 * record leaves them out, and so must the answer (the schema tells a rating answer from a read-and-flag one by it). */
export function storedRun(stored: StoredSession): DrillRun {
  const readAndFlag = stored.mode.answer === 'read-and-flag';
  const answers = [...stored.answers].sort((a, b) => a.round - b.round || a.indexInRound - b.indexInRound).map((a) => answerOf({
    ...a, read: readAndFlag ? a.read : undefined, flagged: readAndFlag ? a.flagged ?? false : undefined,
  }));
  return { id: stored.id, startedAt: stored.startedAt, finishedAt: answers[answers.length - 1]?.answeredAt ?? stored.updatedAt, complete: stored.status === 'complete', answers };
}

export const fileSlug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'drill';

/** The signed result file of `run`, or an Error saying why it cannot be made. */
export async function drillResultFile(
  run: DrillRun, onPage: SignedSession | null, deps: JoinDeps & { readonly app: { readonly name: string; readonly version: string } },
): Promise<{ name: string; bytes: Uint8Array }> {
  const ids = signedDrillRunOf(run.id);
  if (!ids) throw new Error('This drill was opened by a plain link, so it has no signed result file.');
  const doc = onPage?.session.sessionId === ids.sessionId ? onPage : deps.signedDrills.get(ids.sessionId);
  if (!doc) throw new Error("The signed drill is not in this browser any more. Open the drill's link again, then press J.");
  const issued = Date.parse((doc as SignedSession).session?.issuedAt ?? '');
  // Checked as of its issue date: a drill that closed since still gets its result file.
  const check = await verifySession(doc, Number.isFinite(issued) ? issued : deps.now());
  if (!check.ok) throw new Error(`The stored drill no longer verifies: ${check.message}`);
  const key = await storedReaderKey(deps.keys, check.signed);
  if (key?.fingerprint !== ids.fingerprint) throw new Error('The reader key this drill was played with is no longer in this browser (was "delete my data" used?). Ask the lead how to hand in your answers.');
  const { plan } = await drillPlan(check.signed, deps);
  const name = deps.names.get(ids.sessionId)?.trim() || 'reader';
  const bytes = await createResultFile({
    session: check.signed, deckPlanSha256: plan.planSha256, displayName: name, app: deps.app,
    startedAt: run.startedAt, finishedAt: Math.max(run.finishedAt, run.startedAt), complete: run.complete, answers: run.answers,
  }, key);
  const day = new Date(run.finishedAt).toISOString().slice(0, 10);
  return { name: `${fileSlug(check.signed.session.title)}-${fileSlug(name)}-${day}.json`, bytes };
}
