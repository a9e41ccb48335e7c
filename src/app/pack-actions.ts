/**
 * The case-packs screen's actions on the main thread: list the stored packs, build or import a pack in a worker
 * (progress and report go to the store), play one, export it as a zip, delete it. Packs live in IndexedDB only.
 * Before a build the panel asks what `summariseDrop` says it must (a label per unlabelled dropped folder, a title
 * the user confirmed) and passes the answers as `DropChoices`.
 */
import { countOf, getMode, type GameMode } from '../domain/index.js';
import type { CaseLibrary } from '../decks/index.js';
import { encodePackManifest, MANIFEST_PATH, packZipWriter, referencedPackPaths } from '../pack-format/index.js';
import { BUILD_DEFAULTS, formatBuildReport, runPackBuildInWorker, summariseDrop, dropQuestion, readDropAnswers, type DropChoices, type DroppedItem } from '../authoring/index.js';
import { newStagingId, type PackRepository } from '../persistence/index.js';
import type { GameStore } from '../store/index.js';
import type { DownloadData, PackActions } from '../input/index.js';
import { startPackSession } from './start-session.js';

export interface PackActionDeps {
  readonly store: GameStore;
  readonly repo: PackRepository;
  readonly library: CaseLibrary;
  readonly say: (text: string) => void;
  readonly now: () => number;
  readonly startDemo: () => void;
  readonly pick: (kind: 'files' | 'folder') => void;
  readonly download: (filename: string, data: DownloadData, mime?: string) => void;
  /** Runs a build or import; the browser's build worker unless a test passes its own. */
  readonly runBuild?: typeof runPackBuildInWorker;
}

/** No choices: folder names and labels.csv label the files, pack.json or the default titles the pack. */
export const NO_CHOICES: DropChoices = Object.freeze({ title: null, rootLabels: {} });

export interface PackActionsWithImport extends PackActions {
  importItems(items: readonly DroppedItem[], choices?: DropChoices): Promise<void>;
  /** Starts a session from a stored pack (deep link); rejects with a message when the pack is not stored. */
  playById(id: string, mode: GameMode, seed: number | null): Promise<void>;
}

const PHASE_WORDS: Record<string, string> = { checking: 'Checking files', building: 'Building cases', auditing: 'Leak audit' };

export function createPackActions(deps: PackActionDeps): PackActionsWithImport {
  const { store, repo, say } = deps;
  let lastItems: readonly DroppedItem[] = [];
  let lastChoices: DropChoices = NO_CHOICES;
  /** A drop waiting for the panel's answers (store.packs.pendingDrop says what is asked). */
  let dropItems: readonly DroppedItem[] | null = null;
  const fail = (message: string): void => {
    store.getState().setPackBusy(null);
    store.getState().setPackReport(message.split('\n'));
    say(message);
  };
  const refresh = async (): Promise<void> => {
    try {
      const list = await repo.list();
      store.getState().setPackList(list);
      if (store.getState().screen.name === 'packs' && !store.getState().packs.busy) {
        say(`Case packs: the built-in demo deck and ${countOf(list.length, 'stored pack')}. Up/Down and Enter play one; O or F builds a pack from your files, or drop them on the page.`);
      }
    } catch (err) {
      store.getState().setError((err as Error).message);
    }
  };
  const selectedId = (): string | null => store.getState().packs.list[store.getState().packs.index - 1]?.id ?? null;
  const playById = async (id: string, mode: GameMode, seed: number | null): Promise<void> => {
    const manifest = await repo.manifest(id);
    store.getState().closeScreen();
    // Said first: the session's own briefing announcement follows and stays on the status line.
    say(`Playing pack '${manifest.title}' (${manifest.cases.length} cases).`);
    startPackSession(store, deps.library, manifest, mode, seed, deps.now);
  };

  return {
    refresh: () => void refresh(),
    pickFiles: () => deps.pick('files'),
    pickFolder: () => deps.pick('folder'),
    play: (index) => {
      if (index === 0) {
        store.getState().closeScreen();
        deps.startDemo();
        return;
      }
      const id = store.getState().packs.list[index - 1]?.id;
      if (id) playById(id, getMode('practice'), null).catch((err: unknown) => fail((err as Error).message));
    },
    playById,
    exportSelected: () => {
      const id = selectedId();
      if (!id) return say('The demo deck is built into the game; choose a stored pack to export.');
      exportZip(id).then(
        () => say(`Exported pack '${id}' as ${id}.zip. It holds no patient identifiers and no input file names.`),
        (err: unknown) => fail(`The pack could not be exported: ${(err as Error).message}`),
      );
    },
    deleteSelected: () => {
      const id = selectedId();
      if (!id) return;
      repo.delete(id).then(
        async () => {
          await refresh();
          say(`Deleted pack '${id}' from this browser.`);
        },
        (err: unknown) => fail(`The pack could not be deleted: ${(err as Error).message}`),
      );
    },
    saveReport: () => {
      const lines = store.getState().packs.report;
      if (!lines) return say('There is no build report yet: build a pack first (O, F, or drop files on the page).');
      deps.download('case-pack-report.txt', `${lines.join('\n')}\n`, 'text/plain');
      say('Saved the build report as case-pack-report.txt. It names your input files: keep it with the originals, not with the pack.');
    },
    acceptLeaksAndRebuild: () => {
      const leaks = store.getState().packs.pendingLeaks;
      if (leaks && lastItems.length > 0) void build(lastItems, leaks, lastChoices);
    },
    importItems: (items, choices) => {
      if (choices) return build(items, [], choices);
      // A folder the instructor dropped may need labels, and its name may identify a patient: ask before building.
      const summary = summariseDrop(items);
      const asks = !summary.isPack && ((summary.titleSuggestion !== null && !summary.hasPackJson) || summary.roots.some((r) => r.unlabelled > 0));
      if (!asks) return build(items, [], NO_CHOICES);
      dropItems = items;
      const st = store.getState();
      if (st.screen.name !== 'packs') st.openScreen('packs');
      st.setPackReport(null);
      st.setPendingDrop({ ...summary, problem: null });
      say(`Before the build: ${dropQuestion(summary)} Nothing has been read yet.`);
      return Promise.resolve();
    },
    answerDrop: (answers) => {
      const pending = store.getState().packs.pendingDrop;
      if (!pending || !dropItems) return;
      const read = readDropAnswers(pending, answers);
      if ('problem' in read) {
        store.getState().setPendingDrop({ ...pending, problem: read.problem });
        return say(read.problem);
      }
      const items = dropItems;
      dropItems = null;
      store.getState().setPendingDrop(null);
      void build(items, [], read.choices);
    },
    cancelDrop: () => {
      if (!store.getState().packs.pendingDrop) return;
      dropItems = null;
      store.getState().setPendingDrop(null);
      say('Nothing was built; the dropped files were not read.');
    },
  };

  /**
   * Streams a stored pack into a zip: one file read from IndexedDB at a time, each added to the zip writer as it
   * comes, the zip's pieces handed to the download as they are (no whole pack, no whole zip built in memory first).
   */
  async function exportZip(id: string): Promise<void> {
    const manifest = await repo.manifest(id);
    const images = referencedPackPaths(manifest);
    const parts: Uint8Array[] = [];
    const writer = packZipWriter((chunk) => parts.push(chunk));
    writer.add(MANIFEST_PATH, await repo.file(id, MANIFEST_PATH).catch(() => encodePackManifest(manifest)));
    for (const path of images) writer.add(path, await repo.file(id, path));
    writer.end();
    deps.download(`${id}.zip`, parts);
  }

  async function build(items: readonly DroppedItem[], acceptLeaks: readonly string[], choices: DropChoices): Promise<void> {
    lastItems = items;
    lastChoices = choices;
    const st = store.getState();
    st.setPendingLeaks(null);
    if (st.packs.busy) return say('A pack is already being built; wait for it to finish.');
    if (st.screen.name !== 'packs') st.openScreen('packs');
    st.setPackReport(null);
    st.setPackBusy({ phase: 'Reading files', done: 0, total: items.length });
    say(`Building a case pack from ${countOf(items.length, 'item')} in this browser. Nothing is sent anywhere.`);
    const { labels: _labels, inputLabels: _inputLabels, title: _title, ...defaults } = BUILD_DEFAULTS;
    // Each file goes into IndexedDB as it is made, under a staging id; the pack appears only once it is whole.
    const staging = newStagingId(deps.now(), Math.random().toString(36).slice(2));
    const outcome = await (deps.runBuild ?? runPackBuildInWorker)(
      { items, options: { ...defaults, acceptLeaks, id: null }, choices },
      (p) => store.getState().setPackBusy({ phase: PHASE_WORDS[p.phase] ?? p.phase, done: p.done, total: p.total }),
      (path, bytes) => repo.stageFile(staging, path, bytes),
    );
    const report = outcome.report ? formatBuildReport(outcome.report) : [];
    if (outcome.type === 'failed') {
      await repo.discardStaged(staging).catch(() => undefined);
      const leaks = outcome.report?.leakAudit?.properties.filter((p) => p.status === 'leak').map((p) => p.name) ?? [];
      fail([outcome.error.replace(/with --accept-leak \S+\.$/, 'by pressing A (build again, accepting them).'), '', ...report].join('\n'));
      if (leaks.length > 0) store.getState().setPendingLeaks(leaks);
      return;
    }
    const replaced = store.getState().packs.list.some((p) => p.id === outcome.manifest.id);
    try {
      await repo.commitStaged(staging, outcome.manifest, deps.now());
    } catch (err) {
      await repo.discardStaged(staging).catch(() => undefined);
      return fail(`The pack was built but could not be stored: ${(err as Error).message}`);
    }
    await refresh();
    const row = store.getState().packs.list.findIndex((p) => p.id === outcome.manifest.id);
    store.getState().setPackIndex(row + 1);
    store.getState().setPackBusy(null);
    const again = replaced ? ` The same pack was stored before with the id '${outcome.manifest.id}'; it was stored again.` : '';
    const head = `${outcome.how === 'built' ? 'Built' : 'Imported'} pack '${outcome.manifest.title}' (${outcome.manifest.id}): ${outcome.manifest.cases.length} cases.${again} Press Enter to play it.`;
    store.getState().setPackReport([head, '', ...report]);
    say(head);
  }
}
