/**
 * Builds a case pack from a department's files: pass 1 checks and labels every input (probe.ts), the plan fixes
 * each case (plan-pack.ts), pass 2 decodes one image per job, normalises it to the pack's one policy, forges the
 * planned share, encodes the served PNG and measures it for the leak audit (build-case.ts). Jobs may run on several
 * workers (jobs.ts); results are taken and written in plan order. The manifest is written last and only when the
 * pack has both real and fake cases and the audit passes: a caller that commits its output only on `ok` never
 * leaves half a pack. Runs the same in Node (the CLI) and in a browser worker.
 */
import { CURRENT_PACK_SCHEMA_VERSION, parsePackManifest, type PackCase } from '../../pack-format/index.js';
import { auditLeaks, type LeakAuditReport, type LeakAuditRow } from '../audit/index.js';
import type { CodecSet } from '../ingest/types.js';
import type { BuiltCase } from './build-case.js';
import { checkBuildOptions, type BuildOptions } from './build-options.js';
import { forEachInOrder, inProcessJobs, type BuildJobs } from './jobs.js';
import { ambiguousLabel, labelFor, labelWarnings, rootLabelConflict } from './labels.js';
import { classProblem } from './pack-balance.js';
import { planPack, type PlannedCase } from './plan-pack.js';
import { admitProbe, describeError, isBad, newAdmitState, readInput, type BadFile, type PackInputs, type Probe } from './probe.js';
import { baseReport, type BuildReport } from './report.js';
import { countOf } from '../../domain/index.js';

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
  /** Where the per-file jobs run; in-process on `codecs` when omitted. */
  readonly jobs?: BuildJobs;
  readonly onProgress?: (p: BuildProgress) => void;
  readonly now?: () => number;
}

export type BuildResult =
  | { readonly ok: true; readonly manifest: ReturnType<typeof parsePackManifest>; readonly report: BuildReport }
  | { readonly ok: false; readonly error: string; readonly report: BuildReport | null };

const writeFailure = (what: string): string =>
  `The pack could not be written (${what}). Nothing was kept. Check the free space and that the output folder is writable, then build again.`;

/** An error of the output, not of an input: it stops the whole build (no pack) instead of leaving one file out. */
class SinkWriteError extends Error {
  override readonly name = 'SinkWriteError';
}

/** Lets the event loop run between results, so a signal, a worker message or a progress repaint is handled. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Pass 1: every input read, decoded (on the jobs) and admitted in input order. */
async function checkInputs(inputs: PackInputs, options: BuildOptions, jobs: BuildJobs, deps: BuildDeps): Promise<{ probes: Probe[]; bad: BadFile[] }> {
  const bad: BadFile[] = [];
  const probes: Probe[] = [];
  const state = newAdmitState();
  const roots = options.inputLabels;
  await forEachInOrder(
    inputs.paths,
    jobs.concurrency * 2,
    async (path) => {
      const ambiguous = ambiguousLabel(path, options.labels, inputs.paths);
      if (ambiguous) return { path, reason: 'label-ambiguous', message: `${path}: ${ambiguous}` } as BadFile;
      const conflict = rootLabelConflict(path, options.labels, inputs.paths, roots);
      if (conflict) return { path, reason: 'label-conflict', message: `${path}: ${conflict}` } as BadFile;
      if (!labelFor(path, options.labels, inputs.paths, roots)) {
        return { path, reason: 'unlabelled', message: `${path}: no label. Give its folder with --real or --synthetic (in the browser: choose real or AI-generated for the folder), put it in a folder named real/ or synthetic/, or list it in the labels CSV.` } as BadFile;
      }
      const bytes = await readInput(path, inputs);
      if (!(bytes instanceof Uint8Array)) return bytes;
      // A worker that dies on a file (out of memory in a codec) fails that file, not the build.
      return jobs.probe(path, bytes).catch((e: unknown): BadFile => ({ path, reason: 'corrupt', message: `${path}: could not be checked (${describeError(e)}). Open it in a viewer, or export it again.` }));
    },
    async (r, path, i) => {
      if (isBad(r)) bad.push(r);
      else {
        const label = labelFor(path, options.labels, inputs.paths, roots) as NonNullable<ReturnType<typeof labelFor>>;
        const admitted = admitProbe(r, label, state, options.reviewed);
        if (isBad(admitted)) bad.push(admitted);
        else probes.push(admitted);
      }
      deps.onProgress?.({ phase: 'checking', done: i + 1, total: inputs.paths.length });
      await breathe();
    },
  );
  return { probes, bad };
}

export async function buildPack(inputs: PackInputs, options: BuildOptions, deps: BuildDeps): Promise<BuildResult> {
  const now = deps.now ?? (() => Date.now());
  const t0 = now();
  const problems = checkBuildOptions(options);
  if (problems.length > 0) return { ok: false, error: `The pack options need fixing:\n${problems.join('\n')}`, report: null };
  const jobs = deps.jobs ?? inProcessJobs(deps.codecs);
  const write = async (path: string, bytes: Uint8Array): Promise<void> => {
    try {
      await deps.sink.write(path, bytes);
    } catch (e) {
      throw new SinkWriteError(`${path}: ${describeError(e)}`);
    }
  };

  const { probes, bad } = await checkInputs(inputs, options, jobs, deps);
  const report0 = (bits: number, why: string): BuildReport => baseReport(inputs, bad, options, bits, why);
  if (probes.length === 0) {
    return { ok: false, error: `${inputs.paths.length === 1 ? 'The input file cannot' : `None of the ${inputs.paths.length} input files can`} be used; the report lists why for each.`, report: report0(8, 'not chosen (no usable input)') };
  }
  const bits = options.bits === 'auto' ? Math.min(16, Math.max(8, Math.min(...probes.map((p) => p.sourceBits)))) : options.bits;
  const bitsReason = options.bits === 'auto'
    ? `${bits}-bit: the lowest depth any input carries (${countOf(probes.filter((p) => p.sourceBits <= bits).length, 'file')}), so depth cannot tell real from fake`
    : `${bits}-bit, as asked`;

  const plan = planPack(probes, options.seed, options.forgedShare);
  const planned = classProblem(plan.map((p) => p.kind), options.forgedShare);
  if (planned) return { ok: false, error: planned, report: report0(bits, bitsReason) };

  const salt = options.deidSalt ?? [...globalThis.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const cases: PackCase[] = [];
  const rows: LeakAuditRow[] = [];
  const stripped = new Map<string, number>();
  const warnings: string[] = [...(options.notes ?? []), ...labelWarnings(options.labels, inputs.paths)];
  let deidentified = 0;
  try {
    await forEachInOrder(
      plan,
      jobs.concurrency * 2,
      async (p: PlannedCase): Promise<BuiltCase | BadFile> => {
        const bytes = await readInput(p.probe.path, inputs);
        if (!(bytes instanceof Uint8Array)) return bytes;
        const job = { caseId: p.caseId, probe: p.probe, kind: p.kind, candidates: p.candidates, bytes, size: options.size, bits, salt, author: options.author, licence: options.licence };
        return jobs.buildCase(job).catch((e: unknown): BadFile => ({ path: p.probe.path, reason: 'corrupt', message: `${p.probe.path}: failed while building (${describeError(e)}). It was left out.` }));
      },
      async (built, _p, i) => {
        if (isBad(built)) bad.push(built);
        else {
          for (const f of built.files) await write(f.path, f.bytes);
          cases.push(built.entry);
          rows.push(built.kind === 'authentic' ? { isFake: false, properties: built.properties } : { isFake: true, fakeKind: built.kind, properties: built.properties });
          for (const s of built.stripped) stripped.set(s, (stripped.get(s) ?? 0) + 1);
          if (built.entry.header.length > 0) deidentified++;
          if (built.warning) warnings.push(built.warning);
        }
        deps.onProgress?.({ phase: 'building', done: i + 1, total: plan.length });
        await breathe();
      },
    );
  } catch (e) {
    if (e instanceof SinkWriteError) return { ok: false, error: writeFailure(e.message), report: null };
    throw e;
  }
  deps.onProgress?.({ phase: 'auditing', done: 0, total: 1 });
  const audit = auditLeaks(rows, { threshold: options.leakThreshold, accepted: [...options.acceptLeaks] });
  const count = (k: string): number => cases.filter((c) => c.truth.kind === k).length;
  const report: BuildReport = {
    ...report0(bits, bitsReason),
    included: { authentic: count('authentic'), synthetic: count('synthetic'), forged: count('forged') },
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
  const built = classProblem(cases.map((c) => c.truth.kind), options.forgedShare);
  if (built) return { ok: false, error: built, report };
  if (audit.applicable && audit.failed) return { ok: false, error: leakFailure(audit), report };
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
