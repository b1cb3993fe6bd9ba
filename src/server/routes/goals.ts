import { z } from 'zod';
import { weekQuerySchema } from '../../core/channels/input.ts';
import {
  breakInputSchema,
  goalInputSchema,
  goalProgressInputSchema,
  goalUpdateSchema,
  journalInputSchema,
  rangeQuerySchema,
  routineInputSchema,
  winInputSchema,
} from '../../core/wellbeing/input.ts';
import {
  breakListSchema,
  goalProgressEntrySchema,
  goalSchema,
  goalsWeekSchema,
  journalDayEntrySchema,
  journalListSchema,
  plannedBreakSchema,
  routineSchema,
  wellbeingSchema,
  winListSchema,
  winSchema,
} from '../../core/wellbeing/schemas.ts';
import {
  addBreak,
  addGoalProgress,
  addJournalEntry,
  addWin,
  createGoal,
  deleteBreak,
  deleteGoal,
  deleteWin,
  getGoalsWeek,
  getWellbeing,
  listBreaks,
  listJournal,
  listWins,
  presentBreak,
  presentGoal,
  presentGoalsWeek,
  presentJournalEntry,
  presentWellbeing,
  presentWin,
  setRoutine,
  updateGoal,
} from '../../services/insights/index.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });
const gone = { 204: z.null(), ...errorResponses };

/** Weekly goals, wins, the journal, planned breaks, the routine and the load signal. */
export function goalRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/goals',
    {
      schema: {
        tags: ['goals'],
        summary: 'Weekly goals with progress for a week (default this week)',
        querystring: weekQuerySchema,
        response: ok(goalsWeekSchema),
      },
    },
    async (request) => presentGoalsWeek(await getGoalsWeek(deps.context(), request.query.week)),
  );
  app.post(
    '/api/v1/goals',
    {
      schema: {
        tags: ['goals'],
        summary: 'Set a weekly goal about an action',
        body: goalInputSchema,
        response: created(goalSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentGoal(await createGoal(deps.context(), request.body))),
  );
  app.patch(
    '/api/v1/goals/:id',
    {
      schema: {
        tags: ['goals'],
        summary: 'Change a goal’s target, unit or label',
        params: idParams,
        body: goalUpdateSchema,
        response: ok(goalSchema),
      },
    },
    async (request) => presentGoal(await updateGoal(deps.context(), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/goals/:id',
    { schema: { tags: ['goals'], summary: 'Remove a goal', params: idParams, response: gone } },
    async (request, reply) => {
      await deleteGoal(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/goals/:id/progress',
    {
      schema: {
        tags: ['goals'],
        summary: 'Record progress on a custom goal',
        params: idParams,
        body: goalProgressInputSchema,
        response: created(goalProgressEntrySchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addGoalProgress(deps.context(), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/wins',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Small wins (default: the last 30 days)',
        querystring: rangeQuerySchema,
        response: ok(winListSchema),
      },
    },
    async (request) => ({
      items: (await listWins(deps.context(), request.query)).map(presentWin),
    }),
  );
  app.post(
    '/api/v1/wins',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Write down a win',
        body: winInputSchema,
        response: created(winSchema),
      },
    },
    async (request, reply) => reply.status(201).send(presentWin(await addWin(deps.context(), request.body))),
  );
  app.delete(
    '/api/v1/wins/:id',
    {
      schema: { tags: ['wellbeing'], summary: 'Remove a written-down win', params: idParams, response: gone },
    },
    async (request, reply) => {
      await deleteWin(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/journal',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Journal entries, oldest first',
        querystring: rangeQuerySchema,
        response: ok(journalListSchema),
      },
    },
    async (request) => ({
      items: (await listJournal(deps.context(), request.query)).map(presentJournalEntry),
    }),
  );
  app.post(
    '/api/v1/journal',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Write a journal entry with a mood from 1 to 5',
        body: journalInputSchema,
        response: created(journalDayEntrySchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentJournalEntry(await addJournalEntry(deps.context(), request.body))),
  );

  app.get(
    '/api/v1/wellbeing',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'The load signal, planned breaks and the routine',
        response: ok(wellbeingSchema),
      },
    },
    async () => presentWellbeing(await getWellbeing(deps.context())),
  );
  app.put(
    '/api/v1/wellbeing/routine',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Set the non-search routine',
        body: routineInputSchema,
        response: ok(routineSchema),
      },
    },
    async (request) => ({
      routine: await setRoutine(deps.context(), request.body),
    }),
  );
  app.get(
    '/api/v1/breaks',
    { schema: { tags: ['wellbeing'], summary: 'Planned breaks', response: ok(breakListSchema) } },
    async () => ({
      items: (await listBreaks(deps.context())).map(presentBreak),
    }),
  );
  app.post(
    '/api/v1/breaks',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'Plan a break',
        body: breakInputSchema,
        response: created(plannedBreakSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentBreak(await addBreak(deps.context(), request.body))),
  );
  app.delete(
    '/api/v1/breaks/:id',
    { schema: { tags: ['wellbeing'], summary: 'Remove a planned break', params: idParams, response: gone } },
    async (request, reply) => {
      await deleteBreak(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
