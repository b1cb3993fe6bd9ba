import { z } from 'zod';
import {
  writingInputSchema,
  writingParamsSchema,
  writingSessionParamsSchema,
} from '../../core/writing/input.ts';
import { reframeSchema, writingSessionSchema, writingViewSchema } from '../../core/writing/schemas.ts';
import { presentWriting, presentWritingSession } from '../../services/writing/presenters.ts';
import {
  deleteWriting,
  deleteWritingSession,
  getReframe,
  getWriting,
  writeSession,
} from '../../services/writing/writing.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const tags = ['writing'];

/**
 * The writing after a no, and the reframe card.
 *
 * PRIVATE: these routes serve the person who wrote the text and nobody else. A hosted mode must
 * never expose them to a coach or include them in any "shareable" grouping of routes.
 */
export function writingRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/writing/:applicationId',
    {
      schema: {
        tags,
        summary: 'Private: the sessions written after this rejection, and today’s prompt',
        params: writingParamsSchema,
        response: ok(writingViewSchema),
      },
    },
    async (request) => presentWriting(await getWriting(deps.context(), request.params.applicationId)),
  );
  app.post(
    '/api/v1/writing/:applicationId',
    {
      schema: {
        tags,
        summary: 'Private: write in today’s session (starts the next one, or adds to today’s)',
        params: writingParamsSchema,
        body: writingInputSchema,
        response: ok(writingSessionSchema.extend({ continued: z.boolean() })),
      },
    },
    async (request) => {
      const { session, continued } = await writeSession(
        deps.context(),
        request.params.applicationId,
        request.body,
      );
      return { ...presentWritingSession(session), continued };
    },
  );
  app.delete(
    '/api/v1/writing/:applicationId',
    {
      schema: {
        tags,
        summary: 'Private: delete everything written after this rejection',
        params: writingParamsSchema,
        response: ok(z.object({ deleted: z.number().int() })),
      },
    },
    async (request) => deleteWriting(deps.context(), request.params.applicationId),
  );
  app.delete(
    '/api/v1/writing/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Private: delete one writing session',
        params: writingSessionParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteWritingSession(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/reframe',
    {
      schema: {
        tags,
        summary: 'The reframe card: common thinking traps in plain words, and your helpline page',
        response: ok(reframeSchema),
      },
    },
    async () => {
      const card = await getReframe(deps.context());
      return { traps: card.traps.map((t) => ({ ...t })), note: card.note, helplineUrl: card.helplineUrl };
    },
  );
}
