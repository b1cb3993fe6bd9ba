/**
 * Cohort insights: the funnel, channel yields and time to a first interview across the members
 * who consented, for the whole cohort and split by tag. A group with fewer than MIN_GROUP_SIZE
 * people is suppressed (no numbers at all, not even its size), so nobody can be singled out.
 */
import { STAGES, stageIndex } from '../applications/application.ts';
import type { TimeLog } from '../channels/plan.ts';
import { channelYield } from '../channels/yield.ts';
import { funnelFromSummaries } from '../insights/funnel.ts';
import { dayNumber, median } from '../insights/stats.ts';
import type { AppSummary } from '../insights/types.ts';
import type { CohortGroup, CohortInsights } from './schemas.ts';

export const MIN_GROUP_SIZE = 5;
export const SUPPRESSED_NOTE = `fewer than ${MIN_GROUP_SIZE} people`;

export interface CohortMemberData {
  tags: readonly string[];
  apps: readonly AppSummary[];
  timeLogs: readonly TimeLog[];
}

const INTERVIEWING = stageIndex('interviewing');

/** Days from a member's first application to their first interview, or null without both. */
export function daysToFirstInterview(apps: readonly AppSummary[]): number | null {
  let firstApplied: number | null = null;
  let firstInterview: number | null = null;
  for (const a of apps) {
    if (a.appliedDay !== null && (firstApplied === null || a.appliedDay < firstApplied))
      firstApplied = a.appliedDay;
    // An interview stage reached, or a later one when the interview stage itself was skipped.
    for (let i = INTERVIEWING; i < STAGES.length; i++) {
      const on = a.reachedOn[i];
      if (on === undefined) continue;
      const d = dayNumber(on);
      if (firstInterview === null || d < firstInterview) firstInterview = d;
      break;
    }
  }
  if (firstApplied === null || firstInterview === null) return null;
  return Math.max(0, firstInterview - firstApplied);
}

function group(
  key: string,
  tag: string | null,
  members: readonly CohortMemberData[],
  options: { today: string; ghostAfterDays?: number },
): CohortGroup {
  if (members.length < MIN_GROUP_SIZE) {
    return {
      key,
      tag,
      suppressed: true,
      note: SUPPRESSED_NOTE,
      members: null,
      applications: null,
      funnel: null,
      channelYields: null,
      timeToFirstInterview: null,
    };
  }
  const apps = members.flatMap((m) => m.apps);
  const funnel = funnelFromSummaries(apps, options).funnel;
  const yields = channelYield(
    apps.map((a) => ({
      channel: a.channel,
      furthestStage: STAGES[a.furthest]!,
      responded: a.firstResponseOn !== null,
    })),
    members.flatMap((m) => m.timeLogs),
  );
  const days = members.map((m) => daysToFirstInterview(m.apps)).filter((d): d is number => d !== null);
  return {
    key,
    tag,
    suppressed: false,
    note: null,
    members: members.length,
    applications: funnel[0]?.reached ?? 0,
    funnel,
    channelYields: yields,
    timeToFirstInterview: { medianDays: median(days), n: days.length },
  };
}

/** The whole cohort first, then one group per tag (alphabetical); members are consenting ones only. */
export function cohortInsights(
  cohort: { id: string; name: string },
  members: readonly CohortMemberData[],
  options: { today: string; ghostAfterDays?: number },
): CohortInsights {
  const tags = [...new Set(members.flatMap((m) => m.tags))].sort();
  return {
    cohortId: cohort.id,
    name: cohort.name,
    minGroupSize: MIN_GROUP_SIZE,
    groups: [
      group('all', null, members, options),
      ...tags.map((t) =>
        group(
          `tag:${t}`,
          t,
          members.filter((m) => m.tags.includes(t)),
          options,
        ),
      ),
    ],
  };
}

const rate = (r: { rate: number | null }) => (r.rate === null ? null : Math.round(r.rate * 1000) / 1000);

export const COHORT_CSV_HEADERS = ['group', 'members', 'measure', 'key', 'value', 'n'] as const;

/** One row per number: group, members, measure, key, value, n. Suppressed groups say so and nothing else. */
export function cohortInsightsRows(insights: CohortInsights): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const g of insights.groups) {
    if (g.suppressed) {
      rows.push([g.key, null, 'suppressed', null, g.note, null]);
      continue;
    }
    rows.push([g.key, g.members, 'applications', null, g.applications, null]);
    for (const step of g.funnel ?? []) {
      rows.push([g.key, g.members, 'funnel_reached', step.stage, step.reached, null]);
      if (step.conversionFromPrevious)
        rows.push([
          g.key,
          g.members,
          'funnel_conversion',
          step.stage,
          rate(step.conversionFromPrevious),
          step.conversionFromPrevious.n,
        ]);
    }
    for (const y of g.channelYields ?? []) {
      rows.push([g.key, g.members, 'channel_response_rate', y.channel, rate(y.responses), y.applications]);
      rows.push([g.key, g.members, 'channel_interview_rate', y.channel, rate(y.interviews), y.applications]);
    }
    const t = g.timeToFirstInterview;
    if (t) rows.push([g.key, g.members, 'time_to_first_interview_median_days', null, t.medianDays, t.n]);
  }
  return rows;
}
