/**
 * A resident's side of a training session: the join page opened by a link (`#session=...`) or a dropped bundle
 * checks the signed session and shows who issued it and its settings, asks for a display name, makes the reader
 * key and starts the session with the instructor's settings and this reader's case order. A reload resumes it
 * (app/resume.ts); the join record says which stored session belongs to which training session.
 */
import {
  packContentSha256, parseSessionLink, planSessionDeck, readerIndexOf, readerKeyFor, readerRounds, readSessionBundle, storedReaderKey, verifySession,
  type SessionCheck, type SignedSession,
} from '../delivery/index.js';
import { DEMO_GENERATOR_VERSION, packGeneratorVersion } from '../decks/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { JoinRecord } from '../persistence/index.js';
import { sessionFactLines } from '../presenters/index.js';
import type { JoinView } from '../store/index.js';
import type { TrainingDeps } from './training-deps.js';
import type { LrsLink } from './training-lrs.js';
import { resumeStoredSession } from './resume.js';

type Verified = Extract<SessionCheck, { ok: true }>;

export interface JoinActions {
  openFromHash(hash: string): Promise<void>;
  openBundle(bytes: Uint8Array): Promise<void>;
  join(): Promise<void>;
  /** After start-up: if the session resumed belongs to a training session, remember it and restart its LRS queue. */
  restoreActive(): Promise<void>;
}

const EMPTY: Omit<JoinView, 'status' | 'refusal'> = { title: '', instructor: '', fingerprint: '', issuedAt: '', details: [], warnings: [], displayName: '', joinedBefore: false, problem: null };

export function createJoinActions(d: TrainingDeps, lrs: LrsLink, onDone: (storedSessionId: string) => void): JoinActions {
  const { store, say } = d;
  const st = () => store.getState();
  let pending: { check: Verified; pack: { files: Map<string, Uint8Array>; manifest: PackManifest } | null; doneId: string | null } | null = null;

  const refuse = (why: string): void => {
    pending = null;
    st().setJoin({ ...EMPTY, status: 'refused', refusal: why });
    st().openScreen('session-join');
    say(`This session cannot be joined. ${why}`);
  };

  /** The stored pack when it is the very pack the session was signed for. */
  const storedPack = async (signed: SignedSession): Promise<PackManifest | null> => {
    const deck = signed.session.deck;
    if (deck.kind !== 'pack') return null;
    try {
      return (await packContentSha256(await d.packs.files(deck.packId))) === deck.sha256 ? await d.packs.manifest(deck.packId) : null;
    } catch {
      return null;
    }
  };

  const show = async (check: Verified, pack: { files: Map<string, Uint8Array>; manifest: PackManifest } | null): Promise<void> => {
    const s = check.signed.session;
    const joins = await d.repo.joins().catch(() => [] as JoinRecord[]);
    const mine = joins.find((j) => j.sessionSha256 === check.sha256);
    // Finished or stopped (quit, or ended by opening it for review): never started again, only its result file.
    const status = mine ? st().history.past.find((p) => p.id === mine.storedSessionId)?.status : undefined;
    const ended = status === 'complete' ? 'done' : status === 'abandoned' ? 'stopped' : null;
    const done = ended !== null;
    pending = { check, pack, doneId: done && mine ? mine.storedSessionId : null };
    // Resuming: the session the page already resumed is this one; nothing to ask.
    if (mine && !done && st().meta?.id === mine.storedSessionId) return;
    const hasPack = s.deck.kind === 'demo' || pack !== null || (await storedPack(check.signed)) !== null;
    const warnings = [...check.warnings];
    if (s.lrs && check.lrsUsable) {
      const host = new URL(s.lrs.endpoint).host;
      warnings.push(d.connectAllowed(s.lrs.endpoint)
        ? `Each answer also goes to ${host} as an xAPI statement, under your key's fingerprint (never your name).`
        : `The session names an LRS (${host}) that this copy of the game may not contact: your answers reach the instructor through your result file (J) only.`);
    }
    const details = sessionFactLines(s);
    if (pack) details.unshift(['Case pack', `${pack.manifest.title} (${pack.manifest.cases.length} cases), from the bundle`]);
    st().setJoin({
      status: ended ?? (hasPack ? 'ready' : 'needs-bundle'), refusal: null, title: s.title, instructor: s.instructor,
      fingerprint: check.signed.issuer.fingerprint, issuedAt: s.issuedAt, details, warnings,
      displayName: mine?.displayName ?? joins[0]?.displayName ?? '', joinedBefore: mine !== undefined, problem: null,
    });
    st().openScreen('session-join');
    say(`Training session "${s.title}" by ${s.instructor}, key fingerprint ${check.signed.issuer.fingerprint}. ${ended === 'done' ? 'You finished it: J saves your result file again.' : ended === 'stopped' ? 'You stopped it before its end, so it cannot be restarted: J saves your result file.' : hasPack ? 'Type your name or a pseudonym, then Join.' : 'Drop the session bundle the instructor shared, or press O to choose it.'}`);
  };

  const openFromHash = async (hash: string): Promise<void> => {
    if (!/[#&]session=/.test(hash)) return;
    let json: unknown;
    try {
      json = parseSessionLink(hash);
    } catch (e) {
      return refuse((e as Error).message);
    }
    // A readiness drill's link is the drill's to open (app/drill-join.ts), with its own join page.
    if (typeof (json as { session?: { mode?: { drill?: unknown } } })?.session?.mode?.drill === 'object') return;
    const check = await verifySession(json, d.now());
    if (!check.ok) return refuse(check.message);
    await show(check, null);
  };

  const openBundle = async (bytes: Uint8Array): Promise<void> => {
    const read = await readSessionBundle(bytes, d.now());
    if (!read.ok) return refuse(read.message);
    // A readiness drill's bundle goes to the drill's join page, as its link does: the reader's AI badges, the drill's
    // stored id and its signed result file are the drill's, never a training session's.
    if (read.session.signed.session.mode.drill) {
      if (!d.openDrill) return refuse('This bundle holds a readiness drill, which cannot be joined on this page.');
      await d.packs.put(read.manifest, read.pack, d.now());
      pending = null;
      st().setJoin(null);
      if (st().screen.name === 'session-join') st().closeScreen();
      return d.openDrill(read.session.signed);
    }
    await show(read.session, { files: read.pack, manifest: read.manifest });
  };

  const activate = (rec: JoinRecord, check: Verified, readerFingerprint: string): void => {
    const s = check.signed.session;
    st().setActiveTraining({
      storedSessionId: rec.storedSessionId, title: s.title, instructor: s.instructor, fingerprint: check.signed.issuer.fingerprint,
      displayName: rec.displayName, readerFingerprint, savedAs: rec.savedAt ? 'saved before' : null, outbox: null,
    });
    lrs.start({ signed: check.signed, sha256: check.sha256, readerFingerprint, usable: check.lrsUsable });
  };

  const join = async (): Promise<void> => {
    const view = st().training.join;
    if (!pending || !view || view.status === 'refused') return;
    if ((view.status === 'done' || view.status === 'stopped') && pending.doneId) return onDone(pending.doneId);
    const name = view.displayName.trim();
    if (name === '' || name.length > 80) {
      st().patchJoin({ problem: 'Type a display name or a pseudonym (up to 80 characters): it appears only in the result file you hand in.' });
      return say('Type a display name or a pseudonym first.');
    }
    const { check } = pending;
    const s = check.signed.session;
    try {
      const manifest = pending.pack?.manifest ?? (await storedPack(check.signed));
      if (s.deck.kind === 'pack' && !manifest) return say('Drop the session bundle first (O chooses it).');
      if (pending.pack && manifest) await d.packs.put(manifest, pending.pack.files, d.now());
      const key = await readerKeyFor(d.readerKeys, check.signed, d.now());
      const plan = await planSessionDeck(s, d.techniques, manifest);
      const rounds = readerRounds(s, plan.rounds, await readerIndexOf(key.publicKey));
      const joins = await d.repo.joins();
      const before = joins.find((j) => j.sessionSha256 === check.sha256);
      const last = before ? st().history.past.find((p) => p.id === before.storedSessionId) : undefined;
      // Checked again here, as the history may have changed since the page was shown: an ended session stays ended.
      if (last && last.status !== 'in-progress') {
        st().patchJoin({ status: last.status === 'complete' ? 'done' : 'stopped' });
        return onDone(last.id);
      }
      const stored = last;
      if (st().session) st().quitSession();
      st().closeScreen();
      let rec: JoinRecord;
      if (before && stored) {
        rec = { ...before, displayName: name };
        await d.repo.putJoin(rec);
        say(resumeStoredSession(store, d.library, stored, rounds, d.now()));
      } else {
        const at = d.now();
        const deckId = s.deck.kind === 'demo' ? 'demo' : s.deck.packId;
        rec = { storedSessionId: `training-${s.sessionId}-${at}`, sessionSha256: check.sha256, session: check.signed, displayName: name, planSha256: plan.planSha256, joinedAt: at, savedAt: null };
        await d.repo.putJoin(rec);
        d.library.setSpecs(plan.rounds.flat());
        // Said first: the briefing's own announcement follows and stays on the status line.
        say(`Joined "${s.title}" as ${name}. The settings are the instructor's and cannot be changed. At the end, J saves your result file.`);
        st().startSession(
          { mode: s.mode, deckId, seed: s.deck.seed, rounds: rounds.map((r) => r.map((c) => c.id)) },
          { id: rec.storedSessionId, startedAt: at, generator: manifest ? packGeneratorVersion(manifest) : DEMO_GENERATOR_VERSION },
        );
      }
      activate(rec, check, key.fingerprint);
      pending = null;
      st().setJoin(null);
    } catch (e) {
      st().patchJoin({ problem: `The session could not start: ${(e as Error).message}` });
      say(`The session could not start: ${(e as Error).message}`);
    }
  };

  const restoreActive = async (): Promise<void> => {
    const meta = st().meta;
    if (!meta) return;
    const rec = (await d.repo.joins().catch(() => [] as JoinRecord[])).find((j) => j.storedSessionId === meta.id);
    if (!rec) return;
    const signed = rec.session as { session?: { issuedAt?: string } };
    // Checked as of its issue date: a session that closed while a reader was in it still finishes.
    const check = await verifySession(rec.session, Date.parse(String(signed.session?.issuedAt)) || d.now());
    const key = check.ok ? await storedReaderKey(d.readerKeys, check.signed) : null;
    if (check.ok && key) activate(rec, { ...check, lrsUsable: check.lrsUsable && Date.parse(check.signed.session.lrs?.tokenExpiresAt ?? '') > d.now() }, key.fingerprint);
  };

  return { openFromHash, openBundle, join, restoreActive };
}
