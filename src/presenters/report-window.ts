/**
 * Scrolling a long build report inside a fixed box. Pure, so it is tested in Node. The report is drawn in a 12 px
 * fixed-width face (its leak-audit table needs aligned columns), so wrapping is done here, by characters: glyphs
 * advance 0.6 em = 7.2 px and a line with the UI's 3 px spacing takes about 17 px (both rounded up). Phaser's own
 * word wrap would collapse the runs of spaces that align the table.
 */
const LINE_PX = 18;
const CHAR_PX = 7.3;

/** Splits one line into rows of at most `width` characters, at a space where there is one, keeping inner spaces. */
export function wrapFixed(line: string, width: number): string[] {
  const rows: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    rows.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  rows.push(rest);
  return rows;
}

/**
 * The report from line `top` on, as rows that fit `heightPx` x `widthPx` (a report line is never cut in two between
 * pages unless it alone is taller than the box), and whether more lines follow.
 */
export function reportWindow(report: readonly string[], top: number, heightPx: number, widthPx: number): { lines: string[]; shown: number; more: boolean } {
  const perLine = Math.max(10, Math.floor(widthPx / CHAR_PX));
  const budget = Math.max(1, Math.floor(heightPx / LINE_PX));
  const lines: string[] = [];
  let shown = 0;
  for (let i = top; i < report.length; i++) {
    const rows = wrapFixed(report[i] ?? '', perLine);
    if (lines.length + rows.length > budget) {
      if (shown === 0) lines.push(...rows.slice(0, budget));
      return { lines, shown: Math.max(shown, 1), more: true };
    }
    lines.push(...rows);
    shown++;
  }
  return { lines, shown, more: false };
}
