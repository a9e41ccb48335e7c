import { canonicalJson, fingerprintOf, fromBase64Url, sha256Hex } from './encoding.js';
import { signBytes, verifyBytes, type InstructorKey } from './keys.js';
import {
  CURRENT_SESSION_VERSION, SESSION_FORMAT, SessionBodySchema, SignedSessionSchema, migrateSessionDocument,
  type SessionBody, type SignedSession,
} from './session-schema.js';
import { describeZodIssues } from './zod-issues.js';

/**
 * Signing and checking a session definition. The signature is Ed25519 (RFC 8032) over the RFC 8785 canonical JSON
 * of the whole document without its `signature` member; `format` is inside what is signed, so a signed result file
 * can never pass for a session, whoever signed it.
 */

export const signedPartOf = (doc: Record<string, unknown>): Uint8Array => {
  const { signature: _signature, ...rest } = doc;
  return canonicalJson(rest);
};

export async function signSession(body: SessionBody, key: InstructorKey): Promise<SignedSession> {
  const parsed = SessionBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`signSession: the session is not valid: ${describeZodIssues(parsed.error)}`);
  const unsigned = {
    format: SESSION_FORMAT,
    schemaVersion: CURRENT_SESSION_VERSION,
    session: parsed.data,
    issuer: { publicKey: key.publicKey, fingerprint: key.fingerprint },
  } as const;
  const value = await signBytes(key.privateKey, signedPartOf(unsigned));
  return { ...unsigned, signature: { alg: 'Ed25519', canonicalization: 'RFC8785', value } };
}

export type SessionRefusal = 'malformed' | 'future-version' | 'bad-signature' | 'expired';

export type SessionCheck =
  | { readonly ok: true; readonly signed: SignedSession; readonly sha256: string; readonly lrsUsable: boolean; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: SessionRefusal; readonly message: string };

const refuse = (reason: SessionRefusal, message: string): SessionCheck => ({ ok: false, reason, message });

/** SHA-256 (hex) of the canonical signed document: what result files name their session by. */
export const sessionSha256 = (signed: SignedSession): Promise<string> => sha256Hex(canonicalJson(signed));

/**
 * Checks a session document (parsed JSON, or anything: hostile input is expected) and refuses with a reason and a
 * sentence for the reader. Order: shape of the envelope, version, signature, then the body's schema and dates, so
 * a tampered file is called tampered rather than merely "invalid".
 */
export async function verifySession(input: unknown, now: number = Date.now()): Promise<SessionCheck> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('malformed', 'This is not a session definition (expected a JSON object).');
  const doc = input as Record<string, unknown>;
  if (doc.format !== SESSION_FORMAT) return refuse('malformed', `This is not a session definition (format is ${JSON.stringify(doc.format)?.slice(0, 40)}, expected "${SESSION_FORMAT}").`);
  const v = doc.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return refuse('malformed', 'The session has no valid schemaVersion.');
  if (v > CURRENT_SESSION_VERSION) {
    return refuse('future-version', `The session was made by a newer version of the game (session format ${v}; this game reads up to ${CURRENT_SESSION_VERSION}). Reload the game to update it, or ask the instructor.`);
  }
  const issuer = doc.issuer as { publicKey?: unknown } | undefined;
  const signature = doc.signature as { value?: unknown } | undefined;
  if (typeof issuer?.publicKey !== 'string' || typeof signature?.value !== 'string') return refuse('malformed', 'The session carries no issuer key or no signature.');
  let signedPart: Uint8Array;
  try {
    signedPart = signedPartOf(doc);
  } catch {
    return refuse('malformed', 'The session holds values JSON cannot carry.');
  }
  if (!(await verifyBytes(issuer.publicKey, signature.value, signedPart))) {
    return refuse('bad-signature', 'The session was altered after the instructor signed it, or the signature is damaged. Ask the instructor for the link again.');
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSessionDocument(doc);
  } catch (e) {
    return refuse('malformed', `The session cannot be read: ${(e as Error).message}.`);
  }
  const parsed = SignedSessionSchema.safeParse(migrated);
  if (!parsed.success) return refuse('malformed', `The session is signed but not valid: ${describeZodIssues(parsed.error)}. Ask the instructor to create it again.`);
  const signed = parsed.data;
  // The fingerprint is what a resident compares with the one the instructor projects: a document re-signed with
  // another key but keeping the instructor's fingerprint text must not pass.
  if ((await fingerprintOf(fromBase64Url(signed.issuer.publicKey))) !== signed.issuer.fingerprint) {
    return refuse('bad-signature', "The session's issuer fingerprint does not belong to its key: someone re-signed it. Ask the instructor for the link again.");
  }
  const { expiresAt, lrs } = signed.session;
  if (expiresAt !== undefined && Date.parse(expiresAt) < now) {
    return refuse('expired', `The session closed on ${expiresAt}. Ask the instructor for a new link.`);
  }
  const warnings: string[] = [];
  const lrsUsable = lrs !== undefined && Date.parse(lrs.tokenExpiresAt) > now;
  if (lrs && !lrsUsable) warnings.push(`The session's LRS token expired on ${lrs.tokenExpiresAt}: answers will not be sent to the LRS; save your result file at the end.`);
  return { ok: true, signed, sha256: await sessionSha256(signed), lrsUsable, warnings };
}
