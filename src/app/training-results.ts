/**
 * J: the signed result file of a training session, from its summary or its row in results and history. Signed by
 * the reader key this browser made at join; it binds the session, the deck plan's hash and every answer (rating,
 * marks, time, tools). The reader saves it and hands it in; nothing is uploaded.
 */
import { createResultFile, storedReaderKey, verifySession, type SignedSession } from '../delivery/index.js';
import type { StoredSession } from '../domain/index.js';
import type { JoinRecord } from '../persistence/index.js';
import { toAnswer, type AnswerLike } from './training-answers.js';
import { fileSlug, type TrainingDeps } from './training-deps.js';

export interface ResultActions {
  /** `index`: a row of results and history; without it, the session in play (or just finished). */
  saveResult(index?: number): Promise<void>;
}

export function createResultActions(d: TrainingDeps, flush: () => Promise<void>): ResultActions {
  const { store, say } = d;
  const st = () => store.getState();

  /** The stored session's id, answers, times and whether it was finished, from the live session or the history. */
  const sessionFor = (index: number | undefined): { id: string; answers: readonly AnswerLike[]; startedAt: number; complete: boolean } | null => {
    if (index === undefined) {
      const s = st().session;
      const meta = st().meta;
      if (!s || !meta || st().reviewOnly) return null;
      return { id: meta.id, answers: s.records, startedAt: meta.startedAt, complete: s.phase === 'summary' };
    }
    const past: StoredSession | undefined = st().history.past[index];
    return past ? { id: past.id, answers: past.answers, startedAt: past.startedAt, complete: past.status === 'complete' } : null;
  };

  return {
    saveResult: async (index) => {
      const target = sessionFor(index);
      if (!target) return say('J saves a result file in a training session: join one with the link your instructor gave you.');
      let rec: JoinRecord | undefined;
      try {
        await flush();
        rec = (await d.repo.joins()).find((j) => j.storedSessionId === target.id);
      } catch (e) {
        return st().setError(`The result file cannot be made\n${(e as Error).message}`);
      }
      if (!rec) return say('This session was not a training session joined in this browser, so it has no result file. R then J exports your results as JSON instead.');
      const signedDoc = rec.session as SignedSession;
      const check = await verifySession(signedDoc, Date.parse(signedDoc.session?.issuedAt ?? '') || d.now());
      if (!check.ok) return st().setError(`The result file cannot be made\nThe stored session no longer verifies: ${check.message}`);
      const key = await storedReaderKey(d.readerKeys, check.signed);
      if (!key) return st().setError('The result file cannot be made\nThe reader key made when you joined is no longer in this browser (was "delete my data" used?). Ask the instructor how to hand in your answers.');
      try {
        const bytes = await createResultFile({
          session: check.signed, deckPlanSha256: rec.planSha256, displayName: rec.displayName, app: d.app,
          startedAt: target.startedAt, finishedAt: Math.max(d.now(), target.startedAt), complete: target.complete,
          answers: [...target.answers].sort((a, b) => a.round - b.round || a.indexInRound - b.indexInRound).map(toAnswer),
        }, key);
        const name = `${fileSlug(check.signed.session.title)}-${fileSlug(rec.displayName)}-result.json`;
        d.download(name, bytes, 'application/json');
        await d.repo.putJoin({ ...rec, savedAt: d.now() });
        if (st().training.active?.storedSessionId === rec.storedSessionId) st().patchActiveTraining({ savedAs: name });
        say(`Saved your result file ${name} (${target.answers.length} answers${target.complete ? '' : ', session not finished'}). Hand it to ${check.signed.session.instructor}; it is signed, so any change to it shows.`);
      } catch (e) {
        st().setError(`The result file cannot be made\n${(e as Error).message}`);
      }
    },
  };
}
