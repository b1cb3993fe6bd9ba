import { z } from 'zod';
import {
  quietPageSchema,
  todayGroupPageSchema,
  todayGroupParamsSchema,
  todayGroupQuerySchema,
  todayViewSchema,
} from '../../core/today/schemas.ts';
import { presentEntry, presentQuietPage, presentToday } from '../../services/today/presenters.ts';
import {
  calendarIcs,
  getTodayFirstScreen,
  getTodayGroup,
  listQuietItems,
} from '../../services/today/today.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

/** Today and its calendar feed. */
export function todayRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/today',
    {
      schema: {
        tags: ['today'],
        summary:
          'What is due now, each with how to complete it: the first items of each list and how many each holds',
        response: { 200: todayViewSchema, ...errorResponses },
      },
    },
    async () => presentToday(await getTodayFirstScreen(deps.context())),
  );

  app.get(
    '/api/v1/today/groups/:group',
    {
      schema: {
        tags: ['today'],
        summary: 'One page of one Today list (overdue, today, upcoming or held), for "show more"',
        params: todayGroupParamsSchema,
        querystring: todayGroupQuerySchema,
        response: { 200: todayGroupPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await getTodayGroup(deps.context(), request.params.group, request.query);
      return { group: page.group, items: page.items.map(presentEntry), total: page.total };
    },
  );

  app.get(
    '/api/v1/today/quiet',
    {
      schema: {
        tags: ['today'],
        summary: 'Every application that has gone quiet, most silent first (Today shows the first 20)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: quietPageSchema, ...errorResponses },
      },
    },
    async (request) => presentQuietPage(await listQuietItems(deps.context(), request.query)),
  );

  app.get(
    '/api/v1/calendar.ics',
    {
      schema: {
        tags: ['today'],
        summary: 'Dated steps and interviews as an iCalendar feed',
        response: { 200: z.string().describe('text/calendar: one event per dated step or interview') },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rebound.ics"')
        .send(await calendarIcs(deps.context())),
  );
}
