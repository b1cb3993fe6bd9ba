import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { addDays } from '../../core/dates.ts';
import {
  applyFilters,
  comparisonSince,
  computeInsights,
  EARLY_IDS,
  type FeedbackTheme,
  type InsightFilters,
  insightsFromAggregates,
  type PostMortemRating,
  referralYieldFromAggregates,
  responseTimesFromAggregates,
  typicalReplyDaysFromCounts,
} from '../../core/insights/index.ts';
import { responseTimes } from '../../core/insights/response-times.ts';
import { yieldByChannel } from '../../core/referrals/asks.ts';
import {
  countFirstResponseDays,
  countInView,
  listIdsInView,
  loadInsightAggregates,
} from '../../store/insights-aggregates-repository.ts';
import { loadInsightSummaries } from '../../store/insights-repository.ts';
import { clearWorkspaceData } from '../../store/workspace-repository.ts';
import { insertGenerated } from '../sample-data.ts';
import { generateWorkspace } from '../sample-workspace.ts';
import { matchFilters } from './aggregates.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
const GHOST_AFTER = 21;

/** A small seeded generator, so a failure names a dataset that can be run again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TAGS = [
  'remote',
  'size:small',
  'Size: Large',
  'industry:fintech',
  'Industry : Health',
  'urgent',
  'sizeable',
];

const FILTERS: InsightFilters[] = [
  {},
  { channel: 'job_board' },
  { kind: 'contract' },
  { role: 'engineer' },
  { tag: 'REMOTE' },
  { tag: 'size:small' },
  { from: '2026-09-01' },
  { from: '2026-06-01', to: '2026-10-15', channel: 'referral' },
  { role: 'no such role' },
];

for (const database of databases) {
  describe(`insights as SQL aggregates on ${database.name}`, () => {
    let t: TestContext;
    beforeAll(async () => {
      t = await openTestContext(database, NOW);
    });
    afterAll(async () => {
      await t.close();
    });

    it('gives the same insights, response times and yields as folding every application in JS, on random workspaces', async () => {
      const { ctx } = t;
      for (const seed of [3, 17]) {
        const rand = prng(seed);
        const data = generateWorkspace({ count: 300, today: TODAY, now: NOW.toISOString(), seed });
        // Tags the generator does not write: sizes and industries (some twice on one application), and others.
        for (const app of data.applications) {
          const tags = TAGS.filter(() => rand() < 0.2);
          app.tags = [...app.tags, ...tags.filter((tag) => !app.tags.includes(tag))];
        }
        await clearWorkspaceData(ctx.db, ctx.workspaceId);
        await insertGenerated(ctx, data);
        const summaries = await loadInsightSummaries(ctx.db, ctx.workspaceId);
        expect(summaries.length).toBe(300);
        const ids = summaries.map((a) => a.id);
        const some = () => ids.filter(() => rand() < 0.05);
        const feedbackThemes: FeedbackTheme[] = some().map((applicationId, i) => ({
          applicationId,
          theme: i % 2 === 0 ? 'System design' : 'communication',
        }));
        const postMortemRatings: PostMortemRating[] = some().map((applicationId, i) => ({
          applicationId,
          item: i % 3 === 0 ? 'resume' : 'follow_up',
          rating: i % 2 === 0 ? 'weak' : 'well',
        }));
        const referred = new Set(some());
        // The dataset exercises what is compared: size and industry groups, early rejections, answers.
        const whole = responseTimes(summaries);
        expect(whole.groups.map((g) => g.by)).toEqual(
          expect.arrayContaining(['channel', 'size', 'industry']),
        );
        expect(whole.typicalReplyDays).not.toBeNull();
        expect(summaries.some((a) => a.outcome === 'rejected' && a.furthest === 1)).toBe(true);
        // Today's typical reply time, read on its own, is the whole history's.
        expect(typicalReplyDaysFromCounts(await countFirstResponseDays(ctx.db, ctx.workspaceId))).toBe(
          whole.typicalReplyDays,
        );
        const rest = { feedbackThemes, postMortemRatings, ghostAfterDays: GHOST_AFTER, hoursPerWeek: 10 };

        for (const filters of FILTERS) {
          const label = `seed ${seed} ${JSON.stringify(filters)}`;
          const inView = applyFilters(summaries, filters);
          const match = await matchFilters(ctx, filters);
          const aggregates = await loadInsightAggregates(
            ctx.db,
            ctx.workspaceId,
            {
              filters,
              since: comparisonSince(TODAY),
              today: TODAY,
              oldBy: addDays(TODAY, -GHOST_AFTER),
              earlyIds: EARLY_IDS,
            },
            match,
          );
          const named = [...new Set([...feedbackThemes, ...postMortemRatings].map((x) => x.applicationId))];
          const namedInView = await listIdsInView(ctx.db, ctx.workspaceId, filters, match, named);

          expect(insightsFromAggregates(aggregates, rest, TODAY, namedInView), label).toEqual(
            computeInsights({ applications: [], summaries, filters, ...rest }, TODAY),
          );
          expect(responseTimesFromAggregates(aggregates), label).toEqual(responseTimes(inView));
          expect(
            referralYieldFromAggregates(
              aggregates,
              await countInView(ctx.db, ctx.workspaceId, filters, match, [...referred]),
            ),
            label,
          ).toEqual(
            yieldByChannel(
              inView.map((a) => ({
                id: a.id,
                channel: a.channel,
                furthest: a.furthest,
                responded: a.firstResponseOn !== null,
              })),
              referred,
            ),
          );
        }
      }
    });
  });
}
