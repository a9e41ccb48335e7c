/**
 * The technique list the `list` command prints: the forgery catalog's TECHNIQUE_INFO (id, name, artifact ids, the
 * category of the main artifact, scope, levels), so new techniques appear here without touching this file.
 */
import { TECHNIQUE_INFO, type TechniqueInfo } from '../forgery/index.js';

export type TechniqueListing = TechniqueInfo;

/** Plain copies in a fixed key order, for `list --json`. */
export function listTechniques(): TechniqueListing[] {
  return TECHNIQUE_INFO.map((t) => ({
    id: t.id,
    name: t.name,
    artifactIds: [...t.artifactIds],
    category: t.category,
    scope: t.scope,
    levels: [...t.levels],
  }));
}

/** A plain-text table, columns padded to their widest cell. */
export function formatTechniqueTable(rows: readonly TechniqueListing[]): string {
  const header = ['ID', 'NAME', 'ARTIFACTS', 'CATEGORY', 'SCOPE', 'LEVELS'];
  const cells = rows.map((r) => [r.id, r.name, r.artifactIds.join(','), r.category, r.scope, r.levels.join(',')]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((s, c) => s.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}
