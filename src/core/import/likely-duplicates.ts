import { normaliseCompanyName, normaliseRoleTitle } from '../company-name.ts';
import { daysBetween } from '../dates.ts';

/**
 * An imported row that is probably an application already in Rebound under another source (typed
 * by hand, or from another tracker): same company and role once case, punctuation and legal
 * suffixes are set aside, applied within a few weeks of each other.
 */

/** What to do with such a row: fill the existing application's blanks, leave it out, or add it anyway. */
export const DUPLICATE_ACTIONS = ['merge', 'skip', 'keep'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

/** Days apart two applied dates may be and still be the same application. */
export const DUPLICATE_WINDOW_DAYS = 30;

export interface ExistingApplicationKey {
  id: string;
  company: string;
  role: string;
  appliedOn: string | null;
  /** YYYY-MM-DD the application was added; stands in for a missing applied date. */
  createdOn: string;
}

export interface DuplicateMatcher {
  /** The existing application this row most likely repeats, or undefined. */
  find(row: { company: string; role: string; appliedOn: string | null }): ExistingApplicationKey | undefined;
}

const key = (company: string, role: string) =>
  `${normaliseCompanyName(company)}\u0000${normaliseRoleTitle(role)}`;

/** Indexes the workspace's applications once; each lookup is then one map read. */
export function duplicateMatcher(
  existing: readonly ExistingApplicationKey[],
  windowDays: number = DUPLICATE_WINDOW_DAYS,
): DuplicateMatcher {
  const byKey = new Map<string, ExistingApplicationKey[]>();
  for (const e of existing) {
    const k = key(e.company, e.role);
    const list = byKey.get(k);
    if (list) list.push(e);
    else byKey.set(k, [e]);
  }
  return {
    find(row) {
      const candidates = byKey.get(key(row.company, row.role));
      if (!candidates) return undefined;
      if (row.appliedOn === null) return candidates[0];
      let best: ExistingApplicationKey | undefined;
      let bestGap = Number.POSITIVE_INFINITY;
      for (const c of candidates) {
        const gap = Math.abs(daysBetween(c.appliedOn ?? c.createdOn, row.appliedOn));
        if (gap <= windowDays && gap < bestGap) {
          best = c;
          bestGap = gap;
        }
      }
      return best;
    },
  };
}
