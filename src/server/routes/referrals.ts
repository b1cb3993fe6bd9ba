import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../core/import/input.ts';
import { connectionsImportSchema, referralAskInputSchema } from '../../core/referrals/input.ts';
import {
  connectionsImportReportSchema,
  peopleByApplicationSchema,
  peopleListSchema,
} from '../../core/referrals/schemas.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import { withImportProgress } from '../../services/imports/import-progress.ts';
import { setReferralAsk } from '../../services/referrals/asks.ts';
import { importConnections } from '../../services/referrals/connections-import.ts';
import { peopleByApplication, peopleYouKnowFor } from '../../services/referrals/people.ts';
import type { App, RouteDeps } from '../deps.ts';
import { decode, progressHeaders, uploadLimit } from './imports.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Referral paths: importing connections, the people the user knows at each company, referral asks. */
export function referralRoutes(app: App, deps: RouteDeps): void {
  const tags = ['referrals'];

  app.post(
    '/api/v1/imports/connections',
    {
      bodyLimit: uploadLimit(MAX_IMPORT_BYTES),
      schema: {
        tags,
        summary:
          'Import a connections export (LinkedIn Connections.csv, or a contacts CSV) as contacts marked "connection", deduplicated with the contacts you have; all or nothing unless skipInvalid',
        description:
          'The file travels as JSON: `{ "filename": "Connections.csv", "contentBase64": "…" }`. People already kept (same email, else LinkedIn address, else name and company) are marked as connections and their blanks filled.',
        headers: progressHeaders,
        body: connectionsImportSchema,
        response: { 201: connectionsImportReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, contentBase64, skipInvalid } = request.body;
      const bytes = decode(contentBase64, filename, MAX_IMPORT_BYTES);
      const ctx = deps.context();
      const report = await withImportProgress(
        ctx.workspaceId,
        request.headers['x-progress-id'],
        (onProgress) => importConnections(ctx, bytes, filename, { skipInvalid, onProgress }),
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/api/v1/applications/:id/people-you-know',
    {
      schema: {
        tags,
        summary:
          'People you know at this application’s company, each with a drafted referral ask and its state',
        params: idParams,
        response: { 200: peopleListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = deps.context();
      return { items: await peopleYouKnowFor(ctx, await getApplicationOrThrow(ctx, request.params.id)) };
    },
  );

  app.put(
    '/api/v1/applications/:id/referral-ask',
    {
      schema: {
        tags,
        summary: 'Record a referral ask to one person, or move it on: asked, agreed, referred or declined',
        params: idParams,
        body: referralAskInputSchema,
        response: { 200: peopleListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await setReferralAsk(deps.context(), request.params.id, request.body) }),
  );

  app.get(
    '/api/v1/referrals/people',
    {
      schema: {
        tags,
        summary: 'Who you know at each saved or open application (for the board)',
        response: { 200: peopleByApplicationSchema, ...errorResponses },
      },
    },
    async () => ({ items: await peopleByApplication(deps.context()) }),
  );
}
