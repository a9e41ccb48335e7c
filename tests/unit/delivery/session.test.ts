import { describe, expect, it } from 'vitest';
import {
  canonicalJson, createInstructorKey, loadInstructorKey, sessionSha256, signSession, verifySession, type SignedSession,
} from '../../../src/delivery/index.js';
import { ISSUED, sessionBody, signedSession, testInstructor } from '../../helpers/delivery.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every leaf of a JSON value with a path, to tamper with each in turn. */
function leaves(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(x) ? Number(k) : k]));
  return [path];
}
function tamper(doc: unknown, path: (string | number)[]): unknown {
  const d = clone(doc) as Record<string | number, unknown>;
  let at = d;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const k = path[path.length - 1] as string | number;
  const v = at[k];
  at[k] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : v === null ? 'x' : `${String(v)}x`;
  return d;
}

describe('session definition: sign and verify', () => {
  it('round-trips: a signed session verifies, shows its issuer fingerprint and hashes stably', async () => {
    const key = await testInstructor();
    const s = await signedSession();
    const check = await verifySession(clone(s), ISSUED);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.signed.issuer.fingerprint).toBe(key.fingerprint);
    expect(check.signed.issuer.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(check.sha256).toBe(await sessionSha256(s));
    // Key order and indentation do not matter (RFC 8785): a re-indented, re-ordered file still verifies.
    const reordered = JSON.parse(JSON.stringify({ signature: s.signature, issuer: s.issuer, session: s.session, schemaVersion: 1, format: s.format }, null, 4));
    expect((await verifySession(reordered, ISSUED)).ok).toBe(true);
  });

  it('refuses a change to any field, signature and key included', async () => {
    const s = await signedSession({ pairing: { id: 'ct-course-2026', role: 'pre' } });
    const paths = leaves(s);
    expect(paths.length).toBeGreaterThan(30);
    for (const p of paths) {
      const check = await verifySession(tamper(s, p), ISSUED);
      expect(check.ok, `tampered ${p.join('.')}`).toBe(false);
      if (!check.ok) expect(['bad-signature', 'malformed', 'future-version'], p.join('.')).toContain(check.reason);
    }
  });

  it('refuses a session re-signed by another key that keeps the instructor fingerprint', async () => {
    const s = await signedSession();
    const mallory = (await createInstructorKey('Mallory')).key;
    const forged = await signSession({ ...s.session, title: 'Free CME credit' }, { ...mallory, fingerprint: s.issuer.fingerprint });
    const check = await verifySession(forged, ISSUED);
    expect(check).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses with a reason: future version, expired, malformed, not a session', async () => {
    const s = await signedSession({ expiresAt: new Date(ISSUED + 3600_000).toISOString() });
    expect(await verifySession({ ...s, schemaVersion: 2 }, ISSUED)).toMatchObject({ ok: false, reason: 'future-version' });
    const expired = await verifySession(s, ISSUED + 2 * 3600_000);
    expect(expired).toMatchObject({ ok: false, reason: 'expired' });
    if (!expired.ok) expect(expired.message).toMatch(/new link/);
    for (const junk of [null, 42, 'session', [], {}, { format: 'xray-trainer.session' }, { ...s, signature: undefined }]) {
      expect(await verifySession(junk, ISSUED)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('signs only valid sessions, and refuses a long-lived LRS token', async () => {
    const key = await testInstructor();
    await expect(signSession(sessionBody({ title: '' }), key)).rejects.toThrow(/title/);
    const lrs = { endpoint: 'https://lrs.example.org/xapi/', token: 'Basic YWJjOmRlZg==', tokenExpiresAt: new Date(ISSUED + 90 * 86400_000).toISOString(), activityBase: 'https://teaching.example.org/xray' };
    await expect(signSession(sessionBody({ lrs }), key)).rejects.toThrow(/short-lived/);
    await expect(signSession(sessionBody({ lrs: { ...lrs, endpoint: 'http://lrs.example.org/' , tokenExpiresAt: new Date(ISSUED + 86400_000).toISOString() } }), key)).rejects.toThrow(/https/);
  });

  it('warns, without refusing, when the LRS token has expired', async () => {
    const lrs = { endpoint: 'https://lrs.example.org/xapi/', token: 'Bearer abc.def', tokenExpiresAt: new Date(ISSUED + 3600_000).toISOString(), activityBase: 'https://teaching.example.org/xray' };
    const s = await signedSession({ lrs });
    const later = await verifySession(s, ISSUED + 7200_000);
    expect(later).toMatchObject({ ok: true, lrsUsable: false });
    if (later.ok) expect(later.warnings[0]).toMatch(/result file/);
    expect(await verifySession(s, ISSUED)).toMatchObject({ ok: true, lrsUsable: true });
  });

  it('the instructor key file loads back, and an edited one is refused', async () => {
    const { key, file } = await createInstructorKey('Dr B');
    const loaded = await loadInstructorKey(clone(file));
    expect(loaded.fingerprint).toBe(key.fingerprint);
    const s: SignedSession = await signSession(sessionBody(), loaded);
    expect((await verifySession(s, ISSUED)).ok).toBe(true);
    await expect(loadInstructorKey({ ...file, fingerprint: 'AAAA-AAAA-AAAA-AAAA' })).rejects.toThrow(/fingerprint/);
    const other = (await createInstructorKey('x')).file;
    await expect(loadInstructorKey({ ...file, privateJwk: { ...file.privateJwk, d: other.privateJwk.d } })).rejects.toThrow(/do not match|damaged/);
    await expect(loadInstructorKey({ format: 'nope' })).rejects.toThrow(/not an instructor key/);
  });

  it('canonical JSON sorts keys (RFC 8785)', () => {
    expect(new TextDecoder().decode(canonicalJson({ b: 1, a: [true, null, 'é'], c: 1e21 }))).toBe('{"a":[true,null,"é"],"b":1,"c":1e+21}');
  });
});
