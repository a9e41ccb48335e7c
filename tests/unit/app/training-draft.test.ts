import { describe, expect, it } from 'vitest';
import { cspAllows } from '../../../src/app/training-csp.js';
import { sessionBodyFromDraft } from '../../../src/app/training-draft.js';
import { FRESH_DRAFT, type SetupDraft } from '../../../src/store/index.js';

/** The instructor's form becomes the session the residents' games check, with every problem named in the form's words. */
const NOW = Date.parse('2026-03-02T09:00:00Z');
const ctx = { sessionId: '0b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f', now: NOW, keyName: null, packSha256: null };
const draft = (p: Partial<SetupDraft> = {}): SetupDraft => ({ ...FRESH_DRAFT, address: 'https://teaching.example.org/xray/', title: 'Tuesday reading', instructor: 'Dr A. Rossi', seed: '7', ...p });

describe('sessionBodyFromDraft', () => {
  it('turns the default form into the CLI default session: 20 cases of 45 s, half fakes, feedback after the round', () => {
    const r = sessionBodyFromDraft(draft(), ctx);
    if (!r.ok) throw new Error(r.problem);
    expect(r.body).toMatchObject({ title: 'Tuesday reading', instructor: 'Dr A. Rossi', deck: { kind: 'demo', seed: 7 }, order: 'same', issuedAt: '2026-03-02T09:00:00.000Z' });
    expect(r.body.mode).toMatchObject({ id: 'training', rounds: 1, casesPerRound: 20, secondsPerCase: 45, fakeShare: 0.5, feedback: 'after-round', allowPause: false, hooks: 'training' });
    expect(r.body.lrs).toBeUndefined();
    expect(r.body.pairing).toBeUndefined();
  });

  it('carries every setting the form offers', () => {
    const r = sessionBodyFromDraft(draft({
      rounds: '2', casesPerRound: '10', secondsPerCase: '30', fakePercent: '40', feedback: 'end-of-session', allowPause: true, showScore: false,
      tools: ['zoom'], lenses: [], levels: ['expert'], order: 'counterbalanced', pairingId: 'ct-2026', pairingRole: 'pre', expires: '2026-03-09T18:00',
    }), ctx);
    if (!r.ok) throw new Error(r.problem);
    expect(r.body.mode).toMatchObject({ rounds: 2, casesPerRound: 10, secondsPerCase: 30, fakeShare: 0.4, feedback: 'end-of-session', allowPause: true, showScore: false, tools: ['zoom'], lenses: [], levels: ['expert'] });
    expect(r.body).toMatchObject({ order: 'counterbalanced', pairing: { id: 'ct-2026', role: 'pre' } });
    expect(Date.parse(r.body.expiresAt ?? '')).toBe(new Date('2026-03-09T18:00').getTime());
  });

  it('names each bad field at once', () => {
    const r = sessionBodyFromDraft(draft({ title: ' ', seed: 'x', casesPerRound: '0', fakePercent: '150', levels: [], pairingId: 'ct' }), ctx);
    expect(r.ok).toBe(false);
    const problem = r.ok ? '' : r.problem;
    for (const want of [/Give the session a title/, /Seed must be a whole number/, /Cases per round must be a whole number from 1 to 200 \(not "0"\)/, /Share of fakes must be a whole number from 0 to 100/, /at least one difficulty level/, /pairing needs both its id and/]) {
      expect(problem).toMatch(want);
    }
  });

  it('takes an LRS block whole or not at all, and refuses a long-lived token as the residents\' games would', () => {
    const half = sessionBodyFromDraft(draft({ lrsEndpoint: 'https://lrs.example.org/xapi/' }), ctx);
    expect(half.ok ? '' : half.problem).toMatch(/An LRS needs its endpoint, a token made for this session, and when the token expires/);
    const long = sessionBodyFromDraft(draft({ lrsEndpoint: 'https://lrs.example.org/xapi/', lrsToken: 'Basic abc=', lrsTokenExpires: '2026-06-01T09:00' }), ctx);
    expect(long.ok ? '' : long.problem).toBe('Token expires at (1 Jun 2026, 09:00) is more than 31 days from now: make a token in the LRS that expires sooner (the link carries it, so it must be short-lived).');
    const ok = sessionBodyFromDraft(draft({ lrsEndpoint: 'https://lrs.example.org/xapi/', lrsToken: 'Basic abc=', lrsTokenExpires: '2026-03-03T09:00' }), ctx);
    expect(ok.ok && ok.body.lrs).toMatchObject({ endpoint: 'https://lrs.example.org/xapi/', activityBase: 'https://teaching.example.org/xray/' });
  });

  it('refuses a closing time already past in the form\'s words, with what to do, beside every other problem', () => {
    const past = sessionBodyFromDraft(draft({ expires: '2026-03-01T09:00' }), ctx);
    expect(past.ok ? '' : past.problem).toBe('Closes at (1 Mar 2026, 09:00) has already passed: choose a later date and time, or leave it empty for a session that stays open.');
    const both = sessionBodyFromDraft(draft({ expires: '2026-03-01T09:00', title: '', lrsEndpoint: 'https://lrs.example.org/xapi/', lrsToken: 'Basic abc=', lrsTokenExpires: '2026-03-02T08:00' }), ctx);
    const problem = both.ok ? '' : both.problem;
    for (const want of [/Give the session a title/, /^.*Closes at \(1 Mar 2026, 09:00\) has already passed/, /Token expires at \(2 Mar 2026, 08:00\) has already passed: make a new token/]) expect(problem).toMatch(want);
    expect(problem).not.toMatch(/expiresAt|issuedAt|not valid/);
  });

  it('plays a stored pack only when its content hash is known', () => {
    const r = sessionBodyFromDraft(draft({ deck: 'dept-chest' }), ctx);
    expect(r.ok ? '' : r.problem).toMatch(/Case pack 'dept-chest' is not stored in this browser/);
    const sha = 'a'.repeat(64);
    const ok = sessionBodyFromDraft(draft({ deck: 'dept-chest' }), { ...ctx, packSha256: sha });
    expect(ok.ok && ok.body.deck).toEqual({ kind: 'pack', packId: 'dept-chest', sha256: sha, seed: 7 });
  });
});

describe('cspAllows: can this page reach the LRS?', () => {
  const SHIPPED = "default-src 'self'; connect-src 'self' data: blob: ws://127.0.0.1:* ws://localhost:*; img-src 'self'";
  it('the shipped policy reaches only the page\'s own origin', () => {
    expect(cspAllows(SHIPPED, 'https://lrs.example.org/xapi/', 'https://teaching.example.org')).toBe(false);
    expect(cspAllows(SHIPPED, 'https://teaching.example.org/xapi/', 'https://teaching.example.org')).toBe(true);
  });
  it('a copy built with LRS_ORIGINS reaches those origins and no other', () => {
    const built = SHIPPED.replace("connect-src 'self'", "connect-src 'self' https://lrs.example.org http://127.0.0.1:*");
    expect(cspAllows(built, 'https://lrs.example.org/xapi/statements', 'https://t.example')).toBe(true);
    expect(cspAllows(built, 'https://lrs.example.org:8443/xapi/', 'https://t.example')).toBe(false);
    expect(cspAllows(built, 'http://127.0.0.1:38211/xapi/', 'https://t.example')).toBe(true);
    expect(cspAllows(built, 'https://evil.example/xapi/', 'https://t.example')).toBe(false);
  });
  it('falls back to default-src, and allows all without a policy', () => {
    expect(cspAllows("default-src 'self' https:", 'https://lrs.example.org/', 'https://t.example')).toBe(true);
    expect(cspAllows('', 'https://lrs.example.org/', 'https://t.example')).toBe(true);
    expect(cspAllows("connect-src *.example.org", 'https://lrs.example.org/', 'https://t.example')).toBe(true);
  });
});
