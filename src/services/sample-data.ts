import type { ApplicationEvent } from '../core/applications/application.ts';
import { addDays } from '../core/dates.ts';
import * as bulk from '../store/applications-bulk-repository.ts';
import { insertApplicationsWithHistory } from '../store/bulk-rows.ts';
import * as eventsRepo from '../store/events-repository.ts';
import { refreshStatisticsAfter } from '../store/statistics.ts';
import type { BulkProgress } from '../store/summaries-repository.ts';
import { applicationEventRecorded } from './application-events.ts';
import { newId, nowIso, type ServiceContext, today } from './context.ts';
import { quietOldRecovery, type RejectionEvent } from './recovery/rejections.ts';
import { addSampleReferrals, removeSampleReferrals } from './referrals/sample.ts';
import { distinctRoles, type GeneratedWorkspace, generateWorkspace } from './sample-workspace.ts';
import { insertSamplePlan, removeSamplePlan } from './week/sample.ts';

/**
 * Writes a generated workspace in one transaction (then the planner's statistics, when it was big).
 * With `announceOutcomes`, every closing event is also announced to the features that react to
 * history (`applicationEventRecorded`, as `addEvent` does), in the same transaction: a sample
 * rejection then gets its rejection record and recovery steps exactly as "Mark rejected" makes them.
 */
export async function insertGenerated(
  ctx: ServiceContext,
  data: Omit<GeneratedWorkspace, 'applications'> & {
    applications: Array<GeneratedWorkspace['applications'][number] & { sourceKey?: string }>;
  },
  onProgress?: BulkProgress,
  options: {
    announceOutcomes?: boolean;
    /** With announceOutcomes: rejections before this day keep their recovery steps off Today. */
    quietRecoveryBefore?: string;
    /** With announceOutcomes: rejections on or after this day start no pause (it would still run). */
    noPauseFrom?: string;
  } = {},
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await insertApplicationsWithHistory(trx, ctx.workspaceId, data.applications, data.events, onProgress);
    await eventsRepo.insertRounds(trx, ctx.workspaceId, data.rounds);
    if (options.announceOutcomes) {
      const inTrx = { ...ctx, db: trx };
      for (const e of data.events) {
        if (e.type !== 'outcome_set') continue;
        const input: RejectionEvent = {
          type: 'outcome_set',
          outcome: e.data.outcome,
          reason: e.data.reason ?? null,
          occurredOn: e.occurredOn,
          // Loading sample data never starts a pause: one still running would hide Today's nudges
          // and hold back reminder e-mails, for a "no" the user never had.
          ...(options.noPauseFrom && e.occurredOn >= options.noPauseFrom
            ? { recovery: { coolOffHours: 'skip' as const } }
            : {}),
        };
        await applicationEventRecorded(inTrx, e.applicationId, input, e.occurredOn);
        if (options.quietRecoveryBefore && e.occurredOn < options.quietRecoveryBefore)
          await quietOldRecovery(inTrx, e.applicationId);
      }
    }
  });
  await refreshStatisticsAfter(ctx.db, data.applications.length);
}

/** The source key of every sample application starts with this. */
export const SAMPLE_SOURCE_PREFIX = 'sample:';

/** How many sample applications the workspace holds. */
export async function countSampleData(ctx: ServiceContext): Promise<{ applications: number }> {
  const ids = await bulk.listApplicationIdsBySourcePrefix(ctx.db, ctx.workspaceId, SAMPLE_SOURCE_PREFIX);
  return { applications: ids.length };
}

/**
 * Removes every sample application with its history, rounds and anything attached to it, in one
 * transaction. The user's own applications (no sample mark) are not touched.
 */
export async function removeSampleData(ctx: ServiceContext): Promise<{ removed: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await bulk.listApplicationIdsBySourcePrefix(trx, ctx.workspaceId, SAMPLE_SOURCE_PREFIX);
    await bulk.deleteApplications(trx, ctx.workspaceId, ids);
    await removeSampleReferrals(ctx, trx);
    await removeSamplePlan({ ...ctx, db: trx });
    return { removed: ids.length };
  });
}

function underWay(data: GeneratedWorkspace): boolean {
  return data.applications.some((a) => a.outcome === null && a.stage === 'interviewing');
}

/** Loads about forty sample applications so a first-time user can look around. */
export async function loadSampleData(ctx: ServiceContext): Promise<{ created: number }> {
  const first = Math.floor(ctx.clock.now().getTime() / 1000) % 100_000;
  // A seed whose search is under way: at least one open application has interviews (one in twenty
  // or so has none, which makes a dull first look and an empty Interviewing lane).
  let data = generateWorkspace({ count: 40, today: today(ctx), now: nowIso(ctx), seed: first });
  for (let seed = first + 1; !underWay(data) && seed < first + 50; seed++)
    data = generateWorkspace({ count: 40, today: today(ctx), now: nowIso(ctx), seed });
  distinctRoles(data.applications);
  // Real ids (time-ordered, unique), so sample rows sort and mix like ones the user adds.
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    let renamed = ids.get(id);
    if (!renamed) {
      renamed = newId();
      ids.set(id, renamed);
    }
    return renamed;
  };
  await insertGenerated(
    ctx,
    {
      // Marked by their source key, so "Remove sample data" finds them and nothing else.
      applications: data.applications.map((a) => {
        const renamed = rename(a.id);
        return { ...a, id: renamed, sourceKey: `${SAMPLE_SOURCE_PREFIX}${renamed}` };
      }),
      events: data.events.map(
        (e) =>
          ({
            ...e,
            id: rename(e.id),
            applicationId: rename(e.applicationId),
            ...(e.type === 'round_added' ? { data: { ...e.data, roundId: rename(e.data.roundId) } } : {}),
          }) as ApplicationEvent,
      ),
      rounds: data.rounds.map((r) => ({ ...r, id: rename(r.id), applicationId: rename(r.applicationId) })),
    },
    undefined,
    // Rejections of the last two weeks wait on Today, as they would for someone mid-search.
    {
      announceOutcomes: true,
      quietRecoveryBefore: addDays(today(ctx), -14),
      // The longest pause is 72 hours: a rejection of the last three days would still be in one.
      noPauseFrom: addDays(today(ctx), -3),
    },
  );
  await addSampleReferrals(
    ctx,
    data.applications.map((a) => ({ ...a, id: rename(a.id) })),
  );
  const rejected = data.applications.find((a) => a.outcome === 'rejected');
  await insertSamplePlan(ctx, rejected ? rename(rejected.id) : null);
  return { created: data.applications.length };
}
