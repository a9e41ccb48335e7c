/**
 * The tell apart from its content: a technique's fake against its honest twin (Technique.withoutTell), for
 * tell-alone.test.ts and tool-table.ts --alone.
 */
import { createRng } from '../../../src/domain/rng.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import type { ForgeryResult, Technique } from '../../../src/forgery/types.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import type { VisibilitySubject } from './visibility-subjects.js';

/** The fake and its honest twin for one technique, film and level (seed 11, as expert-tool.test.ts). */
export function tellAlone(t: Technique, s: VisibilitySubject, level: Difficulty): { fake: ForgeryResult; honest: GrayImage } {
  const params = s.hints ? { level, hints: s.hints } : { level };
  const fake = t.apply(s.image, params, createRng(11));
  const honest = t.withoutTell?.(s.image, params, createRng(11));
  if (!honest) throw new Error(`${t.id} has no withoutTell`);
  return { fake, honest };
}
