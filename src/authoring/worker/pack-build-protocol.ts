import type { BuildOptions, BuildProgress, BuildReport } from '../build/index.js';
import type { PackManifest } from '../../pack-format/index.js';

/** What the page hands the pack worker: dropped or picked files (read lazily there) and the build options. */
export interface PackBuildRequest {
  readonly items: readonly { readonly path: string; readonly blob: Blob }[];
  readonly options: Omit<BuildOptions, 'labels' | 'id' | 'toolVersion'> & { readonly id: string | null };
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
