import { zipSync, type Zippable } from 'fflate';
import { openZip, PackError, readPack, type PackFiles, type PackManifest } from '../pack-format/index.js';
import { canonicalJson, fromUtf8 } from './encoding.js';
import { packContentSha256 } from './deck-plan.js';
import type { SignedSession } from './session-schema.js';
import { MAX_SESSION_JSON_BYTES } from './session-link.js';
import { verifySession, type SessionCheck } from './session-sign.js';

/**
 * A session bundle: one zip a resident drops on the game for a case-pack session. `session.json` (the signed
 * session) at the top, the pack's own files under `pack/`. Read with pack-format's guarded unzip (zip slip, bombs,
 * encryption and damage refused), then the session is verified and the pack must hash to what the session names.
 */
export const BUNDLE_SESSION_PATH = 'session.json';
export const BUNDLE_PACK_FOLDER = 'pack/';

const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

export async function buildSessionBundle(signed: SignedSession, pack: PackFiles): Promise<Uint8Array> {
  if (signed.session.deck.kind !== 'pack') throw new Error('buildSessionBundle: the session plays the demo deck; share its link instead, there is no pack to bundle');
  const hash = await packContentSha256(pack);
  if (hash !== signed.session.deck.sha256) {
    throw new Error(`buildSessionBundle: the pack given hashes to ${hash.slice(0, 12)}…, the session names ${signed.session.deck.sha256.slice(0, 12)}…; bundle the pack the session was made for`);
  }
  const z: Zippable = { [BUNDLE_SESSION_PATH]: [canonicalJson(signed), { level: 9, mtime: FIXED_MTIME }] };
  for (const [path, bytes] of [...pack].sort(([a], [b]) => (a < b ? -1 : 1))) {
    z[`${BUNDLE_PACK_FOLDER}${path}`] = [bytes, { level: path.toLowerCase().endsWith('.png') ? 0 : 9, mtime: FIXED_MTIME }];
  }
  return zipSync(z, { mtime: FIXED_MTIME });
}

export type BundleRead =
  | { readonly ok: true; readonly session: Extract<SessionCheck, { ok: true }>; readonly pack: Map<string, Uint8Array>; readonly manifest: PackManifest }
  | { readonly ok: false; readonly message: string };

/** Reads a dropped bundle; every failure is a sentence for the resident, never a throw. */
export async function readSessionBundle(bytes: Uint8Array, now: number = Date.now()): Promise<BundleRead> {
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(bytes);
  } catch (e) {
    return { ok: false, message: e instanceof PackError ? e.message : 'This file is not a zip. Drop the session bundle (.zip) the instructor shared.' };
  }
  if (!zip.names.includes(BUNDLE_SESSION_PATH)) return { ok: false, message: `The zip has no ${BUNDLE_SESSION_PATH}: it is not a session bundle. If it is a case pack, open it with K (case packs).` };
  // A session document is small (a link holds it); one declared larger is not unpacked at all.
  if (zip.size(BUNDLE_SESSION_PATH) > MAX_SESSION_JSON_BYTES) return { ok: false, message: `The bundle's ${BUNDLE_SESSION_PATH} would unpack to ${zip.size(BUNDLE_SESSION_PATH)} bytes, more than a session can be (${MAX_SESSION_JSON_BYTES}): it was not read. Ask the instructor for the bundle again.` };
  try {
    let json: unknown;
    try {
      json = JSON.parse(fromUtf8(zip.extract(BUNDLE_SESSION_PATH)));
    } catch {
      return { ok: false, message: `The bundle's ${BUNDLE_SESSION_PATH} is damaged (not JSON). Ask the instructor for the bundle again.` };
    }
    const check = await verifySession(json, now);
    if (!check.ok) return { ok: false, message: check.message };
    if (check.signed.session.deck.kind !== 'pack') return { ok: false, message: 'The bundle holds a demo-deck session; it needs no bundle. Open its link instead.' };
    const pack = new Map<string, Uint8Array>();
    for (const name of zip.names) {
      if (name.startsWith(BUNDLE_PACK_FOLDER)) pack.set(name.slice(BUNDLE_PACK_FOLDER.length), zip.extract(name));
    }
    const manifest = readPack(pack);
    if ((await packContentSha256(pack)) !== check.signed.session.deck.sha256) {
      return { ok: false, message: 'The case pack in the bundle is not the one the session was signed for (its content differs). Ask the instructor for the bundle again.' };
    }
    return { ok: true, session: check, pack, manifest };
  } catch (e) {
    return { ok: false, message: e instanceof PackError ? `The bundle's case pack is not valid: ${e.message}` : 'The bundle is damaged. Ask the instructor for it again.' };
  }
}
