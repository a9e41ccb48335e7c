/**
 * Pass 2 of a build for one case, as a pure job: the input's bytes in; the served PNG (and the original of a
 * forged case), its manifest entry and its leak-audit measurements out. Nothing here writes: the orchestrator
 * (build-pack.ts) writes the files in plan order, so the same job can run in-process, in a Node worker thread or in
 * a browser worker and the pack comes out byte for byte the same.
 */
import type { ForgeryStep, Tell } from '../../domain/index.js';
import { NoRoomError, forge } from '../../forgery/index.js';
import { findEdgeTextRegions, normaliseImage, type GrayImage } from '../../imaging/index.js';
import { encodeServedPng, type PackCase } from '../../pack-format/index.js';
import { measureServedImage, type PropertyVector } from '../audit/index.js';
import { decodeInput } from '../ingest/decode-input.js';
import type { CodecSet, ReviewFlag } from '../ingest/types.js';
import { caseTruthFor } from './case-truth.js';
import { clipTells } from './clip-tells.js';
import type { PlannedKind } from './plan-pack.js';
import { describeError, sha256Hex, type Probe } from './probe.js';
import { countOf } from '../../domain/index.js';

/** Everything one case needs, structured-cloneable (it crosses to a worker). */
export interface CaseJob {
  readonly caseId: string;
  readonly probe: Probe;
  readonly kind: PlannedKind;
  readonly candidates: readonly ForgeryStep[];
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly bits: number;
  readonly salt: string;
  /** Pack-level attribution and licence, for inputs whose label row gives none. */
  readonly author: string;
  readonly licence: string;
}

export interface BuiltCase {
  /** What the case became: a planned forgery that no technique fitted is kept as the real film it is. */
  readonly kind: PlannedKind;
  readonly entry: PackCase;
  readonly properties: PropertyVector;
  readonly stripped: readonly string[];
  readonly warning: string | null;
  /** The pack files of this case, in the order to write them. */
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

export interface Forged {
  readonly image: GrayImage;
  readonly recipe: ForgeryStep[];
  readonly tells: readonly Tell[];
  readonly tried: string[];
}

/** Tries the planned techniques in turn; "no room on this film" (or no tell left inside it) moves to the next. */
export function forgeFirstFitting(served: GrayImage, candidates: readonly ForgeryStep[]): Forged {
  const tried: string[] = [];
  for (const step of candidates) {
    try {
      const r = forge(served, [step]);
      const tells = clipTells(r.tells, served.width, served.height);
      if (tells.length > 0) return { image: r.image, recipe: [step], tells, tried };
      tried.push(`${step.techniqueId}: its tell lies outside the image`);
    } catch (e) {
      // Anything but "no room on this film" is a fault, reported as one.
      if (!(e instanceof NoRoomError)) throw e;
      const why = describeError(e);
      tried.push(why.startsWith(step.techniqueId) ? why : `${step.techniqueId}: ${why}`);
    }
  }
  return { image: served, recipe: [], tells: [], tried };
}

/**
 * The served geometry and depth; an image that already has them (an NIH film at 1024 px for a 1024 px pack) is used
 * as it is, since resampling to the same size and depth returns exactly its samples (checked in build-case tests).
 */
function normalised(image: GrayImage, size: number, bits: number): GrayImage {
  if (image.width === size && image.height === size && image.bitsStored === bits) {
    const max = 2 ** bits - 1;
    return { ...image, windowCenter: max / 2, windowWidth: max + 1 };
  }
  return normaliseImage(image, { size, bits });
}

export async function buildCase(job: CaseJob, codecs: CodecSet): Promise<BuiltCase> {
  const { probe, caseId } = job;
  const decoded = await decodeInput({ path: probe.path, bytes: job.bytes }, codecs, { salt: job.salt });
  const served0 = normalised(decoded.image, job.size, job.bits);
  let kind = job.kind;
  let image: GrayImage = served0;
  let recipe: ForgeryStep[] = [];
  let tells: readonly Tell[] = [];
  let warning: string | null = null;
  const files: { path: string; bytes: Uint8Array }[] = [];
  if (kind === 'forged') {
    const f = forgeFirstFitting(served0, job.candidates);
    if (f.recipe.length === 0) {
      // The film itself is sound (it decoded and normalised): keep it as the real case it is, and say so.
      kind = 'authentic';
      warning = `${caseId}: none of the ${f.tried.length} forgery techniques planned for it fitted its image (${f.tried.join('; ')}). It is kept as a real case, so the pack has one forged case fewer than planned.`;
    } else {
      ({ image, recipe, tells } = f);
      if (f.tried.length > 0) warning = `${caseId}: ${countOf(f.tried.length, 'technique')} did not fit its image; ${recipe[0]?.techniqueId} was used instead.`;
      files.push({ path: `originals/${caseId}.png`, bytes: await encodeServedPng(served0) });
    }
  }
  const flags: ReviewFlag[] = [...decoded.flags];
  const textBoxes = findEdgeTextRegions(served0);
  if (textBoxes.length > 0) {
    flags.push({ kind: 'edge-text-like-region', detail: `${countOf(textBoxes.length, 'text-like region')} near the edges (e.g. around x ${Math.round(textBoxes[0]?.x0 ?? 0)}, y ${Math.round(textBoxes[0]?.y0 ?? 0)}): check for burned-in text that identifies a patient.` });
  }
  const png = await encodeServedPng(image);
  files.push({ path: `images/${caseId}.png`, bytes: png });
  const entry: PackCase = {
    id: caseId,
    file: `images/${caseId}.png`,
    ...(kind === 'forged' ? { original: `originals/${caseId}.png` } : {}),
    bodyPart: probe.label.bodyPart ?? decoded.bodyPart ?? 'UNKNOWN',
    view: probe.label.view ?? decoded.view ?? 'UNKNOWN',
    // A salted fingerprint, not the file's own SHA-256: whoever holds the original (a PACS copy) must not be able to
    // find its case in a shared pack. The salt is the build's secret, never stored.
    source: { sha256: await sha256Hex(new TextEncoder().encode(`${job.salt}\u0000${probe.sha256}`)), attribution: probe.label.attribution ?? job.author, licence: probe.label.licence ?? job.licence },
    truth: caseTruthFor(kind, probe, recipe, tells),
    header: [...decoded.header],
    flags,
  };
  return { kind, entry, properties: measureServedImage(png, image), stripped: decoded.stripped, warning, files };
}
