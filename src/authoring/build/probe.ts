/**
 * Pass 1 of a build: read every input once, keep only what planning needs (label, bit depth, provenance, a hash),
 * and list the files that cannot be used with the reason. Pixels are dropped as soon as each file is checked, so
 * memory stays flat however large the folder.
 */
import { SAME_PICTURE_BITS, hashDistance, pictureHash } from './picture-hash.js';
import { decodeInput } from '../ingest/decode-input.js';
import { IngestError, type BadFileReason, type CodecSet, type ProvenanceFinding } from '../ingest/types.js';
import { ambiguousLabel, labelFor, type LabelRow, type LabelTable } from './labels.js';

export interface PackInputs {
  /** Relative paths ('/'-separated). */
  readonly paths: readonly string[];
  read(path: string): Promise<Uint8Array>;
}

export interface BadFile {
  readonly path: string;
  readonly reason: BadFileReason;
  readonly message: string;
}

export interface Probe {
  readonly path: string;
  readonly sha256: string;
  readonly label: LabelRow;
  readonly generator: string | null;
  readonly sourceBits: number;
  readonly format: 'dicom' | 'png' | 'jpeg';
  readonly provenance: readonly ProvenanceFinding[];
}

export const MAX_INPUT_BYTES = 600 * 1024 * 1024;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'exception' in e) return String((e as { exception: unknown }).exception);
  return String(e);
}

/** Reads, hashes and decodes one file; turns every failure into a BadFile with a reason and what to do. */
export async function probeOne(
  path: string, inputs: PackInputs, codecs: CodecSet, labels: LabelTable | null, seen: Set<string>,
  pictures: { path: string; hash: Uint8Array }[] = [],
): Promise<Probe | BadFile> {
  const ambiguous = ambiguousLabel(path, labels, inputs.paths);
  if (ambiguous) return { path, reason: 'label-ambiguous', message: `${path}: ${ambiguous}` };
  const label = labelFor(path, labels, inputs.paths);
  if (!label) {
    return { path, reason: 'unlabelled', message: `${path}: no label. Put it in a folder named real/ or synthetic/, or list it in the labels CSV.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = await inputs.read(path);
  } catch (e) {
    if ((e as { code?: string }).code === 'EFBIG') {
      return { path, reason: 'too-large', message: `${path}: ${describeError(e)}. Downscale or export it again.` };
    }
    return { path, reason: 'corrupt', message: `${path}: cannot be read (${describeError(e)}). Check the file and its permissions.` };
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    return { path, reason: 'too-large', message: `${path}: ${Math.round(bytes.length / 2 ** 20)} MB is over the ${MAX_INPUT_BYTES / 2 ** 20} MB limit for one image. Downscale or export it again.` };
  }
  const sha256 = await sha256Hex(bytes);
  if (seen.has(sha256)) return { path, reason: 'duplicate', message: `${path}: the same file appears earlier in the input; it is used once.` };
  seen.add(sha256);
  try {
    const d = await decodeInput({ path, bytes }, codecs);
    const declaredAi = d.provenance.find((p) => p.isAiDeclared);
    if (label.row.label === 'real' && declaredAi) {
      return {
        path, reason: 'label-conflict',
        message: `${path}: labelled real, but the file declares it was AI-made (${declaredAi.source}: ${declaredAi.text}). Check the label; move it to synthetic/ if the file is right.`,
      };
    }
    const hash = pictureHash(d.image);
    const twin = pictures.find((p) => hashDistance(p.hash, hash) <= SAME_PICTURE_BITS);
    if (twin) {
      return {
        path, reason: 'duplicate',
        message: `${path}: the same picture as ${twin.path} (another encoding, depth or size); it is used once, so a reader never meets one picture twice.`,
      };
    }
    pictures.push({ path, hash });
    const generator =
      label.row.generator ?? d.provenance.find((p) => p.generator)?.generator ?? label.folderGenerator ?? (label.row.label === 'synthetic' ? 'an unnamed generator' : null);
    return { path, sha256, label: label.row, generator, sourceBits: d.sourceBits, format: d.format, provenance: d.provenance };
  } catch (e) {
    if (e instanceof IngestError) return { path, reason: e.reason, message: e.message };
    return { path, reason: 'corrupt', message: `${path}: could not be decoded (${describeError(e)}). Open it in a viewer to check it, or export it again.` };
  }
}

export const isBad = (x: Probe | BadFile): x is BadFile => 'reason' in x;
