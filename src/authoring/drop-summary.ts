/**
 * What the packs panel must ask about a drop before building, from the dropped paths alone (nothing is read, so it
 * is instant on the page's thread): which dropped folders (roots) hold files that no real/ or synthetic/ folder name
 * labels, so that the instructor says "real films" or "AI-generated" for each, and which title to offer, with the
 * warning that a folder's name can identify a patient.
 */
import { parseLabelWord } from './build/index.js';
import { TITLE_WARNING } from './worker/drop-options.js';
import type { DropChoices } from './worker/pack-build-protocol.js';
import type { InputLabel } from './build/index.js';
import { rootOf, type DroppedItem } from './pack-inputs.js';
import { countOf } from '../domain/index.js';

export interface DropRoot {
  /** The name the choice is keyed by: the folder's name, a zip's name without '.zip', or a lone file's name. */
  readonly name: string;
  readonly files: number;
  /** Files whose path names no real/ or synthetic/ folder: they need this root's label (or a labels.csv row). */
  readonly unlabelled: number;
  /** A zip is not opened here; its folders may label its files, so its choice may be left unset. */
  readonly isZip: boolean;
}

export interface DropSummary {
  /** True when the drop is an existing pack (a manifest.json): nothing to ask, it is imported as it is. */
  readonly isPack: boolean;
  readonly roots: readonly DropRoot[];
  /** A labels.csv was dropped: its rows come before any label chosen here. */
  readonly hasLabelsCsv: boolean;
  /** A pack.json was dropped: its title is the pack's, so there is no title to ask for. */
  readonly hasPackJson: boolean;
  /** The folder's name, to offer in the title field (never used unless the user confirms it), and why to check it. */
  readonly titleSuggestion: string | null;
  readonly titleWarning: string | null;
}

const base = (p: string): string => p.split('/').pop() ?? p;
const hidden = (p: string): boolean => p.split('/').some((s) => s.startsWith('.'));
const folderLabelled = (p: string): boolean => p.split('/').slice(0, -1).some((s) => parseLabelWord(s) !== null);

export function summariseDrop(items: readonly DroppedItem[]): DropSummary {
  const visible = items.filter((i) => !hidden(i.path));
  const isPack = visible.some((i) => base(i.path) === 'manifest.json');
  const byRoot = new Map<string, { files: number; unlabelled: number; isZip: boolean }>();
  let hasLabelsCsv = false;
  let hasPackJson = false;
  for (const { path } of visible) {
    const name = base(path).toLowerCase();
    if (name === 'labels.csv') hasLabelsCsv = true;
    if (name === 'pack.json') hasPackJson = true;
    if (name === 'labels.csv' || name === 'pack.json') continue;
    const isZip = name.endsWith('.zip');
    const root = isZip ? base(path).replace(/\.zip$/i, '') : rootOf(path);
    const r = byRoot.get(root) ?? { files: 0, unlabelled: 0, isZip };
    r.files++;
    if (!isZip && !folderLabelled(path)) r.unlabelled++;
    byRoot.set(root, r);
  }
  const roots = [...byRoot].map(([name, r]) => ({ name, ...r })).sort((a, b) => a.name.localeCompare(b.name));
  const folder = roots.length === 1 && visible.some((i) => i.path.includes('/')) ? (roots[0]?.name ?? null) : null;
  return { isPack, roots, hasLabelsCsv, hasPackJson, titleSuggestion: folder, titleWarning: folder ? TITLE_WARNING : null };
}

/** What the panel answered, as the form holds it: the title typed, and per root 'real', 'synthetic' or ''. */
export interface DropAnswers {
  readonly title: string;
  readonly labels: Readonly<Record<string, string>>;
}

const needsLabel = (d: Pick<DropSummary, 'hasLabelsCsv'>, r: DropRoot): boolean => r.unlabelled > 0 && !r.isZip && !d.hasLabelsCsv;

/** The question in one sentence, for the status line. */
export function dropQuestion(d: Pick<DropSummary, 'roots' | 'hasLabelsCsv' | 'titleSuggestion'>): string {
  const ask = d.roots.filter((r) => needsLabel(d, r)).map((r) => `"${r.name}"`);
  const labels = ask.length > 0 ? `say whether the images in ${ask.join(', ')} are real films or AI-generated or tampered; ` : '';
  return `${labels}give the pack a title (a folder's name can identify a patient, so it is not used unless you choose it).`;
}

/** The panel's answers checked: a label for every root that needs one, a title of at most 120 characters. */
export function readDropAnswers(
  d: Pick<DropSummary, 'roots' | 'hasLabelsCsv'>, a: DropAnswers,
): { readonly choices: DropChoices } | { readonly problem: string } {
  const rootLabels: Record<string, InputLabel> = {};
  for (const r of d.roots) {
    const v = a.labels[r.name] ?? '';
    if (v === 'real' || v === 'synthetic') rootLabels[r.name] = v;
    else if (v !== '') return { problem: `"${v}" is not a label: choose real films or AI-generated or tampered for "${r.name}".` };
    else if (needsLabel(d, r)) return { problem: `Say what the ${countOf(r.unlabelled, 'image')} in "${r.name}" ${r.unlabelled === 1 ? 'is' : 'are'}: real films, or AI-generated or tampered.` };
  }
  const title = a.title.trim().replace(/\s+/g, ' ');
  if (title.length > 120) return { problem: 'The title is longer than 120 characters; shorten it.' };
  return { choices: { title: title === '' ? null : title, rootLabels } };
}
