import { generateSigningKey, type SigningKey } from './keys.js';
import type { SessionBody } from './session-schema.js';

/**
 * The reader's key, made by their browser when they join. The game keeps it behind this small port: IndexedDB in
 * the browser (a CryptoKey is stored by structured clone, its private half non-extractable), a Map in tests.
 * One key per scope: a session, or a pre/post pairing, so the same reader is recognised in the pre and the post
 * session and nowhere else (two unrelated sessions cannot be linked by key).
 */
export interface StoredReaderKey extends SigningKey {
  readonly scope: string;
  readonly createdAt: number;
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

export const readerKeyScope = (s: SessionBody): string => (s.pairing ? `pairing:${s.pairing.id}` : `session:${s.sessionId}`);

/** The reader's key for this session: the stored one (after a reload, or the pre session's for a post session), or a new one. */
export async function readerKeyFor(store: ReaderKeyStore, session: SessionBody, now: number = Date.now()): Promise<StoredReaderKey> {
  const scope = readerKeyScope(session);
  const existing = await store.get(scope);
  if (existing) return existing;
  const k = await generateSigningKey(false);
  const key: StoredReaderKey = { scope, createdAt: now, privateKey: k.privateKey, publicKey: k.publicKey, fingerprint: k.fingerprint };
  await store.put(key);
  return key;
}
