import { z } from 'zod';
import { planInputSchema, timeLogInputSchema, weekQuerySchema } from '../../core/channels/input.ts';
import {
  channelSettingsSchema,
  channelsViewSchema,
  timeLogSchema,
  timeLogWeekSchema,
} from '../../core/channels/schemas.ts';
import {
  addTimeLog,
  deleteTimeLog,
  getChannelSettings,
  getChannelsView,
  listWeekTimeLogs,
  presentChannelSettings,
  presentChannels,
  presentTimeLog,
  setChannelPlan,
} from '../../services/insights/index.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const tags = ['channels'];
const idParams = z.object({ id: z.string().min(1).max(100) });

/** The weekly time plan, time logs, plan against actual and the suggested split. */
export function channelRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/channels',
    {
      schema: {
        tags,
        summary: 'Plan vs actual for a week, yields per channel and next week’s suggested split',
        querystring: weekQuerySchema,
        response: { 200: channelsViewSchema, ...errorResponses },
      },
    },
    async (request) => presentChannels(await getChannelsView(deps.context(), request.query.week)),
  );

  app.get(
    '/api/v1/channels/plan',
    { schema: { tags, summary: 'The weekly plan and hours', response: { 200: channelSettingsSchema } } },
    async () => presentChannelSettings(await getChannelSettings(deps.context())),
  );

  app.put(
    '/api/v1/channels/plan',
    {
      schema: {
        tags,
        summary: 'Set the split (whole percentages summing to 100) and/or hours per week',
        body: planInputSchema,
        response: { 200: channelSettingsSchema, ...errorResponses },
      },
    },
    async (request) => presentChannelSettings(await setChannelPlan(deps.context(), request.body)),
  );

  app.get(
    '/api/v1/time-logs',
    {
      schema: {
        tags,
        summary: 'Time logged in a week (default this week)',
        querystring: weekQuerySchema,
        response: { 200: timeLogWeekSchema, ...errorResponses },
      },
    },
    async (request) => {
      const week = await listWeekTimeLogs(deps.context(), request.query.week);
      return { weekStart: week.weekStart, weekEnd: week.weekEnd, items: week.items.map(presentTimeLog) };
    },
  );

  app.post(
    '/api/v1/time-logs',
    {
      schema: {
        tags,
        summary: 'Log time spent on a channel (or learning)',
        body: timeLogInputSchema,
        response: { 201: timeLogSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentTimeLog(await addTimeLog(deps.context(), request.body))),
  );

  app.delete(
    '/api/v1/time-logs/:id',
    {
      schema: {
        tags,
        summary: 'Remove a time log',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTimeLog(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
