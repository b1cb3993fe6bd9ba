import { z } from 'zod';
import { quietPageSchema, todayViewSchema } from '../../core/today/schemas.ts';
import { presentQuietPage, presentToday } from '../../services/today/presenters.ts';
import { calendarIcs, getToday, listQuietItems } from '../../services/today/today.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

/** Today and its calendar feed. */
export function todayRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/today',
    {
      schema: {
        tags: ['today'],
        summary: 'What is due now, each with how to complete it',
        response: { 200: todayViewSchema, ...errorResponses },
      },
    },
    async () => presentToday(await getToday(deps.context())),
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
