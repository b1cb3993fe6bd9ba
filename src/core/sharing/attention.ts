/**
 * The caseload's "needs attention" signals: pure, from a few facts read per seeker and the day it
 * is for that seeker. Each signal is worked out only from scopes the seeker shared; a signal whose
 * scope was not shared is never raised (nor hinted at).
 */
import type { ShareScope } from '../accounts/scopes.ts';
import { addDays, daysBetween, formatDay } from '../dates.ts';
import { type GoalProgress, goalProgress, goalsOfWeek, type WeeklyGoal } from '../wellbeing/goals.ts';
import { weekOf } from '../wellbeing/week.ts';

export const ATTENTION_KINDS = [
  'rejection_run',
  'quiet',
  'overdue_followups',
  'plan_missed',
  'stalled',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The scopes each signal reads; any one of them is enough (each reads only what is shared). */
export const ATTENTION_SCOPES: Record<AttentionKind, readonly ShareScope[]> = {
  /** Last change in applications (applications) or in logged time, goal progress and wins (goals). */
  quiet: ['applications', 'goals'],
  /** Contact touches (contacts); feedback e-mails to send or chase and post-mortem tasks (notes). */
  overdue_followups: ['contacts', 'notes'],
  rejection_run: ['applications'],
  plan_missed: ['goals'],
  stalled: ['applications'],
};

/** How much each signal weighs in the caseload's order (a run of rejections first). */
const WEIGHT: Record<AttentionKind, number> = {
  rejection_run: 16,
  quiet: 8,
  overdue_followups: 4,
  plan_missed: 2,
  stalled: 1,
};

export const DEFAULT_QUIET_DAYS = 10;
export const STALLED_DAYS = 21;
export const REJECTION_RUN = 3;
export const REJECTION_WINDOW_DAYS = 7;

export interface Attention {
  kind: AttentionKind;
  reason: string;
}

/** Follow-up kinds of the schedule, by the scope that lets a coach count them. */
export const FOLLOW_UP_KINDS: Record<'contacts' | 'notes', readonly string[]> = {
  contacts: ['contact_touch'],
  notes: ['feedback_send', 'feedback_chase', 'action_item'],
};

/** What was read about one seeker; a field is only filled when its scope was shared. */
export interface SeekerFacts {
  scopes: readonly ShareScope[];
  /** The seeker's own calendar day now. */
  today: string;
  /** When the oldest active share began (ISO): no "quiet" before a coach could have seen anything. */
  sharedSince: string;
  /** Latest change per source: applications (applications), logs/progress/wins (goals). */
  lastActivity: { applications?: string | null; goals?: string | null };
  /** Days of rejections (closed_on) lately (applications). */
  rejectedOn?: readonly string[];
  /** Open applications past "applied" with the day they reached their current stage (applications). */
  openLateStage?: readonly { company: string; stage: string; since: string | null }[];
  /** Follow-ups by kind and due day (their scopes). */
  followUps?: readonly { kind: string; dueOn: string; count: number }[];
  /**
   * Weekly goals, each with the seeker's day it was set (a goal set this week was not part of
   * last week's plan), and last week's activity (goals).
   */
  plan?: {
    goals: readonly (WeeklyGoal & { setOn?: string })[];
    applied: readonly (string | null)[];
    timeLogs: readonly { channel: string; on: string; minutes: number }[];
    progress: readonly { goalId: string; on: string; amount: number }[];
  };
}

const has = (facts: SeekerFacts, kind: AttentionKind) =>
  ATTENTION_SCOPES[kind].some((s) => facts.scopes.includes(s));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The latest activity among the shared sources, or null. */
export function lastActivityAt(facts: SeekerFacts): string | null {
  let latest: string | null = null;
  const consider = (scope: ShareScope, at: string | null | undefined) => {
    if (at && facts.scopes.includes(scope) && (latest === null || at > latest)) latest = at;
  };
  consider('applications', facts.lastActivity.applications);
  consider('goals', facts.lastActivity.goals);
  return latest;
}

function lastWeekPlan(plan: NonNullable<SeekerFacts['plan']>, today: string): GoalProgress[] {
  const { weekStart } = weekOf(addDays(today, -7));
  const thisWeekStart = weekOf(today).weekStart;
  return goalProgress(
    goalsOfWeek(plan.goals, weekStart).filter((g) => g.setOn === undefined || g.setOn < thisWeekStart),
    {
      applications: plan.applied.map((on, i) => ({ id: String(i), events: [], appliedOn: on })),
      networking: plan.timeLogs
        .filter((l) => l.channel === 'networking' || l.channel === 'referral')
        .map((l) => ({ on: l.on, minutes: l.minutes })),
      learning: plan.timeLogs
        .filter((l) => l.channel === 'learning')
        .map((l) => ({ on: l.on, minutes: l.minutes })),
      custom: plan.progress,
    },
    weekStart,
  );
}

/** The signals for one seeker, most urgent first. */
export function attentionFor(facts: SeekerFacts, options: { quietDays?: number } = {}): Attention[] {
  const out: Attention[] = [];
  const { today } = facts;
  const quietDays = options.quietDays ?? DEFAULT_QUIET_DAYS;

  if (has(facts, 'rejection_run') && facts.rejectedOn) {
    const since = addDays(today, -(REJECTION_WINDOW_DAYS - 1));
    const n = facts.rejectedOn.filter((d) => d >= since && d <= today).length;
    if (n >= REJECTION_RUN) {
      out.push({
        kind: 'rejection_run',
        reason: `${plural(n, 'rejection')} in the last ${REJECTION_WINDOW_DAYS} days: a good moment for a check-in.`,
      });
    }
  }

  if (has(facts, 'quiet')) {
    const last = lastActivityAt(facts);
    const lastDay = (last ?? facts.sharedSince).slice(0, 10);
    const days = daysBetween(lastDay, today);
    if (days >= quietDays) {
      out.push({
        kind: 'quiet',
        reason:
          last === null
            ? `Nothing recorded in the ${days} days since sharing began.`
            : `No activity for ${days} days (last on ${lastDay}).`,
      });
    }
  }

  if (has(facts, 'overdue_followups') && facts.followUps) {
    const allowed = new Set(
      (['contacts', 'notes'] as const)
        .filter((s) => facts.scopes.includes(s))
        .flatMap((s) => FOLLOW_UP_KINDS[s]),
    );
    let n = 0;
    let oldest: string | null = null;
    for (const f of facts.followUps) {
      if (!allowed.has(f.kind) || f.dueOn >= today) continue;
      n += f.count;
      if (oldest === null || f.dueOn < oldest) oldest = f.dueOn;
    }
    if (n > 0) {
      out.push({
        kind: 'overdue_followups',
        reason: `${plural(n, 'follow-up')} overdue, the oldest since ${formatDay(oldest ?? '')}.`,
      });
    }
  }

  if (has(facts, 'plan_missed') && facts.plan && facts.plan.goals.length > 0) {
    const progress = lastWeekPlan(facts.plan, today);
    const missed = progress.filter((p) => !p.met);
    if (missed.length > 0) {
      const first = missed[0]!;
      out.push({
        kind: 'plan_missed',
        reason: `Last week's plan: ${progress.length - missed.length} of ${plural(progress.length, 'goal')} met (${first.step ? first.title : first.unit}: ${first.done} of ${first.target}).`,
      });
    }
  }

  if (has(facts, 'stalled') && facts.openLateStage) {
    const stalled = facts.openLateStage
      .filter((a) => a.since !== null && daysBetween(a.since, today) >= STALLED_DAYS)
      .sort((a, b) => (a.since! < b.since! ? -1 : a.since! > b.since! ? 1 : 0));
    if (stalled.length > 0) {
      const first = stalled[0]!;
      const days = daysBetween(first.since!, today);
      out.push({
        kind: 'stalled',
        reason:
          stalled.length === 1
            ? `${first.company} has been at ${first.stage} for ${days} days.`
            : `${stalled.length} applications stuck at one stage for ${STALLED_DAYS}+ days (${first.company}: ${first.stage}, ${days} days).`,
      });
    }
  }

  return out.sort((a, b) => WEIGHT[b.kind] - WEIGHT[a.kind]);
}

/** A seeker's urgency: the weights of their signals added up. */
export function urgency(attention: readonly Attention[]): number {
  return attention.reduce((s, a) => s + WEIGHT[a.kind], 0);
}

/** Most urgent first; then the longest quiet (no activity at all first); then by name. */
export function sortCaseload<
  T extends { attention: readonly Attention[]; lastActivityAt: string | null; name: string },
>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    const u = urgency(b.attention) - urgency(a.attention);
    if (u !== 0) return u;
    const la = a.lastActivityAt ?? '';
    const lb = b.lastActivityAt ?? '';
    if (la !== lb) return la < lb ? -1 : 1;
    return a.name.localeCompare(b.name);
  });
}
