import type {
  ApplicationEvent,
  ApplicationKind,
  Channel,
  Outcome,
  Stage,
} from '../applications/application.ts';

/**
 * One application as insights needs it: a row's few fields plus its full event history. The
 * funnel is always derived from `events`, never from a stored status.
 */
export interface InsightApplication {
  id: string;
  events: readonly ApplicationEvent[];
  channel: Channel;
  role: string;
  tags: readonly string[];
  kind: ApplicationKind;
  /** The date the user says it went out; when absent, the first move to applied in the history is used. */
  appliedOn?: string | null;
}

/** What the user narrowed the view to. Every field is optional; all given ones must match. */
export interface InsightFilters {
  /** Applied on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Applied on or before this day (YYYY-MM-DD). */
  to?: string;
  channel?: Channel;
  /** Case-insensitive substring of the role. */
  role?: string;
  tag?: string;
  kind?: ApplicationKind;
}

/** Everything the history says about one application, folded once. */
export interface AppSummary {
  id: string;
  channel: Channel;
  role: string;
  tags: readonly string[];
  kind: ApplicationKind;
  /** Index into STAGES of the furthest stage ever reached (undone moves excluded). */
  furthest: number;
  /** First day each stage was explicitly reached, by stage index; undefined when skipped or never reached. */
  reachedOn: (string | undefined)[];
  /** The day it went out (the user's date when given, else the first move to applied or beyond). */
  appliedOn: string | null;
  /** First day the employer was heard from: a move past applied, a round, a reply or a rejection. */
  firstResponseOn: string | null;
  /** The outcome in force now (a reopen clears it). */
  outcome: Outcome | null;
  closedOn: string | null;
  /** The stage the card sits in now. */
  stage: Stage;
  /**
   * Day numbers folded once with the summary, so a funnel over thousands of applications does no
   * date arithmetic: `appliedOn` as days since 1970 (null when not sent), days from sending to the
   * first answer (null without both), and days between consecutive funnel stages (index 0 is
   * applied → screening; undefined where either end has no date of its own).
   */
  appliedDay: number | null;
  firstResponseDays: number | null;
  stageGapDays: readonly (number | undefined)[];
}
