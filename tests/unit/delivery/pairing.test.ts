import { describe, expect, it } from 'vitest';
import { collectIntake, addToIntake, EMPTY_INTAKE } from '../../../src/app/dashboard-intake.js';
import {
  canonicalJson, createInstructorKey, memoryReaderKeyStore, readerKeyFor, readerKeyScope, signSession, storedReaderKey, type SignedSession,
} from '../../../src/delivery/index.js';
import { answersFor, ISSUED, readerSaves, sessionBody, signedSession } from '../../helpers/delivery.js';

/**
 * A pre/post pairing belongs to the instructor key that signed it: its id is free text, and two instructors may both
 * choose "2026". The reader's key (and so their LRS actor) and the dashboard's partner session follow the key.
 */
const POST_ID = '22222222-2222-4333-8444-555555555555';
async function pairOf(signer: 'A' | 'B', role: 'pre' | 'post'): Promise<SignedSession> {
  const over = { pairing: { id: '2026', role }, ...(role === 'post' ? { sessionId: POST_ID, issuedAt: new Date(ISSUED + 7 * 86400_000).toISOString() } : {}) };
  if (signer === 'A') return signedSession(over);
  otherInstructor ??= (await createInstructorKey('Dr B. Other')).key;
  return signSession(sessionBody({ ...over, instructor: 'Dr B. Other', ...(role === 'pre' ? { sessionId: '33333333-2222-4333-8444-555555555555' } : { sessionId: '44444444-2222-4333-8444-555555555555' }) }), otherInstructor);
}
let otherInstructor: Awaited<ReturnType<typeof createInstructorKey>>['key'] | null = null;

describe('a pre/post pairing is the instructor\'s', () => {
  it('gives a reader one key across one instructor\'s pair, and another key for another instructor\'s pair with the same id', async () => {
    const store = memoryReaderKeyStore();
    const [aPre, aPost, bPre] = [await pairOf('A', 'pre'), await pairOf('A', 'post'), await pairOf('B', 'pre')];
    const pre = await readerKeyFor(store, aPre);
    expect((await readerKeyFor(store, aPost)).fingerprint).toBe(pre.fingerprint);
    expect((await readerKeyFor(store, bPre)).fingerprint).not.toBe(pre.fingerprint);
    expect(readerKeyScope(aPre)).toBe(`pairing:${aPre.issuer.fingerprint}:2026`);
  });

  it('hands a key stored under the old scope (pairing:<id>) to the first instructor key that asks, and to no other', async () => {
    const store = memoryReaderKeyStore();
    const made = await readerKeyFor(store, await signedSession());
    await store.put({ ...made, scope: 'pairing:2026' }); // as a browser of the previous version stored it at the pre-test
    const [aPost, bPost] = [await pairOf('A', 'post'), await pairOf('B', 'post')];
    expect((await storedReaderKey(store, aPost))?.fingerprint).toBe(made.fingerprint);
    expect(await storedReaderKey(store, bPost)).toBeNull();
    expect((await readerKeyFor(store, bPost)).fingerprint).not.toBe(made.fingerprint);
    expect((await readerKeyFor(store, await pairOf('A', 'pre'))).fingerprint).toBe(made.fingerprint);
  });

  it('takes as the dashboard\'s partner only the other role signed by the same instructor key', async () => {
    const [aPre, aPost, bPre] = [await pairOf('A', 'pre'), await pairOf('A', 'post'), await pairOf('B', 'pre')];
    const ana = await readerSaves(aPost, 'Ana', await answersFor(aPost, () => 5));
    const other = await readerSaves(bPre, 'Bo', await answersFor(bPre, () => 2));
    const onlyB = await collectIntake(await addToIntake(EMPTY_INTAKE, [{ name: 'ana.json', bytes: ana.bytes }, { name: 'bo.json', bytes: other.bytes }]), aPost);
    expect(onlyB.partner).toBeNull();
    expect(onlyB.main.refused.map((r) => [r.name, r.reason])).toEqual([['bo.json', 'foreign-session']]);
    const anaPre = await readerSaves(aPre, 'Ana', await answersFor(aPre, () => 4), { key: ana.key });
    const both = await collectIntake(await addToIntake(EMPTY_INTAKE, [
      { name: 'ana.json', bytes: ana.bytes }, { name: 'bo.json', bytes: other.bytes }, { name: 'ana-pre.json', bytes: anaPre.bytes }, { name: 'b-pre.json', bytes: canonicalJson(bPre) },
    ]), aPost);
    expect(both.partner?.session?.session.sessionId).toBe(aPre.session.sessionId);
    expect(both.partner?.accepted.map((a) => a.name)).toEqual(['ana-pre.json']);
  });
});
