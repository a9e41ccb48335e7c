import { ARTIFACTS } from './artifacts.js';
import type { ModeFocus } from './modes.js';

/** What the game knows of a forgery technique when choosing fakes: its id and the artifacts it produces. */
export interface TechniqueSummary {
  readonly id: string;
  readonly artifactIds: readonly string[];
}

/**
 * The techniques whose fakes show a tell or any tell of a category (the decks of a tell drill). Sorted, so the same
 * focus gives the same deck on every machine.
 */
export function techniquesFor(techniques: readonly TechniqueSummary[], focus: ModeFocus | null): string[] {
  if (!focus) return techniques.map((t) => t.id).sort();
  const ids = 'artifactId' in focus
    ? new Set<string>([focus.artifactId])
    : new Set<string>(ARTIFACTS.filter((a) => a.category === focus.category).map((a) => a.id));
  return techniques.filter((t) => t.artifactIds.some((a) => ids.has(a))).map((t) => t.id).sort();
}
