import { fingerprintOf, fromBase64Url, fromUtf8, utf8 } from './encoding.js';
import { signBytes, verifyBytes, type SigningKey } from './keys.js';
import {
  CURRENT_RESULT_VERSION, MAX_RESULT_FILE_BYTES, RESULT_FORMAT, ResultBodySchema, ResultFileSchema,
  type Answer, type ResultBody, type ResultFile,
} from './result-schema.js';
import type { SignedSession } from './session-schema.js';
import { sessionSha256, signedPartOf, verifySession } from './session-sign.js';
import { readableDate } from './report-words.js';
import { describeZodIssues } from './zod-issues.js';

/** Everything the game knows at the end of a session; the file adds the session's hash and the signature. */
export interface ResultInput {
  readonly session: SignedSession;
  readonly deckPlanSha256: string;
  readonly displayName: string;
  readonly app: { readonly name: string; readonly version: string };
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly complete: boolean;
  readonly answers: readonly Answer[];
}

/** The result file's bytes (pretty JSON: a reader may open it and see what they send). Signed over RFC 8785 JCS. */
export async function createResultFile(input: ResultInput, key: SigningKey): Promise<Uint8Array> {
  const body: ResultBody = {
    session: input.session,
    sessionSha256: await sessionSha256(input.session),
    deckPlanSha256: input.deckPlanSha256,
    reader: { displayName: input.displayName.trim(), publicKey: key.publicKey, fingerprint: key.fingerprint },
    app: { ...input.app },
    startedAt: new Date(input.startedAt).toISOString(),
    finishedAt: new Date(input.finishedAt).toISOString(),
    complete: input.complete,
    answers: input.answers.map((a) => ({ ...a, marks: a.marks.map((m) => ({ x: m.x, y: m.y })), toolsUsed: [...a.toolsUsed] })),
  };
  const parsed = ResultBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`createResultFile: the result is not valid: ${describeZodIssues(parsed.error)}`);
  const unsigned = { format: RESULT_FORMAT, schemaVersion: CURRENT_RESULT_VERSION, result: parsed.data } as const;
  const value = await signBytes(key.privateKey, signedPartOf(unsigned));
  const file: ResultFile = { ...unsigned, signature: { alg: 'Ed25519', canonicalization: 'RFC8785', value } };
  return utf8(`${JSON.stringify(file, null, 2)}\n`);
}

export type ResultRefusal = 'too-large' | 'truncated' | 'not-a-result' | 'future-version' | 'tampered' | 'invalid' | 'foreign-session';

export type ResultCheck =
  | { readonly ok: true; readonly file: ResultFile; readonly sessionSha256: string }
  | { readonly ok: false; readonly reason: ResultRefusal; readonly message: string };

const refuse = (reason: ResultRefusal, message: string): ResultCheck => ({ ok: false, reason, message });

/** A JSON text cut short ends without its closing brace; anything else that fails to parse is simply not JSON. */
const looksTruncated = (text: string): boolean => /^\s*\{/.test(text) && !/\}\s*$/.test(text);

/**
 * Checks a result file's bytes. `expectedSha256`: the session the instructor is collecting (null: any validly
 * signed session). Never throws on hostile input; each refusal has a reason code and a sentence.
 */
export async function verifyResultFile(bytes: Uint8Array, expectedSha256: string | null): Promise<ResultCheck> {
  if (!(bytes instanceof Uint8Array)) return refuse('not-a-result', 'Not a file.');
  if (bytes.length > MAX_RESULT_FILE_BYTES) return refuse('too-large', `The file is ${(bytes.length / 2 ** 20).toFixed(1)} MB; a result file is far smaller. It is not a result file.`);
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    return refuse('not-a-result', 'The file is not text; it is not a result file.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return looksTruncated(text)
      ? refuse('truncated', 'The file is cut short (its JSON ends early): it was not saved or copied completely. Ask the reader to save it again with J.')
      : refuse('not-a-result', 'The file is not JSON; it is not a result file.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse('not-a-result', 'The file is JSON but not a result file.');
  const doc = json as Record<string, unknown>;
  if (doc.format !== RESULT_FORMAT) return refuse('not-a-result', `The file is JSON but not a result file (format ${JSON.stringify(doc.format ?? null).slice(0, 40)}).`);
  const v = doc.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return refuse('invalid', 'The result file has no valid schemaVersion.');
  if (v > CURRENT_RESULT_VERSION) {
    return refuse('future-version', `The file was saved by a newer version of the game (result format ${v}; this one reads up to ${CURRENT_RESULT_VERSION}). Update the game (reload it) and try again.`);
  }
  const reader = (doc.result as { reader?: { publicKey?: unknown } } | undefined)?.reader;
  const sig = (doc.signature as { value?: unknown } | undefined)?.value;
  if (typeof reader?.publicKey !== 'string' || typeof sig !== 'string') return refuse('invalid', 'The result file has no reader key or no signature.');
  if (!(await verifyBytes(reader.publicKey, sig, signedPartOf(doc)))) {
    return refuse('tampered', "The file was changed after the reader's game signed it (or the signature is damaged). Ask the reader for the original file.");
  }
  const parsed = ResultFileSchema.safeParse(doc);
  if (!parsed.success) return refuse('invalid', `The file is signed but not valid: ${describeZodIssues(parsed.error)}.`);
  const file = parsed.data;
  if ((await fingerprintOf(fromBase64Url(file.result.reader.publicKey))) !== file.result.reader.fingerprint) {
    return refuse('tampered', "The reader's fingerprint does not belong to the key that signed the file.");
  }
  // The session inside must be the instructor's, unaltered; a session that has since closed still counts.
  const session = await verifySession(file.result.session, Date.parse(file.result.session.session.issuedAt));
  if (!session.ok) return refuse('tampered', `The session inside the file is not valid: ${session.message}`);
  if (session.sha256 !== file.result.sessionSha256) return refuse('tampered', 'The file names a session other than the one it carries.');
  if (expectedSha256 !== null && session.sha256 !== expectedSha256) {
    const s = file.result.session.session;
    return refuse('foreign-session', `The file is for another session ("${s.title}", issued ${readableDate(s.issuedAt)} by ${s.instructor}).`);
  }
  return { ok: true, file, sessionSha256: session.sha256 };
}
