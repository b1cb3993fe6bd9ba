import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** How dates are shown in every date field: "3 Nov 2026". */
export const DATE_FORMAT = 'D MMM YYYY';

/**
 * The numeric order the person's locale writes dates in: "D/M/YYYY" for en-GB or de-DE,
 * "M/D/YYYY" for en-US, "YYYY/M/D" for ja-JP. Separators are matched loosely.
 */
export function localeNumericFormat(locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(Date.UTC(2026, 10, 27)))
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => (p.type === 'year' ? 'YYYY' : p.type === 'month' ? 'M' : 'D'));
  return parts.join('/');
}

/**
 * Reads a date a person typed: the display format ("3 Nov 2026", "3 November 2026"), ISO
 * (2026-11-03), or the locale's own numeric order (3/11/2026 in the UK, 11/3/2026 in the US).
 * A year in two digits (3/11/26) is 20xx, but not `whileTyping`: typed key by key, 24/11/2026
 * passes through 24/11/20, which is half a year, not 24 Nov 2020. So the field reads each key
 * `whileTyping` and takes two digits only once the person is done (Enter, or leaving the field).
 * Strict, so "31/02/2026" or a stray word is not silently turned into another day.
 * Returns YYYY-MM-DD or null.
 */
export function parseTypedDate(
  text: string,
  locale?: string,
  options: { whileTyping?: boolean } = {},
): string | null {
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  // Strict parsing compares against the formatted result, so "03" must become "3" first.
  const unpad = (s: string) => s.replace(/\b0(\d)/g, '$1');
  const slashed = (s: string) => unpad(s).replace(/(\d)\s*[./-]\s*(?=\d)/g, '$1/');
  const numeric = localeNumericFormat(locale);
  const fullYear = options.whileTyping ? null : withCentury(value, numeric);
  const tries: Array<[string, string]> = [
    [value, 'YYYY-MM-DD'],
    ...NAMED_FORMATS.map((f): [string, string] => [unpad(value), f]),
    [slashed(value), numeric],
    ...(fullYear === null ? [] : [[slashed(fullYear), numeric] as [string, string]]),
  ];
  for (const [input, format] of tries) {
    const parsed = dayjs(input, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}

/**
 * "3/11/26" as "3/11/2026" (the year where the locale's order puts it, in two digits): 20xx,
 * the century a job search happens in. Null when the text is not three numbers with such a year.
 */
function withCentury(value: string, numeric: string): string | null {
  const parts = value.split(/\s*[./-]\s*/);
  const at = numeric.split('/').indexOf('YYYY');
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p)) || !/^\d{2}$/.test(parts[at] ?? ''))
    return null;
  parts[at] = `20${parts[at]}`;
  return parts.join('/');
}

const NAMED_FORMATS = [
  DATE_FORMAT,
  'D MMMM YYYY',
  'D MMM, YYYY',
  'MMM D YYYY',
  'MMM D, YYYY',
  'MMMM D, YYYY',
];
