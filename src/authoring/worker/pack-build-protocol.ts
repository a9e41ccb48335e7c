import type { BuildOptions, BuildProgress, BuildReport, InputLabel } from '../build/index.js';
import type { PackManifest } from '../../pack-format/index.js';

/** What the instructor chose on the packs panel for this drop (see README "Panel"). */
export interface DropChoices {
  /**
   * The title the user confirmed or typed. Null: pack.json's title, else the default title. The dropped folder's name
   * is only ever offered, never used unasked: a folder can be named after a patient.
   */
  readonly title: string | null;
  /** Real or AI-generated per dropped root (folder or zip name), for files no folder name or labels.csv labels. */
  readonly rootLabels: Readonly<Record<string, InputLabel>>;
}

/** What the page hands the pack worker: dropped or picked files (read lazily there), the build options and choices. */
export interface PackBuildRequest {
  readonly items: readonly { readonly path: string; readonly blob: Blob }[];
  readonly options: Omit<BuildOptions, 'labels' | 'id' | 'toolVersion' | 'inputLabels' | 'title'> & { readonly id: string | null };
  readonly choices: DropChoices;
}

/**
 * Replies: progress; each file of the pack as soon as it is written (its buffer transferred, so neither side keeps
 * the whole pack in memory: the page stores it at once); then done (the manifest, every file already sent) or
 * failed (the page discards what it stored).
 */
export type PackBuildReply =
  | { readonly type: 'progress'; readonly progress: BuildProgress }
  | { readonly type: 'file'; readonly path: string; readonly bytes: Uint8Array }
  | {
      readonly type: 'done';
      /** 'imported' when the input already was a pack (a zip or folder with a manifest), 'built' otherwise. */
      readonly how: 'built' | 'imported';
      readonly manifest: PackManifest;
      readonly report: BuildReport | null;
    }
  | { readonly type: 'failed'; readonly error: string; readonly report: BuildReport | null };
