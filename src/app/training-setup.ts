/**
 * The instructor's setup screen: keeps (or makes) the instructor key in this browser, turns the form into a signed
 * session, and hands out the join link, its QR code, session.json and, for a case pack, the session bundle.
 * Nothing leaves the page but the files the instructor saves.
 */
import {
  buildSessionBundle, createInstructorKey, joinUrl, loadInstructorKey, packContentSha256, randomUuid, sessionQrSvg, signSession, utf8,
  type InstructorKey, type SignedSession,
} from '../delivery/index.js';
import type { DroppedItem } from '../authoring/index.js';
import { createRng } from '../domain/index.js';
import { fileSlug, readBlob, type TrainingDeps } from './training-deps.js';
import { sessionBodyFromDraft } from './training-draft.js';

export interface SetupActions {
  open(): Promise<void>;
  sign(): Promise<void>;
  saveSession(): void;
  saveBundle(): Promise<void>;
  saveQr(): void;
  copyLink(): Promise<void>;
  saveKey(): Promise<void>;
  /** Reads a key file the instructor chose. */
  loadKey(item: DroppedItem): Promise<void>;
  newKey(): Promise<void>;
  /** The session last signed on this screen (the dashboard starts from it). */
  signed(): SignedSession | null;
}

export function createSetupActions(d: TrainingDeps): SetupActions {
  const { store, say } = d;
  const st = () => store.getState();
  let signed: SignedSession | null = null;
  let key: InstructorKey | null = null;

  const keyFile = async (): Promise<unknown> => d.repo.instructorKeyFile();
  const setKey = (k: InstructorKey | null): void => {
    key = k;
    st().patchSetup({ key: k ? { name: k.name, fingerprint: k.fingerprint } : null, confirmNewKey: false });
  };
  const problem = (text: string): void => {
    st().patchSetup({ problem: text, busy: false });
    say(text);
  };

  const open = async (): Promise<void> => {
    st().openScreen('session-setup');
    const draft = st().training.setup.draft;
    st().patchDraft({
      address: draft.address || d.gameAddress,
      seed: draft.seed || String(createRng(d.now() >>> 0).int(2 ** 31)),
    });
    try {
      const file = await keyFile();
      if (file) {
        setKey(await loadInstructorKey(file));
        if (!st().training.setup.draft.instructor && key) st().patchDraft({ instructor: key.name });
      }
      const packs = await d.packs.list();
      store.getState().setPackList(packs);
    } catch (e) {
      problem(`The instructor key kept in this browser cannot be read: ${(e as Error).message}. Load your key file, or make a new key.`);
    }
    say('Training session setup. Fill in the form, then Sign and make the link. Your key stays in this browser.');
  };

  const sign = async (): Promise<void> => {
    const s = st().training.setup;
    // The button stays pressable while it signs (it keeps the focus), and Enter in a field submits the form too.
    if (s.busy) return;
    st().patchSetup({ busy: true, problem: null });
    try {
      const packSha256 = s.draft.deck === 'demo' ? null : await packContentSha256(await d.packs.files(s.draft.deck)).catch(() => null);
      const check = sessionBodyFromDraft(s.draft, { sessionId: randomUuid(), now: d.now(), keyName: key?.name ?? null, packSha256 });
      if (!check.ok) return problem(check.problem);
      if (!key) {
        const made = await createInstructorKey(check.body.instructor);
        await d.repo.saveInstructorKeyFile(made.file);
        setKey(made.key);
        say(`Made your instructor key (fingerprint ${made.key.fingerprint}); it stays in this browser. Save a copy of the key file to sign from another computer or the command line.`);
      }
      signed = await signSession(check.body, key as InstructorKey);
      const joinAddress = joinUrl(s.draft.address || d.gameAddress, signed);
      let qrSvg: string | null = null;
      let qrProblem: string | null = null;
      try {
        qrSvg = sessionQrSvg(joinAddress);
      } catch (e) {
        qrProblem = (e as Error).message;
      }
      const warnings: string[] = [];
      const lrs = signed.session.lrs;
      if (lrs && !d.connectAllowed(lrs.endpoint)) {
        warnings.push(`This copy of the game may not contact ${new URL(lrs.endpoint).origin} (its security policy allows only its own address), so answers will reach you through result files only. Serve a copy built with LRS_ORIGINS=${new URL(lrs.endpoint).origin} (README, "Running a training session").`);
      }
      if (/^http:\/\/(127\.0\.0\.1|localhost)/.test(joinAddress)) warnings.push('The link points at this computer (localhost): residents on other computers need the address where they open the game. Change "Game address" and sign again.');
      st().patchSetup({ busy: false, output: { title: signed.session.title, fingerprint: signed.issuer.fingerprint, joinAddress, qrSvg, qrProblem, isPack: signed.session.deck.kind === 'pack', warnings } });
      say(`Signed "${signed.session.title}". Key fingerprint ${signed.issuer.fingerprint}: show it to the residents; their game shows the same. The join link is on screen.`);
    } catch (e) {
      problem(`The session could not be signed: ${(e as Error).message}`);
    }
  };

  const needSigned = (): SignedSession | null => {
    if (!signed) say('Sign the session first (Sign and make the link).');
    return signed;
  };

  return {
    open,
    sign,
    signed: () => signed,
    saveSession: () => {
      const s = needSigned();
      if (!s) return;
      d.download(`${fileSlug(s.session.title)}-session.json`, utf8(`${JSON.stringify(s, null, 2)}\n`), 'application/json');
      say('Saved session.json: give it to the dashboard (or npm run cohort --session) to collect only this session\'s results.');
    },
    saveBundle: async () => {
      const s = needSigned();
      if (!s) return;
      if (s.session.deck.kind !== 'pack') return say('A demo-deck session needs no bundle: hand out the link.');
      try {
        const bytes = await buildSessionBundle(s, await d.packs.files(s.session.deck.packId));
        d.download(`${fileSlug(s.session.title)}-bundle.zip`, bytes, 'application/zip');
        say('Saved the session bundle: residents drop it on the game (or open the link, then drop it).');
      } catch (e) {
        problem(`The bundle could not be made: ${(e as Error).message}`);
      }
    },
    saveQr: () => {
      const out = st().training.setup.output;
      if (!out?.qrSvg) return say('There is no QR code to save: sign the session first.');
      d.download(`${fileSlug(out.title)}-join.svg`, out.qrSvg, 'image/svg+xml');
    },
    copyLink: async () => {
      const out = st().training.setup.output;
      if (!out) return say('Sign the session first.');
      try {
        await d.copyText(out.joinAddress);
        say('The join link is copied: paste it into a message to the residents.');
      } catch {
        say('The browser did not allow copying: select the link on screen and copy it by hand.');
      }
    },
    saveKey: async () => {
      const file = await keyFile();
      if (!file) return say('There is no key yet: it is made when you sign your first session.');
      d.download('instructor-key.json', utf8(`${JSON.stringify(file, null, 2)}\n`), 'application/json');
      say('Saved instructor-key.json. Keep it private: whoever holds it can sign sessions in your name. The command line takes it with --key.');
    },
    loadKey: async (item) => {
      try {
        const file = JSON.parse(new TextDecoder().decode(await readBlob(item))) as unknown;
        const k = await loadInstructorKey(file);
        await d.repo.saveInstructorKeyFile(file);
        setKey(k);
        st().patchDraft({ instructor: k.name });
        say(`Loaded the key of ${k.name}, fingerprint ${k.fingerprint}. Sessions signed now carry this fingerprint.`);
      } catch (e) {
        problem(`That file is not an instructor key: ${(e as Error).message.replace(/^loadInstructorKey: /, '')}.`);
      }
    },
    newKey: async () => {
      if (!st().training.setup.confirmNewKey) {
        st().patchSetup({ confirmNewKey: true });
        return say('Press again to replace your key. Residents will see a new fingerprint; sessions signed before stay valid.');
      }
      const name = st().training.setup.draft.instructor.trim() || key?.name || 'Instructor';
      const made = await createInstructorKey(name);
      await d.repo.saveInstructorKeyFile(made.file);
      setKey(made.key);
      signed = null;
      st().patchSetup({ output: null });
      say(`Made a new instructor key, fingerprint ${made.key.fingerprint}.`);
    },
  };
}
