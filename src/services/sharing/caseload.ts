import type { ShareScope } from '../../core/accounts/scopes.ts';
import { addDays, localDate } from '../../core/dates.ts';
import {
  attentionFor,
  FOLLOW_UP_KINDS,
  lastActivityAt,
  REJECTION_WINDOW_DAYS,
  type SeekerFacts,
  STALLED_DAYS,
  sortCaseload,
} from '../../core/sharing/attention.ts';
import type { CaseloadEntry } from '../../core/sharing/schemas.ts';
import type { GoalKind } from '../../core/wellbeing/goals.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import * as repo from '../../store/caseload-repository.ts';
import type { AccountsContext, Principal } from '../accounts/accounts.ts';
import { defaultTimeZone } from '../context.ts';
import { coachWorkspaces } from './coach-access.ts';

function validZone(value: unknown): string {
  if (typeof value === 'string' && value !== '') {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value;
    } catch {
      // an unknown zone falls back, as settings do
    }
  }
  return defaultTimeZone();
}

function groupBy<T extends { workspace_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.workspace_id);
    if (list) list.push(r);
    else out.set(r.workspace_id, [r]);
  }
  return out;
}

/**
 * The coach's caseload: every seeker sharing with them today, with "needs attention" signals,
 * most urgent first. Each source is read once for all seekers that shared its scope (grouped by
 * workspace in SQL), never for the others: a signal needs its scope.
 */
export async function getCaseload(
  ctx: AccountsContext,
  principal: Principal,
  options: { quietDays?: number } = {},
): Promise<CaseloadEntry[]> {
  const seekers = await coachWorkspaces(ctx, principal);
  if (seekers.length === 0) return [];
  const now = ctx.clock.now();
  const withScope = (...scopes: ShareScope[]) =>
    seekers.filter((s) => scopes.some((sc) => s.scopes.includes(sc))).map((s) => s.workspaceId);
  const apps = withScope('applications');
  const goals = withScope('goals');
  const appsOrGoals = withScope('applications', 'goals');
  const follow = withScope('contacts', 'notes');
  const utcToday = localDate(now, 'UTC');
  // Seekers' days differ from UTC by at most a day: read a day wider, judge each in its own zone.
  const lastWeek = weekOf(addDays(utcToday, -7));
  const [zones, lastApps, lastGoals, applications, followUps, plan] = await Promise.all([
    repo.timeZonesOf(
      ctx.db,
      seekers.map((s) => s.workspaceId),
    ),
    repo.lastApplicationChange(ctx.db, apps),
    repo.lastGoalsChange(ctx.db, goals),
    repo.caseloadApplications(ctx.db, appsOrGoals, {
      rejectedSince: addDays(utcToday, -REJECTION_WINDOW_DAYS),
      // Only applications that may be stalled in the seeker's own day (a day wider than UTC's).
      stageSinceBy: addDays(utcToday, -(STALLED_DAYS - 1)),
      sentFrom: addDays(lastWeek.weekStart, -1),
      sentTo: addDays(lastWeek.weekEnd, 1),
    }),
    repo.overdueFollowUps(
      ctx.db,
      follow,
      [...FOLLOW_UP_KINDS.contacts, ...FOLLOW_UP_KINDS.notes],
      addDays(utcToday, 2),
    ),
    repo.planFacts(ctx.db, goals, addDays(lastWeek.weekStart, -1), addDays(lastWeek.weekEnd, 1)),
  ]);
  const appsBy = groupBy(applications);
  const followBy = groupBy(followUps);
  const goalsBy = groupBy(plan.goals);
  const logsBy = groupBy(plan.logs);
  const progressBy = groupBy(plan.progress);

  const entries = seekers.map((s) => {
    const has = (scope: ShareScope) => s.scopes.includes(scope);
    const ws = s.workspaceId;
    const zone = validZone(zones.get(ws));
    const facts: SeekerFacts = {
      scopes: s.scopes,
      today: localDate(now, zone),
      sharedSince: s.sharedSince,
      lastActivity: {
        ...(has('applications') ? { applications: lastApps.get(ws) ?? null } : {}),
        ...(has('goals') ? { goals: lastGoals.get(ws) ?? null } : {}),
      },
    };
    const rows = appsBy.get(ws) ?? [];
    if (has('applications')) {
      facts.rejectedOn = rows.flatMap((r) => (r.outcome === 'rejected' && r.closed_on ? [r.closed_on] : []));
      facts.openLateStage = rows
        .filter((r) => r.outcome === null && r.since !== null)
        .map((r) => ({ company: r.company, stage: r.stage, since: r.since }));
    }
    if (has('contacts') || has('notes')) {
      facts.followUps = (followBy.get(ws) ?? []).map((r) => ({ kind: r.kind, dueOn: r.day, count: r.n }));
    }
    if (has('goals')) {
      facts.plan = {
        goals: (goalsBy.get(ws) ?? []).map((g) => ({
          id: g.id,
          kind: g.kind as GoalKind,
          target: g.target,
          unit: g.unit,
          ...(g.label ? { label: g.label } : {}),
          ...(g.week_start ? { weekStart: g.week_start } : {}),
          setOn: localDate(new Date(g.created_at), zone),
        })),
        applied: rows.map((r) => r.sent_on),
        timeLogs: (logsBy.get(ws) ?? []).map((l) => ({
          channel: l.channel,
          on: l.logged_on,
          minutes: l.minutes,
        })),
        progress: (progressBy.get(ws) ?? []).map((p) => ({
          goalId: p.goal_id,
          on: p.done_on,
          amount: p.amount,
        })),
      };
    }
    return {
      workspaceId: ws,
      shareId: s.shareId,
      name: s.name,
      email: s.email,
      scopes: s.scopes,
      endsOn: s.endsOn,
      lastActivityAt: lastActivityAt(facts),
      attention: attentionFor(facts, options),
    };
  });
  return sortCaseload(entries);
}
