/**
 * `pack.json`: the build options an instructor can put beside the images when building in the browser, where there
 * is no command line (the same names as the command-line flags, in camelCase). Every field is optional; unknown
 * fields are refused so a typo is not silently ignored. Values are then checked by `checkBuildOptions` like flags.
 */
import { z } from 'zod';
import type { BuildOptions } from './build-options.js';

export const PACK_SETTINGS_FILE = 'pack.json';

const PackSettingsSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    author: z.string(),
    licence: z.string(),
    description: z.string(),
    seed: z.number().int(),
    forgedShare: z.number(),
    size: z.number().int(),
    bits: z.union([z.number().int(), z.literal('auto')]),
    leakThreshold: z.number(),
    acceptLeaks: z.array(z.string()),
    reviewed: z.boolean(),
  })
  .partial()
  .strict();

export type PackSettings = Partial<Pick<BuildOptions, 'id' | 'title' | 'author' | 'licence' | 'description' | 'seed' | 'forgedShare' | 'size' | 'bits' | 'leakThreshold' | 'acceptLeaks' | 'reviewed'>>;

export const PACK_SETTINGS_EXAMPLE =
  '{ "title": "Chest week 3", "author": "Dept. of Radiology", "licence": "internal teaching", "forgedShare": 0.5, "seed": 7, "reviewed": true }';

/** Parses pack.json; throws an Error whose message says which field is wrong and what a good file looks like. */
export function parsePackSettings(text: string): PackSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${PACK_SETTINGS_FILE} is not valid JSON (${(e as Error).message}). Write it like ${PACK_SETTINGS_EXAMPLE}`);
  }
  const r = PackSettingsSchema.safeParse(json);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`${PACK_SETTINGS_FILE} has problems: ${problems}. Write it like ${PACK_SETTINGS_EXAMPLE}`);
  }
  return r.data as PackSettings;
}
