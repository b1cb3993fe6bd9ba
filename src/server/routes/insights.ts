import { z } from 'zod';
import { weekQuerySchema } from '../../core/channels/input.ts';
import { insightsQuerySchema } from '../../core/insights/input.ts';
import { insightsSchema, weeklyReviewSchema } from '../../core/insights/schemas.ts';
import { renderWeeklyReview } from '../../core/insights/weekly-review.ts';
import { readerOf } from '../../services/context.ts';
import { getInsights, getWeeklyReview, presentInsights } from '../../services/insights/index.ts';
import type { App, RouteDeps } from '../deps.ts';
import { shownToCaller } from '../shared-view.ts';
import { errorResponses } from './openapi.ts';

/** The insights page and the weekly review. */
export function insightsRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/insights',
    {
      schema: {
        tags: ['insights'],
        summary: 'Funnel, where rejections happen, channel yields, findings and the recent comparison',
        querystring: insightsQuerySchema,
        response: { 200: insightsSchema, ...errorResponses },
      },
    },
    async (request) => presentInsights(await getInsights(deps.context(), request.query)),
  );

  app.get(
    '/api/v1/review',
    {
      schema: {
        tags: ['insights'],
        summary: 'The weekly review (any day of the week; default this week); ?format=md for Markdown',
        querystring: weekQuerySchema.extend({ format: z.enum(['json', 'md']).default('json') }),
        response: {
          200: z.union([weeklyReviewSchema, z.string().describe('with ?format=md: the review as Markdown')]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = deps.context();
      const review = await getWeeklyReview(ctx, request.query.week);
      // A coach's review leaves out what is never shared (the load signal, read from moods), in
      // the Markdown too: rendered again from what the coach may see, for its reader.
      const data = shownToCaller(weeklyReviewSchema, { ...review.data, markdown: '' });
      const markdown = renderWeeklyReview(data, readerOf(ctx));
      if (request.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(markdown);
      return { ...data, markdown };
    },
  );
}
