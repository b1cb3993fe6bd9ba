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
 * Strict, so "31/02/2026" or a stray word is not silently turned into another day.
 * Returns YYYY-MM-DD or null.
 */
export function parseTypedDate(text: string, locale?: string): string | null {
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  // Strict parsing compares against the formatted result, so "03" must become "3" first.
  const unpadded = value.replace(/\b0(\d)/g, '$1');
  const slashed = unpadded.replace(/(\d)\s*[./-]\s*(?=\d)/g, '$1/');
  const numeric = localeNumericFormat(locale);
  const tries: Array<[string, string]> = [
    [value, 'YYYY-MM-DD'],
    ...NAMED_FORMATS.map((f): [string, string] => [unpadded, f]),
    [slashed, numeric],
    [slashed, numeric.replace('YYYY', 'YY')],
  ];
  for (const [input, format] of tries) {
    const parsed = dayjs(input, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}

const NAMED_FORMATS = [
  DATE_FORMAT,
  'D MMMM YYYY',
  'D MMM, YYYY',
  'MMM D YYYY',
  'MMM D, YYYY',
  'MMMM D, YYYY',
];
