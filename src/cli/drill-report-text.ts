import { countOf, correctedNote, criterionWords, figureRows, funnel, hintRows, num, prevalenceLine, publishedComparisons, readerDPrime, type DrillReport,
  type DrillRunReport, type Row, } from '../domain/index.js';
import type { DrillFileStatus } from '../delivery/index.js';

/**
 * The drill report as plain text (the terminal) and as a standalone printable HTML page (--html), from the same rows
 * the game's dashboard shows (domain/readiness/report-words.ts). HTML text is escaped: names come from readers' files.
 */
const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

function deptRows(r: DrillRunReport): Row[] {
  return [
    ...figureRows(r.department),
    { label: "Mean of the readers' d'", value: num(r.meanDPrime), ...(correctedNote(r.readers) ? { note: correctedNote(r.readers) as string } : {}) },
    { label: "Mean of the readers' criterion c", value: criterionWords(r.meanCriterion) },
  ];
}

function readerCells(r: DrillRunReport): string[][] {
  const hinted = r.run.hintAccuracy !== null;
  const head = ['Reader', 'Fakes noticed', 'False flags', 'Time to flag', "d'", 'c', 'Tell named', ...(hinted ? ['Badge right / wrong / none'] : [])];
  return [head, ...r.readers.map((x) => [
    x.readerId, `${x.fakesFlagged} of ${x.fakesShown}`, `${x.falseFlags} of ${x.authenticShown}`,
    x.medianSecondsToFlag === null ? 'n/a' : `${x.medianSecondsToFlag.toFixed(1)} s`, readerDPrime(x.sdt), num(x.sdt?.criterion ?? null),
    `${x.tellNamedRight} of ${x.fakesFlagged}`, ...(hinted ? [`${pct(x.byHint.right.accuracy)} / ${pct(x.byHint.wrong.accuracy)} / ${pct(x.byHint.none.accuracy)}`] : []),
  ])];
}

function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

export function drillReportText(report: DrillReport, files: readonly DrillFileStatus[], notes: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of report.runs) {
    out.push(`== ${r.run.title} (${r.run.date.slice(0, 10)}, ${r.readers.length} reader${r.readers.length === 1 ? '' : 's'})`, prevalenceLine(r.run), '');
    out.push('The department (all readers pooled):', ...deptRows(r).map((x) => `  ${x.label}: ${x.value}${x.note ? ` (${x.note})` : ''}`));
    out.push(`Funnel over the fakes: ${funnel(r.department).map((s) => `${s.label} ${s.n}`).join(' -> ')}`);
    if (r.run.hintAccuracy !== null) out.push('Accuracy by AI-hint condition:', ...hintRows(r.department).map((x) => `  ${x.label}: ${x.value}; ${x.note}`));
    out.push('', ...table(readerCells(r)), '', 'Beside the published figures:');
    for (const c of publishedComparisons(r)) out.push(`  - Published: ${c.published} (${c.source})`, `    Here: ${c.yours}`, `    Caveat: ${c.caveat}`);
    out.push('');
  }
  if (report.trend.length > 1) {
    out.push('== Trend across drills (oldest first)', ...table([
      ['Drill', 'Prevalence', 'Readers noticing', 'Fakes noticed', 'False flags', "Mean d'"],
      ...report.trend.map((t) => [`${t.date.slice(0, 10)} ${t.title}`, pct(t.prevalence), `${t.readersWhoNoticed} of ${t.readersShownAFake}`, pct(t.noticedRate), pct(t.falseFlagRate), num(t.meanDPrime)]),
    ]), '');
  }
  out.push(...notes.map((n) => `Note: ${n}`));
  out.push('Files:', ...files.map((f) => `  ${f.status.padEnd(10)} ${f.name}: ${f.message}`));
  return out;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function rowsHtml(caption: string, rows: readonly Row[]): string {
  return `<table><caption>${esc(caption)}</caption><tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${esc(r.value)}${r.note ? `<br><small>${esc(r.note)}</small>` : ''}</td></tr>`).join('')}</tbody></table>`;
}

function gridHtml(caption: string, cells: readonly string[][]): string {
  const [head, ...body] = cells;
  return `<table><caption>${esc(caption)}</caption><thead><tr>${(head ?? []).map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** A self-contained page (no script, no external file) that prints on A4 or Letter. */
export function drillReportHtml(report: DrillReport, files: readonly DrillFileStatus[], notes: readonly string[], generatedAt: string): string {
  const runs = report.runs.map((r) => `<section><h2>${esc(r.run.title)} (${esc(r.run.date.slice(0, 10))}, ${r.readers.length} readers)</h2>
<p>${esc(prevalenceLine(r.run))}</p>
${rowsHtml('The department (all readers pooled)', deptRows(r))}
<p><strong>Funnel over the fakes:</strong> ${funnel(r.department).map((s) => `${esc(s.label)} ${s.n}`).join(' &rarr; ')}</p>
${r.run.hintAccuracy !== null ? rowsHtml('Accuracy by AI-hint condition', hintRows(r.department)) : ''}
${gridHtml('Per reader', readerCells(r))}
${gridHtml('Beside the published figures', [['Published', 'Here'], ...publishedComparisons(r).map((c) => [`${c.published} (${c.source}). ${c.caveat}`, c.yours])])}
</section>`).join('\n');
  const trend = report.trend.length > 1
    ? gridHtml('Trend across drills', [['Drill', 'Prevalence', 'Readers noticing', 'Fakes noticed', 'False flags', "Mean d'"], ...report.trend.map((t) => [`${t.date.slice(0, 10)} ${t.title}`, pct(t.prevalence), `${t.readersWhoNoticed} of ${t.readersShownAFake}`, pct(t.noticedRate), pct(t.falseFlagRate), num(t.meanDPrime)])])
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Readiness drill report</title>
<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2rem;color:#000;background:#fff;line-height:1.4}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:bold}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #999;padding:.2rem .4rem}small{color:#333}section{break-inside:avoid-page}</style>
</head><body><h1>Readiness drill report</h1><p>Made ${esc(generatedAt)} from ${countOf(files.filter((f) => f.status === 'used').length, 'file')}.</p>
${runs}
${trend}
${notes.length > 0 ? `<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h2>Files</h2><ul>${files.map((f) => `<li>${esc(f.status)}: ${esc(f.name)}: ${esc(f.message)}</li>`).join('')}</ul>
</body></html>
`;
}
