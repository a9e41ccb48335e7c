import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  collectResults, createResultFile, memoryReaderKeyStore, readerKeyFor, sessionSha256, verifyResultFile,
} from '../../../src/delivery/index.js';
import { answersFor, asBytes, asJson, ISSUED, readerSaves, signedSession } from '../../helpers/delivery.js';

const allFake = (_: number, isFake: boolean): number => (isFake ? 6 : 1);

describe('result files', () => {
  it('round-trip: a saved result verifies and carries the session, the reader and every answer', async () => {
    const s = await signedSession();
    const answers = await answersFor(s, allFake);
    const { bytes, key } = await readerSaves(s, 'Ana', answers);
    const check = await verifyResultFile(bytes, await sessionSha256(s));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.file.result.reader).toEqual({ displayName: 'Ana', publicKey: key.publicKey, fingerprint: key.fingerprint });
    expect(check.file.result.answers).toEqual(answers);
    expect(check.file.result.session).toEqual(s);
  });

  it('refuses a change to any value of the file as tampered', async () => {
    const s = await signedSession();
    const { bytes } = await readerSaves(s, 'Ana', (await answersFor(s, allFake)).slice(0, 2));
    const doc = asJson(bytes);
    const paths: (string | number)[][] = [];
    const walk = (x: unknown, p: (string | number)[]): void => {
      if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...p, Array.isArray(x) ? Number(k) : k]);
      else paths.push(p);
    };
    walk(doc, []);
    for (const p of paths) {
      const d = JSON.parse(JSON.stringify(doc)) as Record<string | number, unknown>;
      let at = d;
      for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      const k = p[p.length - 1] as string | number;
      const v = at[k];
      at[k] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : v === null ? 1 : `${String(v)}x`;
      const check = await verifyResultFile(asBytes(d), null);
      expect(check.ok, p.join('.')).toBe(false);
      if (!check.ok) expect(['tampered', 'future-version', 'not-a-result', 'invalid'], p.join('.')).toContain(check.reason);
    }
    expect(paths.length).toBeGreaterThan(60);
  });

  it('refuses truncated, future-version, foreign, non-result and hostile input with a reason, never a throw', async () => {
    const s = await signedSession();
    const other = await signedSession({ sessionId: '1b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f', title: 'Another day' });
    const { bytes } = await readerSaves(s, 'Ana', await answersFor(s, allFake));
    const sha = await sessionSha256(s);
    expect(await verifyResultFile(bytes.slice(0, bytes.length - 200), sha)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await verifyResultFile(asBytes({ ...asJson(bytes), schemaVersion: 2 }), sha)).toMatchObject({ ok: false, reason: 'future-version' });
    const foreign = await verifyResultFile(bytes, await sessionSha256(other));
    expect(foreign).toMatchObject({ ok: false, reason: 'foreign-session' });
    if (!foreign.ok) expect(foreign.message).toMatch(/Tuesday deepfake reading/);
    for (const junk of [new Uint8Array(), asBytes([1, 2]), asBytes({ format: 'other' }), new Uint8Array([0xff, 0xfe, 0xfd]), asBytes('x'), asBytes({ format: 'xray-trainer.result', schemaVersion: 1 })]) {
      const check = await verifyResultFile(junk, sha);
      expect(check.ok).toBe(false);
    }
    expect(await verifyResultFile(new Uint8Array(9 * 1024 * 1024), sha)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('a result cannot be made with inconsistent answers', async () => {
    const s = await signedSession();
    const key = await readerKeyFor(memoryReaderKeyStore(), s);
    const [a] = await answersFor(s, allFake);
    const base = { session: s, deckPlanSha256: '0'.repeat(64), displayName: 'Ana', app: { name: 'x', version: '1' }, startedAt: ISSUED, finishedAt: ISSUED + 1, complete: true };
    await expect(createResultFile({ ...base, answers: [{ ...a!, timedOut: true }] }, key)).rejects.toThrow(/timedOut/);
    await expect(createResultFile({ ...base, answers: [a!, a!] }, key)).rejects.toThrow(/twice/);
    await expect(createResultFile({ ...base, answers: [{ ...a!, read: 'normal', flagged: false }] }, key)).rejects.toThrow(/read-and-flag/);
  });
});

describe('collecting results', () => {
  it('takes loose files and zips, keeps the latest per reader key, refuses the rest with the file name', async () => {
    const s = await signedSession();
    const other = await signedSession({ sessionId: '1b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f', title: 'Another day' });
    const answers = await answersFor(s, allFake);
    const ana1 = await readerSaves(s, 'Ana', answers.slice(0, 3), { finishedAt: ISSUED + 100_000 });
    const ana2 = await readerSaves(s, 'Ana', answers, { key: ana1.key, finishedAt: ISSUED + 200_000 });
    const ben = await readerSaves(s, 'Ben', await answersFor(s, () => 3));
    const cy = await readerSaves(s, 'Cy', await answersFor(s, () => null));
    const stranger = await readerSaves(other, 'Dee', await answersFor(other, allFake));
    const tampered = asJson(ben.bytes);
    ((tampered.result as { answers: { rating: number }[] }).answers[0] as { rating: number }).rating = 6;
    const zip = zipSync({ 'results/ben.json': ben.bytes, 'results/cy.json': cy.bytes, 'results/notes.txt': new TextEncoder().encode('hi') });
    const files = [
      { name: 'ana-final.json', bytes: ana2.bytes },
      { name: 'ana-early.json', bytes: ana1.bytes },
      { name: 'class.zip', bytes: zip },
      { name: 'dee.json', bytes: stranger.bytes },
      { name: 'ben-edited.json', bytes: asBytes(tampered) },
      { name: 'cut.json', bytes: cy.bytes.slice(0, 500) },
      { name: 'bad.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
    ];
    const c = await collectResults(files, null);
    expect(c.session).toEqual(s);
    expect(c.accepted.map((a) => a.name).sort()).toEqual(['ana-final.json', 'class.zip/results/ben.json', 'class.zip/results/cy.json']);
    expect(c.superseded).toEqual([{ name: 'ana-early.json', keptName: 'ana-final.json' }]);
    const reasons = Object.fromEntries(c.refused.map((r) => [r.name, r.reason]));
    expect(reasons).toEqual({ 'dee.json': 'foreign-session', 'ben-edited.json': 'tampered', 'cut.json': 'truncated', 'bad.zip': 'bad-zip' });
    // With the session given, the stranger is foreign even if it were the majority.
    const only = await collectResults([{ name: 'dee.json', bytes: stranger.bytes }], s);
    expect(only.accepted).toEqual([]);
    expect(only.refused[0]).toMatchObject({ name: 'dee.json', reason: 'foreign-session' });
  });

  it('the order files arrive in does not change which duplicate is kept', async () => {
    const s = await signedSession();
    const answers = await answersFor(s, allFake);
    const first = await readerSaves(s, 'Ana', answers, { finishedAt: ISSUED + 100_000 });
    const second = await readerSaves(s, 'Ana', answers, { key: first.key, finishedAt: ISSUED + 300_000 });
    const third = await readerSaves(s, 'Ana', answers, { key: first.key, finishedAt: ISSUED + 200_000 });
    const named = [{ name: 'a1.json', bytes: first.bytes }, { name: 'a2.json', bytes: second.bytes }, { name: 'a3.json', bytes: third.bytes }];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const c = await collectResults(order.map((i) => named[i]!), s);
      expect(c.accepted.map((a) => a.name)).toEqual(['a2.json']);
      expect(c.superseded.map((x) => x.keptName)).toEqual(['a2.json', 'a2.json']);
    }
  });

  it('a second attempt by the same reader key does not replace the first, however much later or better', async () => {
    const s = await signedSession();
    const first = await readerSaves(s, 'Ana', await answersFor(s, () => 1), { startedAt: ISSUED + 30_000, finishedAt: ISSUED + 100_000 });
    const resaved = await readerSaves(s, 'Ana', await answersFor(s, () => 1), { key: first.key, startedAt: ISSUED + 30_000, finishedAt: ISSUED + 900_000 });
    const retake = await readerSaves(s, 'Ana', await answersFor(s, allFake), { key: first.key, startedAt: ISSUED + 3_600_000, finishedAt: ISSUED + 4_000_000 });
    const named = [{ name: 'first.json', bytes: first.bytes }, { name: 'resaved.json', bytes: resaved.bytes }, { name: 'retake.json', bytes: retake.bytes }];
    for (const order of [[0, 1, 2], [2, 1, 0]]) {
      const c = await collectResults(order.map((i) => named[i]!), s);
      expect(c.accepted.map((a) => a.name)).toEqual(['resaved.json']);
    }
  });

  it('no usable file gives no session and says why for each', async () => {
    const c = await collectResults([{ name: 'x.json', bytes: asBytes({}) }], null);
    expect(c.session).toBeNull();
    expect(c.refused).toHaveLength(1);
  });
});

describe('hostile input', () => {
  it('damaged files (seeded byte flips, cuts, splices) are refused with a reason, never a throw', async () => {
    const s = await signedSession();
    const { bytes } = await readerSaves(s, 'Ana', (await answersFor(s, allFake)).slice(0, 2));
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const files = [];
    for (let i = 0; i < 150; i++) {
      const b = bytes.slice(0, i % 3 === 0 ? rnd(bytes.length) : bytes.length);
      for (let k = 0; k < 1 + rnd(4); k++) if (b.length > 0) b[rnd(b.length)] = rnd(256);
      files.push({ name: `f${i}.json`, bytes: b });
    }
    const c = await collectResults(files, null);
    expect(c.accepted.length + c.refused.length + c.superseded.length).toBe(150);
    for (const r of c.refused) expect(r.message.length, r.name).toBeGreaterThan(10);
  });
});
