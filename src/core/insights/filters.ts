import type { AppSummary, InsightFilters } from './types.ts';

/**
 * Keeps the applications that match every given filter. The period applies to the day an
 * application went out, so saved-only ones fall outside any period.
 */
export function applyFilters(apps: readonly AppSummary[], filters: InsightFilters = {}): AppSummary[] {
  const role = filters.role?.trim().toLowerCase() || null;
  const tag = filters.tag?.trim().toLowerCase() || null;
  const hasPeriod = filters.from !== undefined || filters.to !== undefined;
  return apps.filter((a) => {
    if (filters.channel !== undefined && a.channel !== filters.channel) return false;
    if (filters.kind !== undefined && a.kind !== filters.kind) return false;
    if (role !== null && !a.role.toLowerCase().includes(role)) return false;
    if (tag !== null && !a.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (hasPeriod) {
      if (a.appliedOn === null) return false;
      if (filters.from !== undefined && a.appliedOn < filters.from) return false;
      if (filters.to !== undefined && a.appliedOn > filters.to) return false;
    }
    return true;
  });
}
