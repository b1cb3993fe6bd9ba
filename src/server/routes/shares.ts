import { z } from 'zod';
import { shareCreateSchema } from '../../core/accounts/input.ts';
import { shareCreatedSchema, shareListSchema, shareSchema } from '../../core/accounts/schemas.ts';
import { createShare, endShare, listMyShares } from '../../services/accounts/shares.ts';
import type { App, RouteDeps } from '../deps.ts';
import { signedIn } from './auth.ts';
import { errorResponses } from './openapi.ts';

const tags = ['sharing'];
const idParams = z.object({ id: z.string().min(1).max(100) });

/** A seeker's consent: what they share with which coach, until when; ending a share at once. */
export function shareRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/v1/shares',
    {
      schema: {
        tags,
        summary:
          'Share chosen parts of your workspace with a coach (by e-mail), optionally until a date; a coach with no account is invited',
        body: shareCreateSchema,
        response: { 201: shareCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createShare(deps.accounts, signedIn(deps, request.principal), request.body)),
  );

  app.get(
    '/api/v1/shares',
    {
      schema: {
        tags,
        summary: 'Your shares, active and ended',
        response: { 200: shareListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await listMyShares(deps.accounts, signedIn(deps, request.principal)) }),
  );

  app.delete(
    '/api/v1/shares/:id',
    {
      schema: {
        tags,
        summary: 'End a share now (the coach loses access; you keep everything)',
        params: idParams,
        response: { 200: shareSchema, ...errorResponses },
      },
    },
    async (request) => endShare(deps.accounts, signedIn(deps, request.principal), request.params.id),
  );
}
