/**
 * The closing report of a build, as data (shown in the browser, saved as JSON beside the pack) and as plain text
 * lines for the terminal. It names input files, so it stays beside the pack and is never put inside it: file
 * names can identify patients, and a pack is meant to be shared.
 */
import { formatLeakAudit, type LeakAuditReport } from '../audit/index.js';
import type { ReviewFlag } from '../ingest/types.js';
import type { BuildOptions } from './build-options.js';
import { labelWarnings } from './labels.js';
import type { BadFile, PackInputs } from './probe.js';
import { countOf } from '../../domain/index.js';

export interface BuildReport {
  readonly packId: string;
  readonly inputs: number;
  readonly bad: readonly BadFile[];
  /** Items in the input deliberately not read (hidden files and folders, links), with why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly included: { readonly authentic: number; readonly synthetic: number; readonly forged: number };
  readonly policy: { readonly size: number; readonly bits: number; readonly bitsReason: string };
  readonly flagged: readonly { readonly caseId: string; readonly path: string; readonly flags: readonly ReviewFlag[] }[];
  readonly reviewed: boolean;
  readonly stripped: readonly { readonly what: string; readonly files: number }[];
  readonly deidentifiedFiles: number;
  readonly provenance: readonly { readonly path: string; readonly findings: readonly string[] }[];
  readonly warnings: readonly string[];
  readonly leakAudit: LeakAuditReport | null;
  readonly seconds: number;
}

/** The report before any case is built: what pass 1 found. */
export function baseReport(inputs: PackInputs, bad: readonly BadFile[], o: BuildOptions, bits: number, bitsReason: string): BuildReport {
  return {
    packId: o.id, inputs: inputs.paths.length, bad: [...bad], skipped: [...(inputs.skipped ?? [])],
    included: { authentic: 0, synthetic: 0, forged: 0 },
    policy: { size: o.size, bits, bitsReason },
    flagged: [], reviewed: o.reviewed, stripped: [], deidentifiedFiles: 0, provenance: [], warnings: [...(o.notes ?? []), ...labelWarnings(o.labels, inputs.paths)], leakAudit: null, seconds: 0,
  };
}

export function formatBuildReport(r: BuildReport): string[] {
  const n = r.included.authentic + r.included.synthetic + r.included.forged;
  const lines = [
    `Pack '${r.packId}': ${countOf(n, 'case')} from ${countOf(r.inputs, 'input file')}: ${r.included.authentic} real, ${r.included.synthetic} imported AI, ${r.included.forged} forged.`,
    `Served images: ${r.policy.size} x ${r.policy.size} px, ${r.policy.bitsReason}; single-channel PNG with no metadata.`,
  ];
  if (r.seconds > 0) lines.push(`Built in ${r.seconds.toFixed(1)} s (${(r.inputs / r.seconds).toFixed(2)} input images per second).`);
  if (r.deidentifiedFiles > 0) {
    lines.push(`De-identified ${countOf(r.deidentifiedFiles, 'DICOM header')} with the PS3.15 Basic Application Level Confidentiality Profile.`);
  }
  if (r.stripped.length > 0) lines.push(`Metadata not carried into served files: ${r.stripped.map((s) => `${s.what} (${s.files})`).join('; ')}.`);
  if (r.bad.length > 0) {
    lines.push('', `${countOf(r.bad.length, 'file')} left out:`);
    for (const b of r.bad) lines.push(`  [${b.reason}] ${b.message}`);
  }
  if (r.skipped.length > 0) {
    lines.push('', `${countOf(r.skipped.length, 'item')} in the input not read:`);
    for (const s of r.skipped.slice(0, 20)) lines.push(`  ${s.path}: ${s.reason}`);
    if (r.skipped.length > 20) lines.push(`  ...and ${r.skipped.length - 20} more.`);
  }
  if (r.flagged.length > 0) {
    lines.push('', `${countOf(r.flagged.length, 'image')} flagged for a person to review (burned-in text can identify a patient):`);
    for (const f of r.flagged) lines.push(`  ${f.caseId} <- ${f.path}: ${f.flags.map((x) => x.detail).join(' ')}`);
    lines.push(
      r.reviewed
        ? '  Marked as reviewed by the builder (--reviewed).'
        : '  NOT REVIEWED: the pack says so in its manifest and in the game. Check these images, then rebuild with --reviewed.',
    );
  }
  if (r.provenance.length > 0) {
    lines.push('', 'Provenance found in input files (kept in the manifest truth for the review, stripped from served files):');
    for (const p of r.provenance) lines.push(`  ${p.path}: ${p.findings.join('; ')}`);
  }
  if (r.warnings.length > 0) lines.push('', 'Warnings:', ...r.warnings.map((w) => `  ${w}`));
  if (r.leakAudit) lines.push('', ...formatLeakAudit(r.leakAudit));
  return lines;
}
