/**
 * Writes rows as CSV (RFC 4180: comma-separated, CRLF, quotes doubled) that spreadsheet programs
 * open safely: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
 * as a formula, so it is prefixed with `'` (CSV injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised against formulas and quoted when it needs to be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole table; starts with a UTF-8 byte-order mark so Excel reads accents correctly. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const lines = [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
