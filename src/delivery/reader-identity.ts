import { generateSigningKey, type SigningKey } from './keys.js';
import type { SignedSession } from './session-schema.js';

/**
 * The reader's key, made by their browser when they join. The game keeps it behind this small port: IndexedDB in
 * the browser (a CryptoKey is stored by structured clone, its private half non-extractable), a Map in tests.
 * One key per scope: a session, or a pre/post pairing of one instructor key, so the same reader is recognised in the
 * pre and the post session and nowhere else (two unrelated sessions, or two instructors who chose the same pairing
 * id, cannot be linked by key).
 */
export interface StoredReaderKey extends SigningKey {
  readonly scope: string;
  readonly createdAt: number;
  /** On a key stored under the old scope `pairing:<id>`: the instructor key (fingerprint) that took it over. */
  readonly claimedBy?: string;
}

export interface ReaderKeyStore {
  get(scope: string): Promise<StoredReaderKey | null>;
  put(key: StoredReaderKey): Promise<void>;
}

export function memoryReaderKeyStore(): ReaderKeyStore & { readonly size: () => number } {
  const keys = new Map<string, StoredReaderKey>();
  return {
    get: async (scope) => keys.get(scope) ?? null,
    put: async (key) => void keys.set(key.scope, key),
    size: () => keys.size,
  };
}

/** A pairing is the issuer's: its id is free text that another instructor may also choose. */
export const readerKeyScope = (s: SignedSession): string =>
  s.session.pairing ? `pairing:${s.issuer.fingerprint}:${s.session.pairing.id}` : `session:${s.session.sessionId}`;

/**
 * The reader's stored key for this session, or null. Keys made before the scope named the issuer (`pairing:<id>`)
 * are taken over by the first instructor key whose paired session asks for them after the upgrade (the pair the
 * reader was in, in practice), and refused to any other: so a pair already under way keeps its reader, and two
 * instructors' pairs with one id are not linked from then on.
 */
export async function storedReaderKey(store: ReaderKeyStore, session: SignedSession): Promise<StoredReaderKey | null> {
  const scope = readerKeyScope(session);
  const existing = await store.get(scope);
  if (existing || !session.session.pairing) return existing;
  const old = await store.get(`pairing:${session.session.pairing.id}`);
  const issuer = session.issuer.fingerprint;
  if (!old || (old.claimedBy !== undefined && old.claimedBy !== issuer)) return null;
  if (old.claimedBy === undefined) await store.put({ ...old, claimedBy: issuer });
  const key: StoredReaderKey = { scope, createdAt: old.createdAt, privateKey: old.privateKey, publicKey: old.publicKey, fingerprint: old.fingerprint };
  await store.put(key);
  return key;
}

/** The reader's key for this session: the stored one (after a reload, or the pre session's for a post session), or a new one. */
export async function readerKeyFor(store: ReaderKeyStore, session: SignedSession, now: number = Date.now()): Promise<StoredReaderKey> {
  const scope = readerKeyScope(session);
  const existing = await storedReaderKey(store, session);
  if (existing) return existing;
  const k = await generateSigningKey(false);
  const key: StoredReaderKey = { scope, createdAt: now, privateKey: k.privateKey, publicKey: k.publicKey, fingerprint: k.fingerprint };
  await store.put(key);
  return key;
}
