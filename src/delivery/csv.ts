/**
 * CSV (RFC 4180) for spreadsheets, with formula injection neutralised: a cell that a spreadsheet would run as a
 * formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP's "CSV
 * Injection" guidance advises. Display names are the readers' own text, so this matters: "=HYPERLINK(...)" is a
 * name a resident can type.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: readonly (string | number | boolean | null)[]): string => cells.map(csvCell).join(',');

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return `${[csvRow(header), ...rows.map(csvRow)].join('\r\n')}\r\n`;
}
