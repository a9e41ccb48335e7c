/**
 * The instructor's debrief dashboard: takes result files (dropped or picked, loose, in folders or zips, with
 * session.json or a bundle when needed), shows what was refused and why, computes the figures, makes the fakes again
 * to check marks against their tells, opens a case in the viewer with its tells drawn, exports, and reads the
 * session's statements from an LRS with credentials typed for the purpose (used once, never kept).
 */
import type { DroppedItem } from '../authoring/index.js';
import {
  createLrsClient, packContentSha256, planSessionDeck, readersFromResults, readersFromStatements, sessionActivityId, VERB_ANSWERED,
  type ReaderEntry, type SessionDeckPlan, type SignedSession,
} from '../delivery/index.js';
import { caseId, type CaseTruth } from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { FRESH_DASHBOARD } from '../store/index.js';
import { countOf } from '../presenters/index.js';
import { answersCsv, imrmcText, lrcText, readersCsv, studyFor } from './dashboard-exports.js';
import { dashboardFigures, deckTruths, cohortOf, mainReaders, type DeckTruths } from './dashboard-figures.js';
import { addToIntake, collectIntake, EMPTY_INTAKE, type Collected, type Intake } from './dashboard-intake.js';
import { fileSlug, readBlob, type TrainingDeps } from './training-deps.js';

export interface DashboardActions {
  open(session: SignedSession | null): void;
  add(items: readonly DroppedItem[]): Promise<void>;
  show(caseId: string | null): Promise<void>;
  export(format: 'answers-csv' | 'readers-csv' | 'lrc' | 'imrmc'): void;
  readLrs(endpoint: string, credentials: string): Promise<void>;
  clear(): void;
}

interface Computed {
  readonly collected: Collected;
  readonly plan: SessionDeckPlan;
  readonly truths: DeckTruths;
  readonly partnerTruths: DeckTruths | null;
}

export function createDashboardActions(d: TrainingDeps): DashboardActions {
  const { store, say } = d;
  const st = () => store.getState();
  const patch = (p: Parameters<ReturnType<typeof st>['patchDashboard']>[0]): void => st().patchDashboard(p);
  let intake: Intake = EMPTY_INTAKE;
  let given: SignedSession | null = null;
  let lrsEntries: ReaderEntry[] = [];
  const generated = new Map<string, CaseTruth>();
  let last: Computed | null = null;
  let lastSha: string | null = null;
  let run = 0;

  /** The pack of a pack session: from a dropped bundle, or stored in this browser with the very content signed. */
  const manifestFor = async (s: SignedSession): Promise<PackManifest | null> => {
    const deck = s.session.deck;
    if (deck.kind !== 'pack') return null;
    const dropped = intake.packs.find((p) => p.sha256 === deck.sha256);
    if (dropped) return dropped.manifest;
    try {
      return (await packContentSha256(await d.packs.files(deck.packId))) === deck.sha256 ? await d.packs.manifest(deck.packId) : null;
    } catch {
      return null;
    }
  };

  const truthsOf = async (s: SignedSession): Promise<{ plan: SessionDeckPlan; truths: DeckTruths } | null> => {
    const manifest = await manifestFor(s);
    if (s.session.deck.kind === 'pack' && !manifest) return null;
    const plan = await planSessionDeck(s.session, d.techniques, manifest);
    return { plan, truths: deckTruths(plan, d.techniques, manifest, generated) };
  };

  const recompute = async (): Promise<void> => {
    const mine = ++run;
    patch({ busy: `Checking ${countOf(intake.results.length, 'file')}...`, files: intake.results.length });
    const collected = await collectIntake(intake, given);
    const session = collected.main.session;
    // Truths made again belong to one session's deck: another session may reuse a case id for another case.
    if (collected.main.sessionSha256 !== lastSha) generated.clear();
    lastSha = collected.main.sessionSha256;
    const refusedSessions = [...intake.refusedSessions, ...intake.passedOver.map((name) => ({ name, reason: 'not-a-result', message: 'Neither a result file nor a session file; passed over.' }))];
    if (!session) {
      last = null;
      patch({ ...FRESH_DASHBOARD, anonymise: st().training.dashboard.anonymise, projector: st().training.dashboard.projector, files: intake.results.length, refused: [...collected.main.refused, ...refusedSessions] });
      say(intake.results.length === 0 ? 'Drop the result files here, or press O (files) or F (a folder).' : `No result file could be used: ${collected.main.refused.length} refused. The reasons are listed.`);
      return;
    }
    const main = await truthsOf(session);
    if (!main) {
      patch({ busy: null, refused: [...collected.main.refused, ...refusedSessions], notes: [`The session plays case pack '${session.session.deck.kind === 'pack' ? session.session.deck.packId : ''}', which is not in this browser: drop the session bundle (or import the pack with K) so each case's truth is known.`] });
      return;
    }
    const partner = collected.partner?.session ? await truthsOf(collected.partner.session) : null;
    if (mine !== run) return;
    last = { collected, plan: main.plan, truths: main.truths, partnerTruths: partner?.truths ?? null };
    const figures = dashboardFigures({ ...last, lrsEntries });
    const pending = main.truths.ungenerated.length > 0;
    patch({ ...figures, refused: [...(figures.refused ?? []), ...refusedSessions], busy: pending ? 'Making the fakes again to check marks against their tells…' : null, localisation: pending ? 'pending' : 'done' });
    const r = figures.readers?.length ?? 0;
    say(`Dashboard: ${countOf(r, 'reader')} of "${session.session.title}"; ${countOf(collected.main.refused.length, 'file')} refused, ${collected.main.superseded.length} superseded.`);
    // The fake that fooled most readers opens at once, with its tells drawn.
    const top = figures.cases?.find((k) => k.truth === 'fake');
    if (top && !st().training.dashboard.shown && st().screen.name === 'dashboard') {
      if (!st().session) d.library.setSpecs(main.plan.rounds.flat());
      await show(top.caseId, true);
    }
    if (pending) void makeFakesAgain(mine, main.plan);
  };

  /** Demo fakes are made again (in the worker) for their tell regions; then localisation is computed. */
  const makeFakesAgain = async (mine: number, plan: SessionDeckPlan): Promise<void> => {
    if (!st().session) d.library.setSpecs(plan.rounds.flat());
    const todo = deckTruths(plan, d.techniques, null, generated).ungenerated;
    for (const [i, spec] of todo.entries()) {
      if (mine !== run) return;
      patch({ busy: `Making the fakes again to check marks against their tells: ${i + 1} of ${todo.length}` });
      try {
        generated.set(spec.id, (await d.library.prepare(spec.id)).truth);
      } catch {
        return patch({ busy: null, localisation: 'none' });
      }
    }
    if (mine === run) await recompute();
  };

  const show = async (id: string | null, quiet = false): Promise<void> => {
    if (id === null) return patch({ shown: null });
    try {
      const c = await d.library.prepare(caseId(id));
      if (c.truth.kind === 'forged') generated.set(id, c.truth);
      patch({ shown: { caseId: id, truth: c.truth } });
      if (!quiet) say(`Case ${id} on screen with its tells drawn.`);
    } catch (e) {
      say(`Case ${id} cannot be shown: ${(e as Error).message}`);
    }
  };

  const add = async (items: readonly DroppedItem[]): Promise<void> => {
    patch({ busy: `Reading ${countOf(items.length, 'file')}...` });
    const files = await Promise.all(items.map(async (i) => ({ name: i.path, bytes: await readBlob(i) })));
    intake = await addToIntake(intake, files);
    await recompute();
  };

  const studyText = (format: 'lrc' | 'imrmc'): string | null => {
    if (!last?.collected.main.session) return null;
    const named = (readers: ReturnType<typeof cohortOf>['readers'], order: readonly string[]) =>
      readers.map((r) => ({ ...r, readerId: `R${order.indexOf(r.readerId) + 1}` }));
    const mainEntries = mainReaders(last.collected, lrsEntries);
    const order = mainEntries.map((e) => e.fingerprint);
    const sessions = [{ treatment: last.collected.main.session.session.pairing?.role ?? 'session', readers: named(cohortOf(mainEntries, last.truths, true).readers, order) }];
    const p = last.collected.partner;
    if (p?.session && last.partnerTruths) {
      const other = { treatment: p.session.session.pairing?.role ?? 'other', readers: named(cohortOf(readersFromResults(p.accepted), last.partnerTruths, true).readers.filter((r) => order.includes(r.readerId)), order) };
      if (other.treatment === 'pre') sessions.unshift(other);
      else sessions.push(other);
    }
    const study = studyFor(last.collected.main.session.session.title.replace(/[\r\n]/g, ' '), sessions);
    if (study.cases.length === 0) return null;
    return format === 'lrc' ? lrcText(study) : imrmcText(study);
  };

  return {
    open: (session) => {
      if (session && session !== given) {
        given = session;
        void recompute();
      }
      st().openScreen('dashboard');
      say(`Debrief dashboard. Drop the residents' result files anywhere on the page (files, folders or zips), or press O for files, F for a folder.${given ? ` Collecting "${given.session.title}".` : ''}`);
    },
    add,
    show,
    export: (format) => {
      const dash = st().training.dashboard;
      const title = fileSlug(dash.session?.title ?? 'session');
      if (!last) return say('Add result files first.');
      if (format === 'answers-csv' || format === 'readers-csv') {
        const entries = mainReaders(last.collected, lrsEntries);
        const text = format === 'answers-csv'
          ? answersCsv(entries, cohortOf(entries, last.truths).readers, dash.anonymise)
          : readersCsv(dash.readers, dash.anonymise, dash.localisation === 'done');
        d.download(`${title}-${format === 'answers-csv' ? 'answers' : 'readers'}.csv`, text, 'text/csv');
        return say(`Saved the ${format === 'answers-csv' ? 'answers' : 'per-reader figures'} as CSV.`);
      }
      const text = studyText(format);
      if (!text) return say('No case was answered by every reader: there is no fully crossed study to export.');
      d.download(`${title}.${format === 'lrc' ? 'lrc' : 'imrmc'}`, text, 'text/plain');
      say(`Saved the ratings as ${format === 'lrc' ? 'LABMRMC .lrc (RJafroc)' : 'iMRMC input'}; readers are R1..Rn in the dashboard's order.`);
    },
    readLrs: async (endpoint, credentials) => {
      const s = last?.collected.main.session ?? given;
      const lrs = s?.session.lrs;
      if (!s || !lrs) return patch({ lrsMessage: 'This session has no LRS block: its answers come back as result files only.' });
      if (!credentials.trim()) return patch({ lrsMessage: 'Type your read credentials (an Authorization header value: "Basic ..." or "Bearer ...").' });
      const url = endpoint.trim() || lrs.endpoint;
      if (!d.connectAllowed(url)) return patch({ lrsMessage: `This copy of the game may not contact ${url} (its security policy allows only its own address). Use npm run cohort, or a copy built with LRS_ORIGINS.` });
      patch({ lrsBusy: true, lrsMessage: null });
      try {
        const client = createLrsClient({ endpoint: url, authorization: credentials.trim(), ...(d.fetch ? { fetch: d.fetch } : {}) });
        const activity = sessionActivityId(s.session, lrs);
        const statements = await client.readStatements({ registration: s.session.sessionId, verb: VERB_ANSWERED.id, activity, relatedActivities: true });
        const prefix = `${activity}/cases/`;
        lrsEntries = readersFromStatements(statements, (id) => (id.startsWith(prefix) ? decodeURIComponent(id.slice(prefix.length)) : null));
        patch({ lrsBusy: false, lrsMessage: `Read ${countOf(statements.length, 'statement')} of ${countOf(lrsEntries.length, 'reader')} from the LRS; readers without a result file are added, named by their key's fingerprint.` });
        if (!given) given = s;
        await recompute();
      } catch (e) {
        patch({ lrsBusy: false, lrsMessage: `The LRS could not be read: ${(e as Error).message}` });
      }
    },
    clear: () => {
      intake = EMPTY_INTAKE;
      lrsEntries = [];
      last = null;
      run++;
      patch({ ...FRESH_DASHBOARD, anonymise: st().training.dashboard.anonymise, projector: st().training.dashboard.projector });
      say('The dashboard was cleared. Nothing of it was stored.');
    },
  };
}
