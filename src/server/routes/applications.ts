import { z } from 'zod';
import {
  createApplicationSchema,
  eventInputSchema,
  listQuerySchema,
  noteUpdateSchema,
  roundInputSchema,
  roundUpdateSchema,
  updateApplicationSchema,
} from '../../core/applications/input.ts';
import {
  applicationDetailSchema,
  applicationListSchema,
  timelineSchema,
} from '../../core/applications/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import { addRound, deleteRound, updateRound } from '../../services/application-rounds.ts';
import {
  addEvent,
  createApplication,
  deleteApplication,
  deleteNote,
  getApplicationOrThrow,
  listApplications,
  updateApplication,
  updateNote,
} from '../../services/applications.ts';
import {
  detailWithoutNotes,
  presentApplication,
  presentApplicationDetail,
} from '../../services/presenters.ts';
import { applicationExtras } from '../../services/referrals/people.ts';
import type { App, RouteDeps } from '../deps.ts';
import { canSee } from '../visibility.ts';
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
      // Search reads notes and linked contacts' names: a coach without both scopes would learn
      // from which applications match what those say.
      if (request.query.q && !(canSee('notes') && canSee('contacts'))) {
        throw new ReboundError(
          'forbidden',
          'q: searching reads notes and contacts; both must be shared with you.',
          [{ path: 'q', message: 'needs the notes and contacts scopes' }],
        );
      }
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
    async (request) => {
      const ctx = deps.context();
      const detail = await getApplicationOrThrow(ctx, request.params.id);
      const presented = presentApplicationDetail(detail, deps.present());
      const { peopleYouKnow, responseWait } = await applicationExtras(ctx, detail);
      return {
        ...(canSee('notes') ? presented : detailWithoutNotes(presented)),
        // The people a seeker knows there are contacts: a coach sees them only with that scope.
        peopleYouKnow: canSee('contacts') ? peopleYouKnow : [],
        responseWait,
      };
    },
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
      return { items: canSee('notes') ? detail.events : detailWithoutNotes(detail).events };
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
        summary: 'Record an interview round (optionally with a start time and length)',
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

  const roundParams = idParams.extend({ roundId: z.string().min(1).max(100) });
  const noteParams = idParams.extend({ eventId: z.string().min(1).max(100) });

  app.patch(
    '/api/v1/applications/:id/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Edit an interview round; the history keeps the version before',
        params: roundParams,
        body: roundUpdateSchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await updateRound(deps.context(), request.params.id, request.params.roundId, request.body),
        deps.present(),
      ),
  );

  app.delete(
    '/api/v1/applications/:id/rounds/:roundId',
    {
      schema: {
        tags,
        summary: 'Delete an interview round; the history keeps what it said',
        params: roundParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await deleteRound(deps.context(), request.params.id, request.params.roundId),
        deps.present(),
      ),
  );

  app.patch(
    '/api/v1/applications/:id/notes/:eventId',
    {
      schema: {
        tags,
        summary: 'Rewrite a timeline note (eventId is the note’s event); the history keeps the old text',
        params: noteParams,
        body: noteUpdateSchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await updateNote(deps.context(), request.params.id, request.params.eventId, request.body),
        deps.present(),
      ),
  );

  app.delete(
    '/api/v1/applications/:id/notes/:eventId',
    {
      schema: {
        tags,
        summary: 'Delete a timeline note; the history keeps its text',
        params: noteParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationDetail(
        await deleteNote(deps.context(), request.params.id, request.params.eventId),
        deps.present(),
      ),
  );
}
