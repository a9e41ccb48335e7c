import { DEFAULT_LEAK_THRESHOLD, type LeakAuditReport } from './leak-audit.js';

/** Plain-text lines of the leak audit, for the CLI report and the browser (shown as text, never as HTML). */
const fmt = (v: number): string => {
  if (!Number.isFinite(v)) return '-';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
};

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd());
}

/** A pass that rests on a threshold raised above the default says what the default would have found. */
function raisedPast(report: LeakAuditReport): string {
  if (report.threshold <= DEFAULT_LEAK_THRESHOLD) return '';
  const over = report.properties.filter((p) => p.auc > DEFAULT_LEAK_THRESHOLD).length;
  if (over === 0) return '';
  return ` It passes only because the threshold was raised to ${report.threshold}: at the default ${DEFAULT_LEAK_THRESHOLD}, ${over === 1 ? '1 property' : `${over} properties`} would fail, and a reader could tell real from fake by ${over === 1 ? 'it' : 'them'} alone.`;
}

export function formatLeakAudit(report: LeakAuditReport): string[] {
  const kinds = report.comparisons.length > 1 ? `; real compared with all fakes, with imported AI and with forged apart` : '';
  const head = `Leak audit (${report.nReal} real, ${report.nFake} fake${kinds}; threshold AUC ${report.threshold})`;
  if (!report.applicable) return [head, `Not applicable: ${report.reason ?? 'a class is missing.'}`];
  const leaks = report.properties.filter((p) => p.status === 'leak');
  const accepted = report.properties.filter((p) => p.status === 'accepted');
  const verdict = report.failed
    ? `FAILED: ${leaks.length} propert${leaks.length === 1 ? 'y separates' : 'ies separate'} real from fake on its own (worst AUC ${report.worstAuc.toFixed(3)}).`
    : `Passed: no property separates real from fake above the threshold${accepted.length > 0 ? ` except ${accepted.length} accepted knowingly` : ''} (worst AUC ${report.worstAuc.toFixed(3)}).${raisedPast(report)}`;
  // With several comparisons: the worst AUC, where it occurs, then each comparison's AUC; medians are the worst one's.
  const multi = report.comparisons.length > 1;
  const rows = [
    ['property', 'AUC', ...(multi ? ['worst vs', ...report.comparisons.map((c) => `${c.label} (${c.nFake})`)] : []), 'higher in', 'real median', 'fake median', 'status'],
    ...report.properties.map((p) => [
      p.name, p.auc.toFixed(3), ...(multi ? [p.worstIn, ...p.aucs.map((a) => a.toFixed(3))] : []),
      p.higherIn, fmt(p.realMedian), fmt(p.fakeMedian), p.status === 'leak' ? 'LEAK' : p.status,
    ]),
  ];
  const lines = [head, verdict, ...(report.caution ? [report.caution] : []), '', ...table(rows)];
  const explain = [...leaks, ...accepted];
  if (explain.length > 0) {
    lines.push('');
    for (const p of explain) {
      const where = multi ? ` Worst against ${p.worstIn === 'all fakes' ? 'all fakes together' : `the ${p.worstIn} cases`}.` : '';
      lines.push(`${p.name} (${p.status === 'leak' ? 'LEAK' : 'accepted'}): ${p.why}${where} What to do: ${p.advice}.`);
    }
  }
  return lines;
}
