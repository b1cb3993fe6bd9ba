import { z } from 'zod';
import { infoInterviewCreateSchema, infoInterviewUpdateSchema } from '../../core/skills/input.ts';
import { infoInterviewListSchema, infoInterviewSchema } from '../../core/skills/schemas.ts';
import {
  createInfoInterview,
  deleteInfoInterview,
  getInfoInterviewOrThrow,
  listInfoInterviews,
  updateInfoInterview,
} from '../../services/skills/info-interviews.ts';
import { presentInfoInterview } from '../../services/skills/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { created, errorResponses, idParams, ok } from './openapi.ts';

/** Informational interviews: conversations to learn about a role or company. */
export function infoInterviewRoutes(app: App, deps: RouteDeps): void {
  const tags = ['informational interviews'];
  const base = '/api/v1/informational-interviews';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Informational interviews, newest first',
        response: ok(infoInterviewListSchema),
      },
    },
    async () => ({
      items: (await listInfoInterviews(deps.context())).map(presentInfoInterview),
    }),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Record an informational interview',
        body: infoInterviewCreateSchema,
        response: created(infoInterviewSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentInfoInterview(await createInfoInterview(deps.context(), request.body))),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One informational interview',
        params: idParams,
        response: ok(infoInterviewSchema),
      },
    },
    async (request) => presentInfoInterview(await getInfoInterviewOrThrow(deps.context(), request.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit an informational interview',
        params: idParams,
        body: infoInterviewUpdateSchema,
        response: ok(infoInterviewSchema),
      },
    },
    async (request) =>
      presentInfoInterview(await updateInfoInterview(deps.context(), request.params.id, request.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete an informational interview',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInfoInterview(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
