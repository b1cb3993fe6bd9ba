import type { ShareScope } from '../accounts/scopes.ts';

/** One read in the seeker's view log (the fields grouping needs). */
export interface LoggedView {
  id: string;
  shareId: string;
  coachEmail: string;
  viewerName: string;
  scope: ShareScope;
  what: string;
  viewedAt: string;
}

/** A coach's visit: their reads through one share, each within `VISIT_GAP_MINUTES` of the next. */
export interface Visit {
  /** The id of the visit's latest read. */
  id: string;
  shareId: string;
  coachEmail: string;
  viewerName: string;
  /** First and last read (ISO instants). */
  from: string;
  to: string;
  /** The parts read, in the order first read; each once. */
  scopes: ShareScope[];
  /** The requests made, in the order first made; each once. */
  whats: string[];
  /** How many reads the visit holds (every one stays in the log). */
  reads: number;
}

/** Reads further apart than this start a new visit. */
export const VISIT_GAP_MINUTES = 10;

/**
 * The view log as visits: opening a seeker's job search makes several reads at once (and again
 * when the coach comes back to the tab), one line each said the same coach looked twice in a
 * minute. Takes the log newest first, as the server answers it, and gives visits newest first.
 * Pure: the log itself keeps every read.
 */
export function visitsOf(views: readonly LoggedView[], gapMinutes = VISIT_GAP_MINUTES): Visit[] {
  const gap = gapMinutes * 60_000;
  const oldestFirst = [...views].sort(
    (a, b) => a.viewedAt.localeCompare(b.viewedAt) || a.id.localeCompare(b.id),
  );
  const open = new Map<string, Visit>();
  const visits: Visit[] = [];
  for (const v of oldestFirst) {
    const key = `${v.shareId}\u0000${v.coachEmail}`;
    let visit = open.get(key);
    if (!visit || Date.parse(v.viewedAt) - Date.parse(visit.to) > gap) {
      visit = {
        id: v.id,
        shareId: v.shareId,
        coachEmail: v.coachEmail,
        viewerName: v.viewerName,
        from: v.viewedAt,
        to: v.viewedAt,
        scopes: [],
        whats: [],
        reads: 0,
      };
      open.set(key, visit);
      visits.push(visit);
    }
    visit.id = v.id;
    visit.to = v.viewedAt;
    visit.viewerName = v.viewerName;
    visit.reads += 1;
    if (!visit.scopes.includes(v.scope)) visit.scopes.push(v.scope);
    if (!visit.whats.includes(v.what)) visit.whats.push(v.what);
  }
  return visits.sort((a, b) => b.to.localeCompare(a.to) || b.id.localeCompare(a.id));
}
