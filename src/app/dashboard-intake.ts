/**
 * The dashboard's intake: what the instructor dropped or picked (result files, folders, zips of them, session.json,
 * a session bundle) sorted into result files, the session to collect for, and the case pack for a pack session;
 * then delivery's collectResults, once for the session and once more for its pre/post partner when its files are
 * there too.
 */
import {
  BUNDLE_SESSION_PATH, collectResults, drillSessionMessage, readSessionBundle, SESSION_FORMAT, verifySession, type Collection, type InputFile, type SignedSession,
} from '../delivery/index.js';
import { openZip, type PackManifest } from '../pack-format/index.js';

export interface Intake {
  readonly results: readonly InputFile[];
  /** Sessions given as session.json (or inside a bundle), verified. */
  readonly sessions: readonly SignedSession[];
  readonly packs: readonly { readonly sha256: string; readonly manifest: PackManifest }[];
  /** Files that are neither (images, notes), passed over; and session files refused, with the reason. */
  readonly passedOver: readonly string[];
  readonly refusedSessions: readonly { readonly name: string; readonly reason: string; readonly message: string }[];
}

export const EMPTY_INTAKE: Intake = { results: [], sessions: [], packs: [], passedOver: [], refusedSessions: [] };

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const startsLikeJson = (b: Uint8Array): boolean => {
  for (const c of b.subarray(0, 64)) if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf) return c === 0x7b;
  return false;
};

function formatOf(bytes: Uint8Array): unknown {
  try {
    return (JSON.parse(new TextDecoder().decode(bytes)) as { format?: unknown })?.format;
  } catch {
    return undefined;
  }
}

/** Adds files to an intake (the dashboard takes several drops; each adds to what is there). */
export async function addToIntake(prev: Intake, files: readonly InputFile[]): Promise<Intake> {
  const results = [...prev.results];
  const sessions = [...prev.sessions];
  const packs = [...prev.packs];
  const passedOver = [...prev.passedOver];
  const refusedSessions = [...prev.refusedSessions];
  for (const f of files) {
    if (isZip(f.bytes)) {
      let names: readonly string[] = [];
      try {
        names = openZip(f.bytes).names;
      } catch {
        // Not a readable zip: collectResults refuses it with the reason.
      }
      if (names.includes(BUNDLE_SESSION_PATH)) {
        // Read as of time 0, so a session that has closed since is not refused as expired: a debrief comes after.
        const read = await readSessionBundle(f.bytes, 0);
        const drill = read.ok ? drillSessionMessage(read.session.signed.session, 'browser') : null;
        if (drill) refusedSessions.push({ name: f.name, reason: 'wrong-report', message: drill });
        else if (read.ok) {
          sessions.push(read.session.signed);
          if (read.session.signed.session.deck.kind === 'pack') packs.push({ sha256: read.session.signed.session.deck.sha256, manifest: read.manifest });
        } else refusedSessions.push({ name: f.name, reason: 'bundle', message: read.message });
        continue;
      }
      results.push(f);
    } else if (/\.json$/i.test(f.name) || startsLikeJson(f.bytes)) {
      if (formatOf(f.bytes) === SESSION_FORMAT) {
        const doc = JSON.parse(new TextDecoder().decode(f.bytes)) as { session?: { issuedAt?: string } };
        const check = await verifySession(doc, Date.parse(String(doc.session?.issuedAt)) || Date.now());
        const drill = check.ok ? drillSessionMessage(check.signed.session, 'browser') : null;
        if (drill) refusedSessions.push({ name: f.name, reason: 'wrong-report', message: drill });
        else if (check.ok) sessions.push(check.signed);
        else refusedSessions.push({ name: f.name, reason: check.reason, message: check.message });
      } else results.push(f);
    } else passedOver.push(f.name);
  }
  return { results, sessions, packs, passedOver, refusedSessions };
}

/** The session documents result files carry, by session id (unverified: only to find a pre/post partner). */
function sessionsInResults(files: readonly InputFile[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of files) {
    if (!startsLikeJson(f.bytes)) continue;
    try {
      const doc = JSON.parse(new TextDecoder().decode(f.bytes)) as { result?: { session?: { session?: { sessionId?: string } } } };
      const s = doc.result?.session;
      if (s?.session?.sessionId) out.set(s.session.sessionId, s);
    } catch {
      // Not JSON: collectResults says so.
    }
  }
  return out;
}

const BROWSER = { audience: 'browser' } as const;

export interface Collected {
  readonly main: Collection;
  /** The other session of a pre/post pair (same instructor key and pairing id, the other role), when its files were given too. */
  readonly partner: Collection | null;
}

/**
 * Collects the results of `given` (the instructor's session, when known) or of the session most files carry, and of
 * its pre/post partner. Files of the partner are not refused as foreign: they are used for the change.
 */
export async function collectIntake(intake: Intake, given: SignedSession | null): Promise<Collected> {
  const main = await collectResults(intake.results, given ?? intake.sessions[intake.sessions.length - 1] ?? null, BROWSER);
  const pairing = main.session?.session.pairing;
  if (!pairing) return { main, partner: null };
  const candidates = [...intake.sessions, ...sessionsInResults(intake.results).values()];
  let partnerSession: SignedSession | null = null;
  for (const c of candidates) {
    const s = (c as SignedSession).session;
    // The pairing id is free text: only the same instructor key's session with the other role is the partner.
    if (s?.pairing?.id !== pairing.id || s.pairing.role === pairing.role || (c as SignedSession).issuer?.publicKey !== main.session?.issuer.publicKey) continue;
    const check = await verifySession(c, Date.parse(s.issuedAt) || Date.now());
    if (check.ok) partnerSession = check.signed;
  }
  if (!partnerSession) return { main, partner: null };
  const partner = await collectResults(intake.results, partnerSession, BROWSER);
  const usedByPartner = new Set(partner.accepted.map((a) => a.name));
  const refused = main.refused.filter((r) => !(r.reason === 'foreign-session' && usedByPartner.has(r.name)));
  return { main: { ...main, refused }, partner: { ...partner, refused: [] } };
}
