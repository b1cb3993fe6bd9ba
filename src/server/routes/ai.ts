import { z } from 'zod';
import { aiEndpointInputSchema, SUGGESTED_ENDPOINTS } from '../../core/ai/input.ts';
import {
  aiCallListSchema,
  aiDraftSchema,
  aiEndpointViewSchema,
  aiRewriteInputSchema,
  replySummaryInputSchema,
  replySummarySchema,
} from '../../core/ai/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  type AiEndpointView,
  askOwnModel,
  clearAiEndpoint,
  getAiEndpoint,
  listAiCalls,
  setAiEndpoint,
} from '../../services/ai/own-model.ts';
import { deleteReplySummary, getReplySummary, saveReplySummary } from '../../services/ai/reply-summaries.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const tags = ['ai'];
const idParams = z.object({ id: z.string().min(1).max(100) });
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const view = (v: AiEndpointView) => ({ ...v, suggestions: [...SUGGESTED_ENDPOINTS] });

/**
 * Your own model (issue 17), local mode only for sending: a hosted server fetching a URL its
 * user typed could reach addresses inside its own network. Nothing is sent but by `POST
 * /api/v1/ai/rewrite`, with the exact text the user saw; each call is logged.
 */
export function aiRoutes(app: App, deps: RouteDeps): void {
  const localOnly = () => {
    if (deps.hosted)
      throw new ReboundError(
        'forbidden',
        'Your own model works with Rebound on your machine (rebound serve), not on a hosted server.',
      );
  };
  app.get(
    '/api/v1/ai/endpoint',
    {
      schema: {
        tags,
        summary: 'Your own model: the endpoint and model (never the key)',
        response: ok(aiEndpointViewSchema),
      },
    },
    async () => view(await getAiEndpoint(deps.context())),
  );
  app.put(
    '/api/v1/ai/endpoint',
    {
      schema: {
        tags,
        summary: 'Use an OpenAI-compatible endpoint and model (the key is stored encrypted, never shown)',
        body: aiEndpointInputSchema,
        response: ok(aiEndpointViewSchema),
      },
    },
    async (request) => {
      localOnly();
      return view(await setAiEndpoint(deps.context(), deps.secrets, request.body));
    },
  );
  app.delete(
    '/api/v1/ai/endpoint',
    {
      schema: {
        tags,
        summary: 'Turn your own model off and delete its key',
        response: ok(aiEndpointViewSchema),
      },
    },
    async () => view(await clearAiEndpoint(deps.context())),
  );
  app.get(
    '/api/v1/ai/calls',
    {
      schema: {
        tags,
        summary: 'Every call made to your model: when, which feature, characters sent',
        response: ok(aiCallListSchema),
      },
    },
    async () => ({ items: await listAiCalls(deps.context()) }),
  );
  app.post(
    '/api/v1/ai/rewrite',
    {
      schema: {
        tags,
        summary:
          'Send exactly this text to your own model and return its answer as a draft (logged; nothing saved)',
        body: aiRewriteInputSchema,
        response: ok(aiDraftSchema),
      },
    },
    async (request) => {
      localOnly();
      const { feature, text, stream } = request.body;
      return askOwnModel(deps.context(), deps.secrets, feature, text, { stream: stream ?? false });
    },
  );
  replySummaryRoutes(app, deps);
}

/** A feedback reply's theme summary, kept beside the verbatim reply; storing it sends nothing. */
function replySummaryRoutes(app: App, deps: RouteDeps): void {
  const path = '/api/v1/ai/reply-summaries/:id';
  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'The theme summary kept beside a feedback reply (null when there is none)',
        params: idParams,
        response: ok(replySummarySchema),
      },
    },
    async (request) => getReplySummary(deps.context(), request.params.id),
  );
  app.put(
    path,
    {
      schema: {
        tags,
        summary: 'Keep a theme summary beside a feedback reply (the reply itself is never changed)',
        params: idParams,
        body: replySummaryInputSchema,
        response: ok(replySummarySchema),
      },
    },
    async (request) => saveReplySummary(deps.context(), request.params.id, request.body.summary),
  );
  app.delete(
    path,
    {
      schema: {
        tags,
        summary: 'Throw away the theme summary of a feedback reply (the reply stays)',
        params: idParams,
        response: ok(replySummarySchema),
      },
    },
    async (request) => deleteReplySummary(deps.context(), request.params.id),
  );
}
