/**
 * Reads salaries as people type them in trackers: "$120,000 - $140,000", "120k–140k", "£45k",
 * "€50.000", "USD 90000", "90000". Currency comes from a symbol or an ISO code when present.
 */

export interface SalaryRange {
  min: number | null;
  max: number | null;
  currency: string | null;
}

const SYMBOLS: Record<string, string> = {
  R$: 'BRL',
  A$: 'AUD',
  C$: 'CAD',
  NZ$: 'NZD',
  S$: 'SGD',
  HK$: 'HKD',
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '₹': 'INR',
  '¥': 'JPY',
  '₩': 'KRW',
  '₽': 'RUB',
  '₪': 'ILS',
  zł: 'PLN',
  kr: 'SEK',
  fr: 'CHF',
};
/** Letter symbols ("kr") must stand alone; sign symbols may touch the figure. */
const SYMBOL_TESTS: [string | RegExp, string][] = Object.entries(SYMBOLS).map(([symbol, iso]) => [
  /^[a-z]+$/i.test(symbol) ? new RegExp(`\\b${symbol}\\b`, 'i') : symbol,
  iso,
]);
const CODE = /\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|INR|JPY|SGD|HKD|ZAR|BRL|MXN|ILS|CZK)\b/i;
const AMOUNT = /(\d{1,3}(?:[,. ]\d{3})+|\d+(?:[.,]\d+)?)\s*([kKmM])?/g;

/** A salary range; a single figure fills both min and max. Nothing readable gives all nulls. */
export function parseSalary(input: string | null | undefined): SalaryRange {
  const s = (input ?? '').trim();
  if (s === '') return { min: null, max: null, currency: null };
  const currency = parseCurrency(s);
  const amounts: number[] = [];
  for (const m of s.matchAll(AMOUNT)) {
    const value = parseAmount(m[1]!, m[2]);
    if (value !== null && value > 0) amounts.push(value);
  }
  // "120-140k": the unit after the last figure applies to a bare first one.
  if (amounts.length === 2 && amounts[0]! < 1000 && amounts[1]! >= 1000 && amounts[1]! / amounts[0]! >= 500) {
    amounts[0] = amounts[0]! * (amounts[1]! >= 1_000_000 && amounts[0]! < 100 ? 1_000_000 : 1000);
  }
  if (amounts.length === 0) return { min: null, max: null, currency };
  return { min: Math.min(...amounts.slice(0, 2)), max: Math.max(...amounts.slice(0, 2)), currency };
}

/** A currency symbol or ISO code in `s`, as an ISO code. */
export function parseCurrency(s: string | null | undefined): string | null {
  if (!s) return null;
  const code = CODE.exec(s);
  if (code) return code[1]!.toUpperCase();
  for (const [symbol, iso] of SYMBOL_TESTS)
    if (typeof symbol === 'string' ? s.includes(symbol) : symbol.test(s)) return iso;
  return null;
}

/** A plain number from "1,234" or "1.234" (thousands) or "12.5" (decimal), times k/m. */
export function parseAmount(digits: string, unit?: string): number | null {
  let normalised: string;
  if (/^\d{1,3}([,. ])\d{3}(\1\d{3})*$/.test(digits)) normalised = digits.replace(/[,. ]/g, '');
  else normalised = digits.replace(',', '.');
  const n = Number(normalised);
  if (!Number.isFinite(n)) return null;
  const factor = unit === 'k' || unit === 'K' ? 1000 : unit === 'm' || unit === 'M' ? 1_000_000 : 1;
  return Math.round(n * factor);
}
