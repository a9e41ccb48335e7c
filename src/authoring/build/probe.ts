/**
 * Pass 1 of a build: read every input once, keep only what planning needs (label, bit depth, provenance, a hash),
 * and list the files that cannot be used with the reason. It is split in two: `probeBytes` decodes one file (a
 * job that may run in a worker), and `admitProbe` decides in input order, on the main thread, what no single file
 * can know alone (a duplicate of an earlier file or picture). Pixels are dropped as soon as each file is checked, so
 * memory stays flat however large the folder.
 */
import { SAME_PICTURE_BITS, hashDistance, pictureHash } from './picture-hash.js';
import { decodeInput } from '../ingest/decode-input.js';
import { IngestError, type BadFileReason, type CodecSet, type ProvenanceFinding } from '../ingest/types.js';
import type { LabelRow } from './labels.js';

export interface PackInputs {
  /** Relative paths ('/'-separated). */
  readonly paths: readonly string[];
  read(path: string): Promise<Uint8Array>;
  /** Items met in the input and deliberately not read (hidden files, links), listed in the report. */
  readonly skipped?: readonly { readonly path: string; readonly reason: string }[];
}

export interface BadFile {
  readonly path: string;
  readonly reason: BadFileReason;
  readonly message: string;
}

/** What decoding one file tells the planner. Structured-cloneable: it comes back from a worker. */
export interface ProbeFacts {
  readonly path: string;
  readonly sha256: string;
  readonly sourceBits: number;
  readonly format: 'dicom' | 'png' | 'jpeg';
  readonly provenance: readonly ProvenanceFinding[];
  /** 256-bit difference hash of the picture (picture-hash.ts). */
  readonly hash: Uint8Array;
  /** The DICOM header declares Burned In Annotation = YES (0028,0301). */
  readonly burnedIn?: boolean;
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

/** Reads one input with its size limit; a failure becomes a BadFile with what to do. */
export async function readInput(path: string, inputs: PackInputs): Promise<Uint8Array | BadFile> {
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
  return bytes;
}

/** Hashes and decodes one file; every failure becomes a BadFile with a reason and what to do. */
export async function probeBytes(path: string, bytes: Uint8Array, codecs: CodecSet): Promise<ProbeFacts | BadFile> {
  const sha256 = await sha256Hex(bytes);
  try {
    const d = await decodeInput({ path, bytes }, codecs);
    const burnedIn = d.flags.some((f) => f.kind === 'burned-in-annotation-declared');
    return { path, sha256, sourceBits: d.sourceBits, format: d.format, provenance: d.provenance, hash: pictureHash(d.image), ...(burnedIn ? { burnedIn } : {}) };
  } catch (e) {
    if (e instanceof IngestError) return { path, reason: e.reason, message: e.message };
    return { path, reason: 'corrupt', message: `${path}: could not be decoded (${describeError(e)}). Open it in a viewer to check it, or export it again.` };
  }
}

/** What `admitProbe` remembers across files, in input order. */
export interface AdmitState {
  readonly seen: Map<string, string>;
  readonly pictures: { path: string; hash: Uint8Array }[];
}

export const newAdmitState = (): AdmitState => ({ seen: new Map(), pictures: [] });

/**
 * Text burned into the pixels (a name, an ID, a date) survives header de-identification, and PS3.15 E.1.1 leaves it
 * to the user; the flag alone let such films ship unlooked-at. So they stay out until the builder says every flagged
 * image was checked (`reviewed`: --reviewed, or "reviewed": true in pack.json).
 */
const burnedInMessage = (path: string): string =>
  `${path}: the DICOM header declares Burned In Annotation = YES (0028,0301): text burned into the pixels may identify the ` +
  'patient and de-identification cannot remove it, so the image was left out. Look at it: if nothing identifies the patient, ' +
  'rebuild with --reviewed (in the browser, "reviewed": true in a pack.json dropped with the images) to include it; otherwise crop the text out and export it again.';

/** The file's verdict given the files before it: a duplicate, a label that contradicts the file, or a Probe. */
export function admitProbe(facts: ProbeFacts, label: { row: LabelRow; folderGenerator?: string }, state: AdmitState, reviewed = false): Probe | BadFile {
  const { path } = facts;
  if (facts.burnedIn && !reviewed) return { path, reason: 'burned-in', message: burnedInMessage(path) };
  const earlier = state.seen.get(facts.sha256);
  if (earlier !== undefined) return { path, reason: 'duplicate', message: `${path}: the same file as ${earlier}; it is used once.` };
  state.seen.set(facts.sha256, path);
  const declaredAi = facts.provenance.find((p) => p.isAiDeclared);
  if (label.row.label === 'real' && declaredAi) {
    return {
      path, reason: 'label-conflict',
      message: `${path}: labelled real, but the file declares it was AI-made (${declaredAi.source}: ${declaredAi.text}). Check the label; move it to synthetic/ if the file is right.`,
    };
  }
  const twin = state.pictures.find((p) => hashDistance(p.hash, facts.hash) <= SAME_PICTURE_BITS);
  if (twin) {
    return {
      path, reason: 'duplicate',
      message: `${path}: the same picture as ${twin.path} (another encoding, depth or size); it is used once, so a reader never meets one picture twice.`,
    };
  }
  state.pictures.push({ path, hash: facts.hash });
  const generator =
    label.row.generator ?? facts.provenance.find((p) => p.generator)?.generator ?? label.folderGenerator ?? (label.row.label === 'synthetic' ? 'an unnamed generator' : null);
  return { path, sha256: facts.sha256, label: label.row, generator, sourceBits: facts.sourceBits, format: facts.format, provenance: facts.provenance };
}

export const isBad = (x: object): x is BadFile => 'reason' in x;
