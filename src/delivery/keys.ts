import { z } from 'zod';
import { fingerprintOf, fromBase64Url, toBase64Url } from './encoding.js';

/**
 * Ed25519 keys (RFC 8032) through WebCrypto. Ed25519 is deterministic (no per-signature randomness to get wrong),
 * its keys and signatures are small enough for a link (32 and 64 bytes), and it is in WebCrypto in Chromium and
 * Node 20, so no crypto library ships with the game.
 */
const ED25519 = { name: 'Ed25519' } as const;
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface PublicIdentity {
  /** The raw 32-byte public key, base64url. */
  readonly publicKey: string;
  readonly fingerprint: string;
}

export interface SigningKey extends PublicIdentity {
  readonly privateKey: CryptoKey;
}

/**
 * A fresh key pair. The reader's browser keeps its private key non-extractable (it can sign, but script cannot read
 * it out); the instructor's key is extractable so the command line can save it to a file.
 */
export async function generateSigningKey(extractable: boolean): Promise<SigningKey & { readonly keyPair: CryptoKeyPair }> {
  const pair = (await subtle().generateKey(ED25519, extractable, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64Url(raw), fingerprint: await fingerprintOf(raw), keyPair: pair };
}

export async function signBytes(key: CryptoKey, bytes: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().sign(ED25519, key, bytes as Uint8Array<ArrayBuffer>)));
}

/** False (never a throw) for a malformed key or signature: hostile files reach this. */
export async function verifyBytes(publicKey: string, signature: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const raw = fromBase64Url(publicKey);
    const sig = fromBase64Url(signature);
    if (raw.length !== PUBLIC_KEY_BYTES || sig.length !== SIGNATURE_BYTES) return false;
    const key = await subtle().importKey('raw', raw as Uint8Array<ArrayBuffer>, ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, sig as Uint8Array<ArrayBuffer>, bytes as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

export const base64UrlKey = (what: string, bytes: number) =>
  z.string().regex(/^[A-Za-z0-9_-]+$/, `${what} must be base64url`).refine((s) => {
    try {
      return fromBase64Url(s).length === bytes;
    } catch {
      return false;
    }
  }, `${what} must encode ${bytes} bytes`);

/** The instructor's key as a file (JWK, RFC 8037 "OKP" keys). It is a secret: whoever holds it can issue sessions in this name. */
export const InstructorKeyFileSchema = z
  .object({
    format: z.literal('xray-trainer.instructor-key'),
    version: z.literal(1),
    name: z.string().min(1).max(120),
    fingerprint: z.string(),
    privateJwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() }).passthrough(),
  })
  .strict();
export type InstructorKeyFile = z.infer<typeof InstructorKeyFileSchema>;

export interface InstructorKey extends SigningKey {
  readonly name: string;
}

export async function createInstructorKey(name: string): Promise<{ key: InstructorKey; file: InstructorKeyFile }> {
  const k = await generateSigningKey(true);
  const jwk = await subtle().exportKey('jwk', k.privateKey);
  const file: InstructorKeyFile = {
    format: 'xray-trainer.instructor-key',
    version: 1,
    name,
    fingerprint: k.fingerprint,
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), d: String(jwk.d) },
  };
  return { key: { name, privateKey: k.privateKey, publicKey: k.publicKey, fingerprint: k.fingerprint }, file };
}

/** Reads a key file; throws an Error saying what is wrong with it. */
export async function loadInstructorKey(json: unknown): Promise<InstructorKey> {
  const parsed = InstructorKeyFileSchema.safeParse(json);
  if (!parsed.success) throw new Error('loadInstructorKey: this is not an instructor key file (format xray-trainer.instructor-key, version 1)');
  const f = parsed.data;
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().importKey('jwk', { ...f.privateJwk, key_ops: ['sign'] } as JsonWebKey, ED25519, false, ['sign']);
  } catch {
    throw new Error('loadInstructorKey: the key in the file is damaged (it cannot be imported as an Ed25519 private key)');
  }
  const raw = fromBase64Url(f.privateJwk.x);
  // A d that does not belong to x would sign sessions nobody could verify: check the pair before use.
  const probe = new Uint8Array([1, 2, 3]);
  if (!(await verifyBytes(toBase64Url(raw), await signBytes(privateKey, probe), probe))) {
    throw new Error('loadInstructorKey: the private and public halves of the key do not match; the file was edited');
  }
  const fingerprint = await fingerprintOf(raw);
  if (fingerprint !== f.fingerprint) throw new Error('loadInstructorKey: the fingerprint in the file does not match its key; the file was edited');
  return { name: f.name, privateKey, publicKey: toBase64Url(raw), fingerprint };
}
