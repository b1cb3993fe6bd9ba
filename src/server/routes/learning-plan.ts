import { z } from 'zod';
import { PLAN_STATUSES, planItemCreateSchema, planItemUpdateSchema } from '../../core/skills/input.ts';
import { planItemChangeSchema, planItemListSchema } from '../../core/skills/schemas.ts';
import { createPlanItem, listPlanItems, updatePlanItem } from '../../services/skills/learning-plan.ts';
import { presentPlanItem } from '../../services/skills/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { created, idParams, ok } from './openapi.ts';

/** The learning plan: courses, certifications, projects and workshops for a skill. */
export function learningPlanRoutes(app: App, deps: RouteDeps): void {
  const tags = ['learning plan'];
  app.get(
    '/api/v1/learning-plan',
    {
      schema: {
        tags,
        summary: 'The learning plan',
        querystring: z.object({ status: z.enum(PLAN_STATUSES).optional() }),
        response: ok(planItemListSchema),
      },
    },
    async (request) => ({
      items: (await listPlanItems(deps.context(), request.query.status)).map(presentPlanItem),
    }),
  );

  app.post(
    '/api/v1/learning-plan',
    {
      schema: {
        tags,
        summary: 'Plan to learn a skill (a course, certification, project or workshop)',
        body: planItemCreateSchema,
        response: created(planItemChangeSchema),
      },
    },
    async (request, reply) => {
      const { item, completion } = await createPlanItem(deps.context(), request.body);
      return reply.status(201).send({ ...presentPlanItem(item), completion });
    },
  );

  app.patch(
    '/api/v1/learning-plan/:id',
    {
      schema: {
        tags,
        summary:
          'Update progress; status "done" adds the skill to the resume, adds a task, and re-scores open applications',
        params: idParams,
        body: planItemUpdateSchema,
        response: ok(planItemChangeSchema),
      },
    },
    async (request) => {
      const { item, completion } = await updatePlanItem(deps.context(), request.params.id, request.body);
      return { ...presentPlanItem(item), completion };
    },
  );
}
