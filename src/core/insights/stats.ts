/** The median of a list of numbers, or null when it is empty. Sorts a copy. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Days since 1970-01-01 for a YYYY-MM-DD string, read digit by digit (no Date, no regex): the
 * funnel takes many day differences per application, and this keeps 10,000 applications fast.
 * The input must already be a valid date; `daysBetween` in dates.ts is the checked version.
 */
export function dayNumber(date: string): number {
  // No inner helper function on purpose: this runs ~100,000 times per insights call.
  let y =
    date.charCodeAt(0) * 1000 +
    date.charCodeAt(1) * 100 +
    date.charCodeAt(2) * 10 +
    date.charCodeAt(3) -
    53328;
  const m = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  const day = date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
