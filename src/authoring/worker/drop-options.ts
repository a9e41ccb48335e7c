/**
 * The build options of a browser drop, from the panel's choices, a pack.json dropped with the images and the
 * defaults (in that order of precedence). Pure, so the rules are tested without a worker. The dropped folder's name
 * never becomes the title unasked: a department folder can be named after a patient ("Smith J 2026-03"), and the
 * title is shown to everyone the pack is shared with.
 */
import { BUILD_DEFAULTS, packIdFrom, TOOL_VERSION, type BuildOptions, type InputRootLabel, type LabelTable, type PackSettings } from '../build/index.js';
import type { DropChoices, PackBuildRequest } from './pack-build-protocol.js';

export interface DroppedImages {
  readonly labels: LabelTable | null;
  readonly settings: PackSettings;
  readonly suggestedTitle: string | null;
}

/** Why the panel should not take a folder name as a title without the user looking at it. */
export const TITLE_WARNING =
  "The folder's name is offered as the title. Folder names can carry a patient's name or an accession number, and " +
  'the title is shown to everyone the pack is shared with: check it, or type another.';

export function titleFor(choices: DropChoices, settings: PackSettings, suggested: string | null): { title: string; note: string | null } {
  const typed = choices.title?.trim();
  if (typed) return { title: typed, note: null };
  if (settings.title?.trim()) return { title: settings.title.trim(), note: null };
  const note = suggested
    ? `The pack is titled '${BUILD_DEFAULTS.title}': the dropped folder's name was not used, since a folder can be named after a patient. Confirm a title on the packs screen (or in pack.json) and build again to change it.`
    : null;
  return { title: BUILD_DEFAULTS.title, note };
}

/** A label per dropped root, as the pipeline's per-input labels (a root is a folder, a zip's stem or a lone file). */
export const rootLabelsOf = (choices: DropChoices): InputRootLabel[] =>
  Object.entries(choices.rootLabels).map(([prefix, label]) => ({ prefix, label }));

export function dropBuildOptions(req: Pick<PackBuildRequest, 'options' | 'choices'>, dropped: DroppedImages): BuildOptions {
  const { title, note } = titleFor(req.choices, dropped.settings, dropped.suggestedTitle);
  return {
    ...req.options,
    ...dropped.settings,
    title,
    // Leaks accepted on the packs screen add to those pack.json accepts.
    acceptLeaks: [...new Set([...(dropped.settings.acceptLeaks ?? []), ...req.options.acceptLeaks])],
    id: req.options.id ?? dropped.settings.id ?? packIdFrom(title),
    labels: dropped.labels,
    inputLabels: rootLabelsOf(req.choices),
    toolVersion: TOOL_VERSION,
    notes: note ? [note] : [],
  };
}
