import { z } from 'zod';
import { weekQuerySchema } from '../../core/channels/input.ts';
import { stepInputSchema, stepMoveSchema } from '../../core/week/input.ts';
import { stepDraftListSchema, weekPlanSchema, weekStepSchema } from '../../core/week/schemas.ts';
import {
  addStep,
  deleteStep,
  dropStep,
  getWeekPlan,
  markStepDone,
  moveStep,
  reopenStep,
  suggestWeekSteps,
} from '../../services/week/plan.ts';
import { presentDraft, presentStep, presentWeekPlan } from '../../services/week/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const tags = ['week'];

/** The weekly plan: if-then steps (when, where, what, how long, which channel), done, moved or let go. */
export function weekRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/week',
    {
      schema: {
        tags,
        summary: 'The week’s steps (any day of the week; default this week) and how the plan is going',
        querystring: weekQuerySchema,
        response: ok(weekPlanSchema),
      },
    },
    async (request) => presentWeekPlan(await getWeekPlan(deps.context(), request.query.week)),
  );
  app.get(
    '/api/v1/week/suggestions',
    {
      schema: {
        tags,
        summary: 'A few steps to plan, from last week’s plan, the channel split and waiting follow-ups',
        querystring: weekQuerySchema,
        response: ok(stepDraftListSchema),
      },
    },
    async (request) => {
      const drafts = await suggestWeekSteps(deps.context(), request.query.week);
      return { weekStart: drafts.weekStart, items: drafts.items.map(presentDraft) };
    },
  );
  app.post(
    '/api/v1/week/steps',
    {
      schema: {
        tags,
        summary: 'Plan a step: day, time, where, what, minutes and the channel it serves',
        body: stepInputSchema,
        response: { 201: weekStepSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentStep(await addStep(deps.context(), request.body))),
  );
  const settle = (path: string, summary: string, run: typeof markStepDone) =>
    app.post(
      `/api/v1/week/steps/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: ok(weekStepSchema) } },
      async (request) => presentStep(await run(deps.context(), request.params.id)),
    );
  settle('done', 'Mark a step done', markStepDone);
  settle('drop', 'Let a step go (it stays in the week’s record, kindly)', dropStep);
  settle('reopen', 'Put a step back to planned', reopenStep);
  app.post(
    '/api/v1/week/steps/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a step to another day (and time); the first day is remembered',
        params: idParams,
        body: stepMoveSchema,
        response: ok(weekStepSchema),
      },
    },
    async (request) => presentStep(await moveStep(deps.context(), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/week/steps/:id',
    {
      schema: {
        tags,
        summary: 'Remove a step written by mistake',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteStep(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
