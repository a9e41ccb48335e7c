import type { TechniqueSummary } from '../domain/index.js';
import type { ModuleBuilderActions } from '../input/index.js';
import {
  cmi5CourseStructure, encodeModuleDefinition, GAME_FILE_LIST, ModuleDefinitionError, modulePackageFiles, ModuleSelectionError,
  moduleZip, packageCommandLine, planModule, schemaFilesFor, scormManifest, type ModuleDefinition,
} from '../lms/index.js';
import { packToZip, type PackManifest } from '../pack-format/index.js';
import type { PackRepository } from '../persistence/index.js';
import { builderProblemsWords, modulePartsReadme } from '../presenters/index.js';
import type { GameStore, ModuleBuilderView } from '../store/index.js';
import { drillFromForm, drillPlanReport, drillZipFiles } from './drill-builder.js';
import { BUILDER_LIMITS, moduleFromForm, type BuilderForm } from './module-form.js';
import { localDate } from './module-view.js';

/**
 * The coordinator's module builder in the browser: the same module as `npm run lms -- package` from the same
 * options, zipped here and saved as a download. The game itself is fetched from this page's own server through the
 * build's file list (game-files.json, written by vite.config.ts); where there is none (the development server), the
 * zip holds what can be made here (module.json, the manifest and its schemas, the deck) with instructions and the
 * command line that makes the complete zip.
 */
export interface ModuleBuilderDeps {
  readonly store: GameStore;
  readonly packs: PackRepository;
  readonly techniques: readonly TechniqueSummary[];
  readonly fetch: typeof fetch;
  readonly download: (name: string, data: Uint8Array, mime: string) => void;
  readonly now: () => number;
  readonly say: (text: string) => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createModuleBuilder(deps: ModuleBuilderDeps): ModuleBuilderActions {
  const { store } = deps;
  const patch = (p: Partial<ModuleBuilderView>): void => store.getState().patchModuleBuilder(p);
  const bytes = async (path: string): Promise<Uint8Array> => {
    const res = await deps.fetch(path, { cache: 'no-store' });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const gameFileList = async (): Promise<string[] | null> => {
    try {
      const list = JSON.parse(new TextDecoder().decode(await bytes(GAME_FILE_LIST))) as unknown;
      return Array.isArray(list) && list.every((f) => typeof f === 'string') && list.includes('index.html') ? (list as string[]) : null;
    } catch {
      return null;
    }
  };

  const open = (): void => {
    store.getState().setModuleBuilder({
      decks: [{ id: 'demo', label: 'Demo deck (simulated)', cases: 0 }], canPackageGame: null, limits: BUILDER_LIMITS,
      today: localDate(deps.now()), busy: null, report: [], problems: [],
    });
    void (async () => {
      const packs = await deps.packs.list().catch(() => []);
      patch({ decks: [{ id: 'demo', label: 'Demo deck (simulated)', cases: 0 }, ...packs.map((p) => ({ id: p.id, label: `${p.title} (${p.cases} cases, pack ${p.id})`, cases: p.cases }))] });
      patch({ canPackageGame: (await gameFileList()) !== null });
    })();
  };

  async function deckFor(deck: string): Promise<{ manifest: PackManifest | null; files: Map<string, Uint8Array> }> {
    if (deck === 'demo') return { manifest: null, files: new Map() };
    return { manifest: await deps.packs.manifest(deck), files: await deps.packs.files(deck) };
  }

  async function gameFiles(list: readonly string[]): Promise<Map<string, Uint8Array>> {
    const wanted = list.filter((f) => !f.startsWith('lms-schemas/') && f !== GAME_FILE_LIST);
    const game = new Map<string, Uint8Array>();
    for (const [k, f] of wanted.entries()) {
      if (k % 10 === 0) patch({ busy: `Fetching the game from this server: ${k} of ${wanted.length} files...` });
      game.set(f, await bytes(f));
    }
    return game;
  }

  async function schemas(def: Pick<ModuleDefinition, 'standard'>): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    if (def.standard !== 'cmi5') for (const n of schemaFilesFor(def.standard)) out.set(n, await bytes(`lms-schemas/${def.standard}/${n}`));
    return out;
  }

  /** Without the game: module.json, the manifest (listing the files made here), the deck, and how to finish. */
  function parts(def: ModuleDefinition, deck: Map<string, Uint8Array>, schemaFiles: Map<string, Uint8Array>, form: BuilderForm): Map<string, Uint8Array> {
    const enc = new TextEncoder();
    const out = new Map<string, Uint8Array>([['module.json', enc.encode(encodeModuleDefinition(def))]]);
    if (def.deck.kind === 'pack') {
      for (const [p, b] of deck) out.set(`${def.deck.folder}/${p}`, b);
      out.set('for-the-command-line/pack.zip', packToZip(deck));
    }
    const content = ['index.html', ...out.keys()].filter((p) => !p.startsWith('for-the-command-line/'));
    if (def.standard === 'cmi5') out.set('cmi5.xml', enc.encode(cmi5CourseStructure(def)));
    else {
      out.set('imsmanifest.xml', enc.encode(scormManifest(def, content, def.standard)));
      for (const [n, b] of schemaFiles) out.set(n, b);
    }
    for (const [file, key] of [['objectives.txt', 'objectives'], ['disclosures.txt', 'disclosures'], ['credit-statement.txt', 'credit-statement']] as const) {
      if ((form[key] ?? '').trim() !== '') out.set(`for-the-command-line/${file}`, enc.encode(`${(form[key] ?? '').trim()}\n`));
    }
    const command = packageCommandLine(def, def.deck.kind === 'pack' ? 'for-the-command-line/pack.zip' : 'demo').replace(/--(objectives|disclosures|credit-statement) /g, '--$1 for-the-command-line/');
    out.set('README.txt', enc.encode(modulePartsReadme(command, def.deck.kind === 'pack' ? def.deck.folder : null)));
    return out;
  }

  /** Every problem at once under the form (the panel moves the focus to the list), and how many in the status line. */
  const refuse = (problems: string[], what: 'module' | 'drill'): void => {
    patch({ busy: null, problems });
    deps.say(builderProblemsWords(problems.length, what));
  };

  /** A readiness drill as an LMS module (app/drill-builder.ts): the same zip as `npm run lms -- package --drill`. */
  const buildDrill = async (form: BuilderForm): Promise<void> => {
    const deckId = form['deck'] ?? 'demo';
    const { drill, problems } = drillFromForm(form, deckId === 'demo' ? null : deckId);
    if (!drill) return refuse(problems, 'drill');
    try {
      const deck = await deckFor(deckId);
      const report = drillPlanReport(drill, deps.techniques, deck.manifest);
      const list = await gameFileList();
      const files = drillZipFiles({ drill, game: list ? await gameFiles(list) : null, deck: deck.files, schemas: await schemas(drill) });
      patch({ busy: 'Zipping...' });
      const zip = moduleZip(files);
      const name = `${drill.id}-drill-${drill.standard}${list ? '' : '-parts'}.zip`;
      deps.download(name, zip, 'application/zip');
      const done = `Saved ${name} (${files.size} files, ${(zip.length / 1048576).toFixed(1)} MiB)${list ? '. Upload it to your LMS.' : ': drill.json, the manifest and the deck, without the game (README.txt in the zip says how to complete it).'}`;
      patch({ busy: null, report: [done, ...report] });
      deps.say(done);
    } catch (e) {
      refuse(e instanceof ModuleDefinitionError ? [...e.problems] : [`The drill could not be built: ${message(e)}`], 'drill');
    }
  };

  const build = (form: BuilderForm): void => {
    if (store.getState().cme.builder?.busy) return;
    patch({ busy: 'Checking the options...', problems: [], report: [] });
    if (form['kind'] === 'drill') return void buildDrill(form);
    void (async () => {
      const deckId = form['deck'] ?? 'demo';
      const { definition: def, problems } = moduleFromForm(form, deckId === 'demo' ? null : deckId, localDate(deps.now()));
      if (!def) return refuse(problems, 'module');
      try {
        const deck = await deckFor(deckId);
        const plan = planModule(def, deck.manifest ? { techniques: deps.techniques, pack: deck.manifest } : { techniques: deps.techniques });
        const report = [...plan.matching.map((m) => m.sentence), `Teaching: ${plan.teaching.length} atlas entries (${plan.teaching.map((e) => e.artifact.id).join(', ')}).`];
        const schemaFiles = await schemas(def);
        const list = await gameFileList();
        const files = list ? modulePackageFiles({ definition: def, game: await gameFiles(list), deck: deck.files, schemas: schemaFiles }) : parts(def, deck.files, schemaFiles, form);
        patch({ busy: 'Zipping...' });
        const zip = moduleZip(files);
        const name = `${def.id}-${def.standard}${list ? '' : '-parts'}.zip`;
        deps.download(name, zip, 'application/zip');
        const done = list
          ? `Saved ${name} (${files.size} files, ${(zip.length / 1048576).toFixed(1)} MiB). Upload it to your LMS as a ${def.standard === 'scorm12' ? 'SCORM 1.2' : def.standard === 'scorm2004' ? 'SCORM 2004 4th Edition' : 'cmi5'} package.`
          : `Saved ${name}: module.json, the manifest and the deck, without the game (see README.txt in the zip for the command line that makes the complete module).`;
        patch({ busy: null, report: [done, ...report] });
        deps.say(done);
      } catch (e) {
        const lines = e instanceof ModuleDefinitionError ? e.problems : [e instanceof ModuleSelectionError ? e.message : `The module could not be built: ${message(e)}`];
        refuse([...lines], 'module');
      }
    })();
  };

  return { open, build };
}
