import { DRILL_MODULE_FILE, learnerTitle, type DrillModule } from '../drill-module.js';
import { MODULE_FILE, type ModuleDefinition } from '../module-schema.js';

/**
 * What a manifest says about the package, for a CME module or a readiness drill alike: its id, the title and
 * description learners see in the LMS, the pass mark the LMS should know (none for a drill: completion only), and
 * the definition file the launch names (module.json, or drill.json).
 */
export interface ManifestSubject {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** 0..1, or null for a completion-only activity (no adlcp:masteryscore, no cmi5 masteryScore). */
  readonly passMark: number | null;
  readonly definitionFile: string;
}

export type PackagedDefinition = ModuleDefinition | DrillModule;

export const isDrillDefinition = (d: PackagedDefinition): d is DrillModule => 'kind' in d && d.kind === 'drill';

export function manifestSubject(d: PackagedDefinition): ManifestSubject {
  if (isDrillDefinition(d)) {
    // Learners see the worklist's name, never the drill's: an unprompted drill must not announce its purpose.
    const title = learnerTitle(d);
    return { id: d.id, title, description: `${title}${d.provider ? `, ${d.provider}` : ''}`, passMark: null, definitionFile: DRILL_MODULE_FILE };
  }
  return { id: d.id, title: d.title, description: d.description || `${d.title}${d.provider ? `, ${d.provider}` : ''}`, passMark: d.passMark, definitionFile: MODULE_FILE };
}

/** The launch's query (SCORM item parameters, cmi5 AU url): the game opens the definition beside it. */
export const launchParametersFor = (d: PackagedDefinition): string => `?module=${manifestSubject(d).definitionFile}`;
