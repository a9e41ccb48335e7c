import { z } from 'zod';

/**
 * The settings a readiness drill adds to a mode (GameMode.drill). A drill is run the way security teams run phishing
 * simulations: a routine-looking worklist in which a few films are fakes, without the readers knowing which or how
 * many (issue 16). Plain data, so a deep link, a signed session, a result file and an LMS module carry it alike.
 */

/** The routine read of a film in the unprompted variant. */
export const CLINICAL_READS = ['normal', 'abnormal'] as const;
export type ClinicalRead = (typeof CLINICAL_READS)[number];

/** What the "authenticity check" badge of the AI-hint arm says about a film. */
export const HINT_CALLS = ['authentic', 'manipulated'] as const;
export type HintCall = (typeof HINT_CALLS)[number];

/** Whether the badge was shown on a case and, if so, whether it was right (the report's three conditions). */
export const HINT_CONDITIONS = ['right', 'wrong', 'none'] as const;
export type HintCondition = (typeof HINT_CONDITIONS)[number];

/** Highest prevalence a drill may set: above it the worklist no longer resembles clinical reading (issue 16). */
export const MAX_DRILL_PREVALENCE = 0.5;
export const DEFAULT_HINT_ACCURACY = 0.8;

/** A calendar day, YYYY-MM-DD, taken in the reader's own time zone (a drill is open on whole days, like a rota). */
const isRealDay = (s: string): boolean => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  .refine(isRealDay, { message: 'is not a real date' });

/** The lead's own words: one paragraph of plain text, shown as text (never HTML), without control characters. */
const leadText = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), { message: 'has control characters' });

export const DrillSettingsSchema = z
  .object({
    /**
     * The AI-hint arm (automation bias): an "authenticity check" badge on a random half of each reader's cases, right
     * on `accuracy` of them, its errors spread over fakes and authentic films (hints.ts). Null: no arm.
     */
    aiHint: z.object({ accuracy: z.number().min(0).max(1) }).strict().nullable(),
    /** First and last day the drill may be started (inclusive); null: no limit. */
    opens: day.nullable(),
    closes: day.nullable(),
    /** What the worklist is called on screen (the unprompted variant presents a reading exercise); null: the default. */
    title: leadText(80).nullable(),
    /** The lead's wording of the briefing; null: the game's default for the variant. */
    briefing: leadText(1200).nullable(),
  })
  .strict()
  .superRefine((d, ctx) => {
    // Zod runs this even when a date failed its own check: only two real days are compared.
    if (d.opens && d.closes && isRealDay(d.opens) && isRealDay(d.closes) && d.closes < d.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: `"closes" (${d.closes}) is before "opens" (${d.opens}): set closes on or after opens` });
  });
export type DrillSettings = z.infer<typeof DrillSettingsSchema>;

export const DEFAULT_DRILL_SETTINGS: DrillSettings = { aiHint: null, opens: null, closes: null, title: null, briefing: null };

/** Whether a drill may be started on `today` (the reader's local date, YYYY-MM-DD). */
export function drillAvailability(d: DrillSettings, today: string): 'not-yet-open' | 'open' | 'closed' {
  if (d.opens && today < d.opens) return 'not-yet-open';
  if (d.closes && today > d.closes) return 'closed';
  return 'open';
}

/** The local calendar day of an epoch time, as drillAvailability compares it. */
export function localDay(epochMs: number): string {
  const t = new Date(epochMs);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}
