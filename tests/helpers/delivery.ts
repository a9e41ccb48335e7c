/**
 * Test helpers for delivery/: an instructor, a signed session, readers who answer it and save result files.
 * They read like the use: `const s = await demoSession({ cases: 4 }); const file = await readerSaves(s, 'Ana', ...)`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createInstructorKey, createResultFile, memoryReaderKeyStore, planSessionDeck, readerKeyFor, signSession, trainingSettings,
  type Answer, type InstructorKey, type ModeSettings, type SessionBody, type SignedSession, type StoredReaderKey,
} from '../../src/delivery/index.js';
import { TECHNIQUE_INFO } from '../../src/forgery/index.js';

export const TECHNIQUE_IDS = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
export const ISSUED = Date.parse('2026-03-02T09:00:00Z');

let instructor: InstructorKey | null = null;
export async function testInstructor(): Promise<InstructorKey> {
  instructor ??= (await createInstructorKey('Dr A. Rossi')).key;
  return instructor;
}

export function sessionBody(over: Partial<SessionBody> = {}, mode: Partial<ModeSettings> = {}): SessionBody {
  return {
    sessionId: '0b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f',
    title: 'Tuesday deepfake reading',
    instructor: 'Dr A. Rossi',
    deck: { kind: 'demo', seed: 7 },
    mode: trainingSettings({ rounds: 1, casesPerRound: 6, ...mode }),
    order: 'same',
    issuedAt: new Date(ISSUED).toISOString(),
    ...over,
  };
}

export async function signedSession(over: Partial<SessionBody> = {}, mode: Partial<ModeSettings> = {}): Promise<SignedSession> {
  return signSession(sessionBody(over, mode), await testInstructor());
}

/** A reader's answers to the session's deck: `rate(caseIndex)` gives each rating (null: timed out). */
export async function answersFor(session: SignedSession, rate: (i: number, isFake: boolean) => number | null, at = ISSUED + 60_000): Promise<Answer[]> {
  const plan = await planSessionDeck(session.session, TECHNIQUE_IDS, null);
  return plan.rounds.flatMap((round, r) =>
    round.map((spec, i): Answer => {
      const rating = rate(r * 100 + i, 'forgery' in spec && spec.forgery !== null);
      return {
        caseId: spec.id, round: r, indexInRound: i, rating, marks: [], timeMs: 4_000 + i * 100, timedOut: rating === null,
        toolsUsed: ['zoom'], interrupted: false, answeredAt: at + i * 5_000,
      };
    }),
  );
}

export interface SavedResult {
  readonly bytes: Uint8Array;
  readonly key: StoredReaderKey;
}

export async function readerSaves(
  session: SignedSession, displayName: string, answers: readonly Answer[],
  opts: { key?: StoredReaderKey; finishedAt?: number; startedAt?: number } = {},
): Promise<SavedResult> {
  const key = opts.key ?? (await readerKeyFor(memoryReaderKeyStore(), session));
  const plan = await planSessionDeck(session.session, TECHNIQUE_IDS, null);
  const bytes = await createResultFile(
    {
      session, deckPlanSha256: plan.planSha256, displayName, app: { name: 'xray-deepfake-trainer', version: '0.1.0' },
      startedAt: opts.startedAt ?? ISSUED + 30_000, finishedAt: opts.finishedAt ?? ISSUED + 600_000, complete: true, answers,
    },
    key,
  );
  return { bytes, key };
}

/** Three readers' result files of a 6-case session, made in Node as the readers' games make them, and a file that is not one. */
export async function resultFiles(): Promise<string[]> {
  const s = await signedSession({}, { casesPerRound: 6 });
  const dir = mkdtempSync(join(tmpdir(), 'xray-results-'));
  const rules = [(_i: number, fake: boolean) => (fake ? 5 : 2), () => 6, (i: number) => (i % 2 ? 3 : 4)];
  const paths: string[] = [];
  for (const [n, name] of ['Ana Lopez-Hernández', 'Ben', 'Chloé'].entries()) {
    const saved = await readerSaves(s, name, await answersFor(s, rules[n]!));
    const p = join(dir, `${n}.json`);
    writeFileSync(p, saved.bytes);
    paths.push(p);
  }
  const junk = join(dir, 'notes.json');
  writeFileSync(junk, '{"not": "a result"}');
  return [...paths, junk];
}

export const asJson = (b: Uint8Array): Record<string, unknown> => JSON.parse(new TextDecoder().decode(b)) as Record<string, unknown>;
export const asBytes = (x: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(x, null, 2));
