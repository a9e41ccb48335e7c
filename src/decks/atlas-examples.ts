import { ARTIFACTS, caseId, type ArtifactEntry, type TechniqueSummary } from '../domain/index.js';
import type { DemoCaseSpec } from './case-types.js';

/**
 * The artifact atlas, as data: every catalog entry, the technique that makes a live example of it (when one exists),
 * and the demo case used as that example. Pure, so the same example appears on every machine.
 */
export interface AtlasEntry {
  readonly artifact: ArtifactEntry;
  /** Techniques that produce this artifact; empty when the game cannot make a live example yet. */
  readonly techniqueIds: readonly string[];
  readonly example: DemoCaseSpec | null;
}

const EXAMPLE_SIM_SEED = 20_261_125;

export function atlasEntries(techniques: readonly TechniqueSummary[]): AtlasEntry[] {
  return ARTIFACTS.map((artifact, i) => {
    const techniqueIds = techniques.filter((t) => t.artifactIds.includes(artifact.id)).map((t) => t.id).sort();
    const first = techniqueIds[0];
    const example: DemoCaseSpec | null = first
      ? { id: caseId(`atlas-${artifact.id}`), simSeed: EXAMPLE_SIM_SEED + i, forgery: [{ techniqueId: first, level: 'obvious', seed: 7 + i }] }
      : null;
    return { artifact, techniqueIds, example };
  });
}

/** What the live example shows: the one technique it is forged with, and the others that make the same tell. */
export function liveExampleText(entry: AtlasEntry): string {
  const used = entry.example?.forgery?.[0]?.techniqueId;
  if (!used) return '';
  const others = entry.techniqueIds.filter((id) => id !== used);
  const also = others.length > 0 ? ` Other techniques that make this tell: ${others.join(', ')}.` : '';
  return `Live example: a simulated radiograph forged on the spot with ${used} (obvious level).${also}`;
}
