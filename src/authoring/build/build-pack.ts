/**
 * Builds a case pack from a department's files: pass 1 checks and labels every input (probe.ts), the plan fixes
 * each case (plan-pack.ts), pass 2 decodes one image at a time, normalises it to the pack's one policy, forges the
 * planned share, writes the served PNG and measures it for the leak audit. The manifest is written last and only
 * when the audit passes: a caller that commits its output only on `ok` never leaves half a pack.
 * Runs the same in Node (the CLI) and in a browser worker.
 */
import type { ForgeryStep, Tell } from '../../domain/index.js';
import { NoRoomError, forge } from '../../forgery/index.js';
import { findEdgeTextRegions, normaliseImage } from '../../imaging/index.js';
import type { GrayImage } from '../../imaging/index.js';
import { auditLeaks, measureServedImage, type LeakAuditReport, type LeakAuditRow, type PropertyVector } from '../audit/index.js';
import { decodeInput } from '../ingest/decode-input.js';
import type { CodecSet, ReviewFlag } from '../ingest/types.js';
import { CURRENT_PACK_SCHEMA_VERSION, parsePackManifest, type PackCase, type PackManifest } from '../../pack-format/index.js';
import { encodeServedPng } from '../../pack-format/index.js';
import { checkBuildOptions, type BuildOptions } from './build-options.js';
import { caseTruthFor } from './case-truth.js';
import { labelWarnings } from './labels.js';
import { planPack, type PlannedCase, type PlannedKind } from './plan-pack.js';
import { describeError, isBad, probeOne, sha256Hex, type BadFile, type PackInputs, type Probe } from './probe.js';
import type { BuildReport } from './report.js';

export interface BuildProgress {
  readonly phase: 'checking' | 'building' | 'auditing';
  readonly done: number;
  readonly total: number;
}

export interface PackSink {
  write(path: string, bytes: Uint8Array): Promise<void>;
}

export interface BuildDeps {
  readonly codecs: CodecSet;
  readonly sink: PackSink;
  readonly onProgress?: (p: BuildProgress) => void;
  readonly now?: () => number;
}

export type BuildResult =
  | { readonly ok: true; readonly manifest: PackManifest; readonly report: BuildReport }
  | { readonly ok: false; readonly error: string; readonly report: BuildReport | null };

const writeFailure = (what: string): string =>
  `The pack could not be written (${what}). Nothing was kept. Check the free space and that the output folder is writable, then build again.`;

/** An error of the output, not of an input: it stops the whole build (no pack) instead of leaving one file out. */
class SinkWriteError extends Error {
  override readonly name = 'SinkWriteError';
}

/**
 * Lets the event loop run between images, so a signal (Ctrl-C in a terminal), a worker message or a progress
 * repaint is handled during a long build rather than after it.
 */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function buildPack(inputs: PackInputs, options: BuildOptions, deps0: BuildDeps): Promise<BuildResult> {
  const deps: BuildDeps = {
    ...deps0,
    sink: {
      write: async (path, bytes) => {
        try {
          await deps0.sink.write(path, bytes);
        } catch (e) {
          throw new SinkWriteError(`${path}: ${describeError(e)}`);
        }
      },
    },
  };
  const now = deps.now ?? (() => Date.now());
  const t0 = now();
  const problems = checkBuildOptions(options);
  if (problems.length > 0) return { ok: false, error: `The pack options need fixing:\n${problems.join('\n')}`, report: null };

  const bad: BadFile[] = [];
  const probes: Probe[] = [];
  const seen = new Set<string>();
  const pictures: { path: string; hash: Uint8Array }[] = [];
  for (const [i, path] of inputs.paths.entries()) {
    await breathe();
    const r = await probeOne(path, inputs, deps.codecs, options.labels, seen, pictures);
    if (isBad(r)) bad.push(r);
    else probes.push(r);
    deps.onProgress?.({ phase: 'checking', done: i + 1, total: inputs.paths.length });
  }
  if (probes.length === 0) {
    return { ok: false, error: `None of the ${inputs.paths.length} input file(s) can be used; the report lists why for each.`, report: baseReport(inputs, bad, options, 8, 'not chosen (no usable input)') };
  }
  const bits = options.bits === 'auto' ? Math.min(16, Math.max(8, Math.min(...probes.map((p) => p.sourceBits)))) : options.bits;
  const bitsReason = options.bits === 'auto'
    ? `${bits}-bit: the lowest depth any input carries (${probes.filter((p) => p.sourceBits <= bits).length} file(s)), so depth cannot tell real from fake`
    : `${bits}-bit, as asked`;

  const plan = planPack(probes, options.seed, options.forgedShare);
  const salt = options.deidSalt ?? [...globalThis.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const cases: PackCase[] = [];
  const rows: LeakAuditRow[] = [];
  const stripped = new Map<string, number>();
  const warnings: string[] = labelWarnings(options.labels, inputs.paths);
  let deidentified = 0;
  for (const [i, planned] of plan.entries()) {
    await breathe();
    try {
      const built = await buildCase(planned, inputs, options, bits, salt, deps);
      cases.push(built.entry);
      rows.push(built.kind === 'authentic' ? { isFake: false, properties: built.properties } : { isFake: true, fakeKind: built.kind, properties: built.properties });
      for (const s of built.stripped) stripped.set(s, (stripped.get(s) ?? 0) + 1);
      if (built.entry.header.length > 0) deidentified++;
      if (built.warning) warnings.push(built.warning);
    } catch (e) {
      if (e instanceof SinkWriteError) {
        return { ok: false, error: writeFailure(e.message), report: null };
      }
      bad.push({ path: planned.probe.path, reason: 'corrupt', message: `${planned.probe.path}: failed while building (${describeError(e)}). It was left out.` });
    }
    deps.onProgress?.({ phase: 'building', done: i + 1, total: plan.length });
  }
  deps.onProgress?.({ phase: 'auditing', done: 0, total: 1 });
  const audit = auditLeaks(rows, { threshold: options.leakThreshold, accepted: [...options.acceptLeaks] });
  const report: BuildReport = {
    ...baseReport(inputs, bad, options, bits, bitsReason),
    included: {
      authentic: cases.filter((c) => c.truth.kind === 'authentic').length,
      synthetic: cases.filter((c) => c.truth.kind === 'synthetic').length,
      forged: cases.filter((c) => c.truth.kind === 'forged').length,
    },
    flagged: cases.filter((c) => c.flags.length > 0).map((c) => ({ caseId: c.id, path: plan.find((p) => p.caseId === c.id)?.probe.path ?? '', flags: c.flags })),
    stripped: [...stripped].map(([what, files]) => ({ what, files })),
    deidentifiedFiles: deidentified,
    provenance: probes.filter((p) => p.provenance.length > 0).map((p) => ({ path: p.path, findings: p.provenance.map((f) => `${f.source}: ${f.text}`) })),
    warnings,
    leakAudit: audit,
    seconds: (now() - t0) / 1000,
  };
  deps.onProgress?.({ phase: 'auditing', done: 1, total: 1 });
  if (cases.length === 0) return { ok: false, error: 'No image could be built; the report lists why for each file.', report };
  if (audit.applicable && audit.failed) {
    return { ok: false, error: leakFailure(audit), report };
  }
  const manifest = parsePackManifest({
    schemaVersion: CURRENT_PACK_SCHEMA_VERSION,
    id: options.id, title: options.title, author: options.author, licence: options.licence, description: options.description,
    createdWith: { tool: 'xray-deepfake-trainer pack', version: options.toolVersion },
    createdAt: new Date(now()).toISOString(),
    seed: options.seed,
    image: { format: 'png', width: options.size, height: options.size, bitsStored: bits },
    review: { flaggedCases: report.flagged.length, reviewed: report.flagged.length === 0 || options.reviewed },
    leakAudit: { threshold: options.leakThreshold, accepted: [...options.acceptLeaks], worstAuc: audit.applicable ? audit.worstAuc : 0.5 },
    cases,
  });
  try {
    await deps.sink.write('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  } catch (e) {
    return { ok: false, error: writeFailure(describeError(e)), report };
  }
  return { ok: true, manifest, report };
}

function leakFailure(audit: LeakAuditReport): string {
  const leaks = audit.properties.filter((p) => p.exceeds && !p.accepted);
  return (
    `The leak audit failed: ${leaks.map((p) => `${p.name} (AUC ${p.auc.toFixed(2)})`).join(', ')} alone separate real from fake ` +
    `above the threshold ${audit.threshold}. Nothing was written. Fix the inputs as the report says, or accept a leak knowingly ` +
    `with --accept-leak ${leaks.map((p) => p.name).join(',')}.`
  );
}

function baseReport(inputs: PackInputs, bad: readonly BadFile[], o: BuildOptions, bits: number, bitsReason: string): BuildReport {
  return {
    packId: o.id, inputs: inputs.paths.length, bad: [...bad],
    included: { authentic: 0, synthetic: 0, forged: 0 },
    policy: { size: o.size, bits, bitsReason },
    flagged: [], reviewed: o.reviewed, stripped: [], deidentifiedFiles: 0, provenance: [], warnings: labelWarnings(o.labels, inputs.paths), leakAudit: null, seconds: 0,
  };
}

interface BuiltCase {
  /** What the case became: a planned forgery that no technique fitted is kept as the real film it is. */
  readonly kind: PlannedKind;
  readonly entry: PackCase;
  readonly properties: PropertyVector;
  readonly stripped: readonly string[];
  readonly warning: string | null;
}

async function buildCase(planned: PlannedCase, inputs: PackInputs, o: BuildOptions, bits: number, salt: string, deps: BuildDeps): Promise<BuiltCase> {
  const { probe, caseId } = planned;
  const decoded = await decodeInput({ path: probe.path, bytes: await inputs.read(probe.path) }, deps.codecs, { salt });
  const served0 = normaliseImage(decoded.image, { size: o.size, bits });
  let image: GrayImage = served0;
  let recipe: ForgeryStep[] = [];
  let tells: readonly Tell[] = [];
  let warning: string | null = null;
  let kind = planned.kind;
  if (kind === 'forged') {
    const tried: string[] = [];
    for (const step of planned.candidates) {
      try {
        const r = forge(served0, [step]);
        image = r.image;
        tells = r.tells;
        recipe = [step];
        break;
      } catch (e) {
        // Only "no room on this film" moves on to the next technique; anything else is a fault, reported as one.
        if (!(e instanceof NoRoomError)) throw e;
        const why = describeError(e);
        tried.push(why.startsWith(step.techniqueId) ? why : `${step.techniqueId}: ${why}`);
      }
    }
    if (recipe.length === 0) {
      // The film itself is sound (it decoded and normalised): keep it as the real case it is, and say so.
      kind = 'authentic';
      warning = `${caseId}: none of the ${tried.length} forgery techniques planned for it fitted its image (${tried.join('; ')}). It is kept as a real case, so the pack has one forged case fewer than planned.`;
    } else {
      if (tried.length > 0) warning = `${caseId}: ${tried.length} technique(s) did not fit its image; ${recipe[0]?.techniqueId} was used instead.`;
      await deps.sink.write(`originals/${caseId}.png`, encodeServedPng(served0));
    }
  }
  const flags: ReviewFlag[] = [...decoded.flags];
  const textBoxes = findEdgeTextRegions(served0);
  if (textBoxes.length > 0) {
    flags.push({ kind: 'edge-text-like-region', detail: `${textBoxes.length} text-like region(s) near the edges (e.g. around x ${Math.round(textBoxes[0]?.x0 ?? 0)}, y ${Math.round(textBoxes[0]?.y0 ?? 0)}): check for burned-in text that identifies a patient.` });
  }
  const png = encodeServedPng(image);
  await deps.sink.write(`images/${caseId}.png`, png);
  const entry: PackCase = {
    id: caseId,
    file: `images/${caseId}.png`,
    ...(kind === 'forged' ? { original: `originals/${caseId}.png` } : {}),
    bodyPart: probe.label.bodyPart ?? decoded.bodyPart ?? 'UNKNOWN',
    view: probe.label.view ?? decoded.view ?? 'UNKNOWN',
    // A salted fingerprint, not the file's own SHA-256: whoever holds the original (a PACS copy) must not be able to
    // find its case in a shared pack. The salt is the build's secret, never stored.
    source: { sha256: await sha256Hex(new TextEncoder().encode(`${salt}\u0000${probe.sha256}`)), attribution: probe.label.attribution ?? o.author, licence: probe.label.licence ?? o.licence },
    truth: caseTruthFor(kind, probe, recipe, tells),
    header: [...decoded.header],
    flags,
  };
  return { kind, entry, properties: measureServedImage(png, image), stripped: decoded.stripped, warning };
}

