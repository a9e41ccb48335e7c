import { dayAndTime, FEEDBACK_TIMINGS, type GameMode } from '../domain/index.js';
import { MAX_TOKEN_LIFETIME_MS, SessionBodySchema, trainingSettings, type SessionBody } from '../delivery/index.js';
import type { SetupDraft } from '../store/index.js';

/**
 * From the instructor's form to a session definition. Every field is checked here with a message that names it in
 * the form's words, then the whole body goes through delivery's schema (the one the residents' games check), so
 * the browser and `npm run session` refuse the same things.
 */
export interface DraftContext {
  readonly sessionId: string;
  readonly now: number;
  /** The key's name, used when the form leaves the instructor's name empty. */
  readonly keyName: string | null;
  /** For a pack deck: the content hash of the stored pack (delivery packContentSha256). */
  readonly packSha256: string | null;
}

export type DraftCheck = { readonly ok: true; readonly body: SessionBody } | { readonly ok: false; readonly problem: string };

const whole = (label: string, text: string, min: number, max: number, problems: string[]): number => {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) problems.push(`${label} must be a whole number from ${min} to ${max}${text.trim() ? ` (not "${text.trim()}")` : ''}.`);
  return n;
};

/** A datetime-local value ("2026-03-10T09:00", the instructor's local time) as an ISO instant, or null when empty. */
export function localTimeToIso(label: string, text: string, problems: string[]): string | null {
  if (text.trim() === '') return null;
  const t = Date.parse(text.trim());
  if (Number.isNaN(t)) {
    problems.push(`${label} is not a date and time (write it as 2026-03-10T09:00).`);
    return null;
  }
  return new Date(t).toISOString();
}

function modeFromDraft(d: SetupDraft, problems: string[]): GameMode | null {
  const rounds = whole('Rounds', d.rounds, 1, 20, problems);
  const casesPerRound = whole('Cases per round', d.casesPerRound, 1, 200, problems);
  const secondsPerCase = whole('Seconds per case', d.secondsPerCase, 5, 600, problems);
  const fakePercent = whole('Share of fakes', d.fakePercent, 0, 100, problems);
  if (!FEEDBACK_TIMINGS.includes(d.feedback)) problems.push('Choose when feedback comes.');
  if (d.levels.length === 0) problems.push('Choose at least one difficulty level for the fakes.');
  if (problems.length > 0) return null;
  try {
    return trainingSettings({
      rounds, casesPerRound, secondsPerCase, fakeShare: fakePercent / 100, feedback: d.feedback, allowPause: d.allowPause, showScore: d.showScore,
      tools: d.tools as GameMode['tools'], lenses: d.lenses as GameMode['lenses'], levels: d.levels as GameMode['levels'],
    });
  } catch (e) {
    problems.push(`The mode settings are not valid: ${(e as Error).message.slice(0, 200)}`);
    return null;
  }
}

/** The form's datetime-local text (the instructor's local time) as it reads: "1 Mar 2026, 09:00". */
const typedTime = (text: string): string => {
  const t = new Date(text.trim());
  return Number.isNaN(t.getTime()) ? text.trim() : dayAndTime(t, 'local');
};

/**
 * The checks the session schema makes against the signing time, made here first in the form's words (the schema
 * names its fields, expiresAt and issuedAt, which the form does not show).
 */
function timeProblems(d: SetupDraft, now: number, expiresAt: string | null, tokenExpiresAt: string | null): string[] {
  const out: string[] = [];
  if (expiresAt && Date.parse(expiresAt) <= now) out.push(`Closes at (${typedTime(d.expires)}) has already passed: choose a later date and time, or leave it empty for a session that stays open.`);
  if (tokenExpiresAt && Date.parse(tokenExpiresAt) <= now) out.push(`Token expires at (${typedTime(d.lrsTokenExpires)}) has already passed: make a new token in the LRS and give when it expires.`);
  else if (tokenExpiresAt && Date.parse(tokenExpiresAt) - now > MAX_TOKEN_LIFETIME_MS) out.push(`Token expires at (${typedTime(d.lrsTokenExpires)}) is more than 31 days from now: make a token in the LRS that expires sooner (the link carries it, so it must be short-lived).`);
  return out;
}

/** Anything else the schema refuses, with its field names put in the form's (a fallback: the checks above come first). */
const FORM_NAMES: Readonly<Record<string, string>> = {
  expiresAt: 'Closes at', issuedAt: 'now', 'lrs.tokenExpiresAt': 'Token expires at', 'lrs.endpoint': 'xAPI endpoint', 'lrs.token': 'Authorization',
  'lrs.activityBase': 'Activity base', title: 'Title', instructor: 'Your name', 'pairing.id': 'Pairing id',
};
const schemaWords = (issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): string =>
  issues.slice(0, 5).map((i) => {
    const path = i.path.map(String).join('.');
    const message = i.message.replace(/\b(issuedAt|expiresAt)\b/g, (n) => FORM_NAMES[n] ?? n);
    return `${FORM_NAMES[path] ?? (path || 'The session')}: ${message}.`;
  }).join(' ');

function lrsFromDraft(d: SetupDraft, problems: string[]): SessionBody['lrs'] | undefined {
  const given = [d.lrsEndpoint, d.lrsToken, d.lrsTokenExpires].map((x) => x.trim() !== '');
  if (!given.some(Boolean)) return undefined;
  if (!given.every(Boolean)) {
    problems.push('An LRS needs its endpoint, a token made for this session, and when the token expires (or leave all three empty).');
    return undefined;
  }
  const tokenExpiresAt = localTimeToIso('The token expiry', d.lrsTokenExpires, problems);
  const activityBase = (d.lrsActivityBase.trim() || d.address.trim()).replace(/[#?].*$/, '');
  return tokenExpiresAt ? { endpoint: d.lrsEndpoint.trim(), token: d.lrsToken.trim(), tokenExpiresAt, activityBase } : undefined;
}

export function sessionBodyFromDraft(d: SetupDraft, ctx: DraftContext): DraftCheck {
  const problems: string[] = [];
  if (d.title.trim() === '') problems.push('Give the session a title (the residents see it).');
  const instructor = d.instructor.trim() || ctx.keyName || '';
  if (instructor === '') problems.push('Give your name as the residents should see it.');
  const seed = whole('Seed', d.seed, 0, 2 ** 31 - 1, problems);
  const mode = modeFromDraft(d, problems);
  const pairingId = d.pairingId.trim();
  if ((pairingId === '') !== (d.pairingRole === '')) problems.push('A pre/post pairing needs both its id and whether this session is the pre or the post.');
  const expiresAt = localTimeToIso('Closes at', d.expires, problems);
  const lrs = lrsFromDraft(d, problems);
  if (d.deck !== 'demo' && !ctx.packSha256) problems.push(`Case pack '${d.deck}' is not stored in this browser; choose another deck.`);
  problems.push(...timeProblems(d, ctx.now, expiresAt, lrs?.tokenExpiresAt ?? null));
  if (problems.length > 0 || !mode) return { ok: false, problem: problems.join(' ') };
  const body = {
    sessionId: ctx.sessionId, title: d.title.trim(), instructor,
    deck: d.deck === 'demo' ? { kind: 'demo' as const, seed } : { kind: 'pack' as const, packId: d.deck, sha256: ctx.packSha256 as string, seed },
    mode, order: d.order,
    ...(pairingId ? { pairing: { id: pairingId, role: d.pairingRole as 'pre' | 'post' } } : {}),
    issuedAt: new Date(ctx.now).toISOString(),
    ...(expiresAt ? { expiresAt } : {}),
    ...(lrs ? { lrs } : {}),
  };
  const parsed = SessionBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: schemaWords(parsed.error.issues) };
  return { ok: true, body: parsed.data };
}
