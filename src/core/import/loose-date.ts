/**
 * Dates as trackers and spreadsheets write them. Every result is a calendar day (YYYY-MM-DD).
 *
 * The M/D vs D/M rule: a date written with slashes or dashes (`7/6/23`, `06-07-2023`) is read
 * month-first, as LinkedIn and US spreadsheets write it, unless its first part is over 12
 * (`25/06/2023` can only be day-first) or the caller says the column is day-first
 * (see `detectDateOrder`, which looks at the whole column). Dotted dates (`6.7.2023`) are always
 * day-first: that is how the locales that use dots write them.
 */
import { isIsoDate } from '../dates.ts';

export type DateOrder = 'mdy' | 'dmy';

const EMPTY = /^(|n\/?a|none|null|-+|—|tbd|unknown|\?)$/i;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[T\s,])/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})\b/i;
const MONTH_NAME_DAY = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/**
 * Reads a date a person or a tracker typed: ISO (`2023-07-06`, `2023-07-06 14:20`,
 * `2023-07-06T14:20:00Z`), numeric (`7/6/23, 2:20 PM`, `06/07/2023`, `6.7.2023`), with a month
 * name (`6 Jul 2023`, `Jul 6, 2023`, `Thursday, July 6 2023`) or an Excel serial day (`45113`).
 * Placeholders (`N/A`, `-`, empty) and anything unreadable give null. The time of day is dropped.
 */
export function parseLooseDate(input: string | null | undefined, order: DateOrder = 'mdy'): string | null {
  const s = (input ?? '').trim();
  if (EMPTY.test(s)) return null;
  let m = ISO.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]!);
    const dayFirst = m[2] === '.' || order === 'dmy' || a > 12;
    return dayFirst ? ymd(year, b, a) : ymd(year, a, b);
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) return ymd(fullYear(m[3]!), monthNumber(m[2]!), Number(m[1]));
  m = MONTH_NAME_DAY.exec(s);
  if (m) return ymd(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerial(Number(s));
  return null;
}

/**
 * Decides whether a column of numeric dates is day-first: if any value's first part is over 12
 * and none has its second part over 12, the column is `dmy`; otherwise `mdy`.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (!m || m[2] === '.') continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  return dayFirst && !monthFirst ? 'dmy' : 'mdy';
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()] ?? 0;
}

function ymd(y: number, m: number, d: number): string | null {
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); only plausible years are read. */
function excelSerial(serial: number): string | null {
  if (serial < 25_000 || serial > 80_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
