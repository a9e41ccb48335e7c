import { z } from 'zod';
import { ARTIFACT_CATEGORIES, GameModeSchema, HINT_CALLS, type ArtifactCategory, type ClinicalRead, type HintCall } from '../domain/index.js';
import { safeInteractionId, type LmsInteraction } from './lms-port.js';
import { LMS_STANDARDS, ModuleDeckSchema } from './module-schema.js';

/**
 * A readiness drill delivered as an LMS activity (issue 16): its definition beside the CME module's (a file of its
 * own kind, `drill.json`), and each answer as an LMS interaction the lead's drill report can read back. The drill is
 * not an exam: there is no pass mark, and the page never tells the LMS whether an answer was right (the truth is
 * worked out on the lead's side from the deck, as for result files), so each interaction's result is 'neutral'.
 */
export const DRILL_MODULE_FILE = 'drill.json';

export const DrillModuleSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('drill'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be 1 to 64 lowercase letters, digits or hyphens' }),
    title: z.string().trim().min(1).max(200),
    provider: z.string().trim().max(200).default(''),
    /** The drill itself: the game's readiness mode with its settings (prevalence, prompted, AI hint, dates). */
    mode: GameModeSchema.refine((m) => m.drill !== undefined, { message: 'must be a readiness drill (mode "drill")' }),
    deck: ModuleDeckSchema,
    standard: z.enum(LMS_STANDARDS),
  })
  .strict();
export type DrillModule = z.output<typeof DrillModuleSchema>;

/** The fields of a drill answer the LMS keeps (the game's result-file answer has the same names). */
export interface DrillLmsAnswer {
  readonly caseId: string;
  readonly rating: number | null;
  readonly read?: ClinicalRead | null;
  readonly flagged?: boolean;
  readonly tellNamed?: ArtifactCategory | null;
  readonly hint?: HintCall | null;
  readonly timeMs: number;
  readonly timedOut: boolean;
}

/**
 * One answer as a fill-in interaction: `read=abnormal flag=1 tell=texture-noise hint=authentic rating=-`, at most
 * about 80 characters (SCORM 1.2 keeps 255 in student_response). Plain words, so a lead reading the LMS's own
 * interaction report can read it too.
 */
export function drillInteraction(a: DrillLmsAnswer, at: Date): LmsInteraction {
  const parts = [
    `read=${a.read === undefined ? '-' : (a.read ?? 'none')}`,
    `flag=${a.flagged === undefined ? '-' : a.flagged ? '1' : '0'}`,
    `tell=${a.tellNamed ?? 'none'}`,
    `hint=${a.hint ?? 'none'}`,
    `rating=${a.rating ?? (a.timedOut ? 'timeout' : '-')}`,
  ];
  return {
    id: safeInteractionId(a.caseId), kind: 'fill-in', description: `Film ${a.caseId}`, response: parts.join(' '), correctResponses: [],
    result: 'neutral', latencyMs: a.timeMs, at,
  };
}

/** The answer back from an interaction's id, response and latency (an LMS export); null when it is not a drill's. */
export function drillAnswerFromInteraction(id: string, response: string, latencyMs: number): DrillLmsAnswer | null {
  const f = Object.fromEntries(response.trim().split(/\s+/).map((kv) => kv.split('=') as [string, string]));
  if (!['read', 'flag', 'tell', 'hint', 'rating'].every((k) => typeof f[k] === 'string')) return null;
  const read = f['read'] === '-' ? undefined : f['read'] === 'none' ? null : (['normal', 'abnormal'].includes(f['read'] as string) ? (f['read'] as ClinicalRead) : undefined);
  const tell = (ARTIFACT_CATEGORIES as readonly string[]).includes(f['tell'] as string) ? (f['tell'] as ArtifactCategory) : null;
  const hint = (HINT_CALLS as readonly string[]).includes(f['hint'] as string) ? (f['hint'] as HintCall) : null;
  const rating = /^[1-6]$/.test(f['rating'] as string) ? Number(f['rating']) : null;
  const timedOut = read === undefined ? rating === null : read === null;
  return {
    caseId: id, rating, ...(read !== undefined ? { read, flagged: f['flag'] === '1' } : {}), tellNamed: tell, hint,
    timeMs: Math.max(0, Math.round(latencyMs)), timedOut,
  };
}
