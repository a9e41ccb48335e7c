import type { TechniqueSummary } from '../domain/index.js';
import {
  commitOnPageHide, connectLms, ModuleDefinitionError, moduleFingerprint, ModuleRun, parseModuleDefinition, planModule, type ModuleDefinition,
  type ModulePlan,
} from '../lms/index.js';
import type { ServedModule } from './module-launch.js';

/**
 * Opening a module: read and check module.json, plan its cases (seeded, so a resumed learner gets the same ones),
 * connect to the LMS that launched the page (or none: standalone), initialize the LMS session and restore the saved
 * progress, and commit whenever the page is hidden or goes away. Each failure says what to do.
 */
export interface OpenedModule {
  readonly def: ModuleDefinition;
  readonly plan: ModulePlan;
  readonly run: ModuleRun;
  readonly unbindPageHide: () => void;
}

export class ModuleOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleOpenError';
  }
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function openModule(served: ServedModule, techniques: readonly TechniqueSummary[], win: Window, now: () => Date): Promise<OpenedModule> {
  let def: ModuleDefinition;
  try {
    def = parseModuleDefinition(await served.moduleJson());
  } catch (e) {
    const detail = e instanceof ModuleDefinitionError ? e.problems.join('; ') : why(e);
    throw new ModuleOpenError(`The module's definition (module.json) could not be read: ${detail}`);
  }
  let plan: ModulePlan;
  try {
    const pack = def.deck.kind === 'pack' ? await served.manifest(def.deck.packId) : undefined;
    plan = planModule(def, pack ? { techniques, pack } : { techniques });
  } catch (e) {
    throw new ModuleOpenError(`The module's cases could not be prepared: ${why(e)}`);
  }
  const port = connectLms({ window: win, standard: def.standard, storageKey: moduleFingerprint(def) });
  let run: ModuleRun;
  try {
    run = await ModuleRun.open(def, plan, port, now);
  } catch (e) {
    throw new ModuleOpenError(`Your learning management system did not start the module: ${why(e)}`);
  }
  return { def, plan, run, unbindPageHide: commitOnPageHide(port, win) };
}
