import { z } from 'zod';
import { PACK_ID_PATTERN } from '../pack-format/index.js';
import { base64UrlKey, PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from './keys.js';
import { ModeSettingsSchema } from './mode-settings.js';

/**
 * The session definition an instructor signs and hands out (session.json, or inside a link). Versioned: a file of
 * a newer version is refused with a message to update the game; older versions are lifted by SESSION_MIGRATIONS
 * after their signature has been checked in the form they were signed in.
 */
export const SESSION_FORMAT = 'xray-trainer.session';
export const CURRENT_SESSION_VERSION = 1;
/** The longest an LRS token in a session may live: a link is shared with a whole cohort, so its token must die soon. */
export const MAX_TOKEN_LIFETIME_MS = 31 * 24 * 3600 * 1000;

const isoTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lowercase UUID');
const shortText = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'has control characters');

export const SessionDeckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), seed: z.number().int().min(0).max(2 ** 31 - 1) }).strict(),
  // A pack deck has a seed too: it picks which of the pack's cases the session uses and their order (planPackDeck).
  z.object({ kind: z.literal('pack'), packId: z.string().regex(PACK_ID_PATTERN), sha256: z.string().regex(/^[0-9a-f]{64}$/), seed: z.number().int().min(0).max(2 ** 31 - 1) }).strict(),
]);
export type SessionDeck = z.infer<typeof SessionDeckSchema>;

/**
 * Where answers go as xAPI statements, when the institution has a Learning Record Store. `token` is the whole
 * Authorization header value of a credential made for this session only: write-only (statements/write), expiring at
 * `tokenExpiresAt`. It travels in the link, so anyone holding the link can post statements until then; it must never
 * be an account's or an LMS's long-lived key (xAPIWrapper#66). `activityBase` is the IRI under which the session's
 * activities are named (default: the game's own address).
 */
export const LrsBlockSchema = z
  .object({
    endpoint: z.string().url().refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(u), 'must be https (plain http only on loopback)'),
    token: z.string().max(2048).regex(/^(Basic|Bearer) [A-Za-z0-9._~+/=-]+$/, 'must be "Basic <base64>" or "Bearer <token>"'),
    tokenExpiresAt: isoTime,
    activityBase: z.string().url().max(300),
  })
  .strict();
export type LrsBlock = z.infer<typeof LrsBlockSchema>;

export const SessionBodySchema = z
  .object({
    sessionId: uuid,
    title: shortText(120),
    /** The name the residents see ("Dr A. Rossi"); the key's fingerprint is what proves it. */
    instructor: shortText(120),
    deck: SessionDeckSchema,
    mode: ModeSettingsSchema,
    order: z.enum(['same', 'counterbalanced']),
    pairing: z.object({ id: shortText(64), role: z.enum(['pre', 'post']) }).strict().optional(),
    issuedAt: isoTime,
    /** After this, the game refuses to start the session (results of readers who joined before still count). */
    expiresAt: isoTime.optional(),
    lrs: LrsBlockSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issued = Date.parse(s.issuedAt);
    if (s.expiresAt !== undefined && Date.parse(s.expiresAt) <= issued) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after issuedAt' });
    if (s.lrs && Date.parse(s.lrs.tokenExpiresAt) - issued > MAX_TOKEN_LIFETIME_MS) {
      ctx.addIssue({ code: 'custom', path: ['lrs', 'tokenExpiresAt'], message: 'is more than 31 days after issuedAt: a session token must be short-lived' });
    }
  });
export type SessionBody = z.infer<typeof SessionBodySchema>;

export const IssuerSchema = z
  .object({ publicKey: base64UrlKey('issuer.publicKey', PUBLIC_KEY_BYTES), fingerprint: z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/) })
  .strict();

export const SignatureSchema = z
  .object({ alg: z.literal('Ed25519'), canonicalization: z.literal('RFC8785'), value: base64UrlKey('signature.value', SIGNATURE_BYTES) })
  .strict();

export const SignedSessionSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    schemaVersion: z.literal(CURRENT_SESSION_VERSION),
    session: SessionBodySchema,
    issuer: IssuerSchema,
    signature: SignatureSchema,
  })
  .strict();
export type SignedSession = z.infer<typeof SignedSessionSchema>;

/** Lifts a verified document of version v to v + 1 (keys: v). None yet: version 1 is the first. */
export const SESSION_MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = Object.freeze({});

export function migrateSessionDocument(doc: Record<string, unknown>): Record<string, unknown> {
  let d = doc;
  for (let v = Number(d.schemaVersion); v < CURRENT_SESSION_VERSION; v++) {
    const step = SESSION_MIGRATIONS[v];
    if (!step) throw new Error(`migrateSessionDocument: no migration from version ${v}`);
    d = { ...step(d), schemaVersion: v + 1 };
  }
  return d;
}
