import { z } from 'zod';
import {
  createApplicationSchema,
  eventInputSchema,
  listQuerySchema,
  roundInputSchema,
  updateApplicationSchema,
} from '../../core/applications/input.ts';
import {
  applicationDetailSchema,
  applicationListSchema,
  timelineSchema,
} from '../../core/applications/schemas.ts';
import {
  addEvent,
  addRound,
  createApplication,
  deleteApplication,
  getApplicationOrThrow,
  listApplications,
  updateApplication,
} from '../../services/applications.ts';
import { presentApplication, presentApplicationDetail } from '../../services/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const tags = ['applications'];

/** Applications, their history (events) and interview rounds. */
export function applicationRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: 'List applications (one page), with filters, search and sort',
        querystring: listQuerySchema,
        response: { 200: applicationListSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const present = deps.present();
      return deps.cache.send(request, reply, `${present.today}|${present.ghostAfterDays}`, async () => {
        const { items, total } = await listApplications(deps.context(), request.query);
        return {
          items: items.map((a) => presentApplication(a, present)),
          total,
          limit: request.query.limit,
          offset: request.query.offset,
        };
      });
    },
  );

  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: 'Add an application',
        body: createApplicationSchema,
        response: { 201: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await createApplication(deps.context(), request.body);
      return reply.status(201).send(presentApplicationDetail(detail, deps.present()));
    },
  );

  app.get(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application with its events and rounds',
        params: idParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await getApplicationOrThrow(deps.context(), request.params.id),
        deps.present(),
      ),
  );

  app.patch(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: 'Edit an application’s fields',
        params: idParams,
        body: updateApplicationSchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await updateApplication(deps.context(), request.params.id, request.body),
        deps.present(),
      ),
  );

  app.delete(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: 'Delete an application and its history',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteApplication(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/applications/:id/events',
    {
      schema: {
        tags,
        summary: 'The application’s history, oldest first',
        params: idParams,
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = presentApplicationDetail(
        await getApplicationOrThrow(deps.context(), request.params.id),
        deps.present(),
      );
      return { items: detail.events };
    },
  );

  app.post(
    '/api/v1/applications/:id/events',
    {
      schema: {
        tags,
        summary: 'Append to the history: move a stage, set or undo an outcome, reopen, note a reply',
        params: idParams,
        body: eventInputSchema,
        response: { 201: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await addEvent(deps.context(), request.params.id, request.body);
      return reply.status(201).send(presentApplicationDetail(detail, deps.present()));
    },
  );

  app.post(
    '/api/v1/applications/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Record an interview round',
        params: idParams,
        body: roundInputSchema,
        response: { 201: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await addRound(deps.context(), request.params.id, request.body);
      return reply.status(201).send(presentApplicationDetail(detail, deps.present()));
    },
  );
}
