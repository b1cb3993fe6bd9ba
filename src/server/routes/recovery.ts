import { z } from 'zod';
import { JOURNAL_PROMPTS } from '../../core/recovery/cool-off.ts';
import { FEEDBACK_THEMES } from '../../core/recovery/feedback-state.ts';
import {
  actionItemInputSchema,
  actionItemPatchSchema,
  actionItemQuerySchema,
  feedbackRequestPatchSchema,
  journalInputSchema,
  postMortemInputSchema,
  reasonTagInputSchema,
  rejectionInputSchema,
  rejectionPatchSchema,
} from '../../core/recovery/input.ts';
import {
  actionItemListSchema,
  actionItemSchema,
  feedbackRequestListSchema,
  feedbackRequestSchema,
  journalEntrySchema,
  postMortemSchema,
  reasonTagListSchema,
  recoveryMetaSchema,
  rejectionListSchema,
  rejectionSchema,
} from '../../core/recovery/schemas.ts';
import {
  feedbackEml,
  getFeedbackRequestOrThrow,
  listFeedbackRequests,
  updateFeedbackRequest,
} from '../../services/recovery/feedback.ts';
import {
  createActionItem,
  getPostMortem,
  listActionItems,
  savePostMortem,
  updateActionItem,
} from '../../services/recovery/post-mortem.ts';
import {
  presentActionItem,
  presentFeedbackRequest,
  presentJournalEntry,
  presentRejection,
} from '../../services/recovery/presenters.ts';
import {
  addJournalEntry,
  addReasonTag,
  getApplicationRejectionOrThrow,
  getRejectionOrThrow,
  listReasonTags,
  listRejections,
  logRejection,
  updateRejection,
} from '../../services/recovery/rejections.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const tags = ['recovery'];
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });

/** The recovery loop: rejections, the pause journal, feedback requests, look backs and action items. */
export function recoveryRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/rejections',
    { schema: { tags, summary: 'Rejections, latest first', response: ok(rejectionListSchema) } },
    async () => ({
      items: (await listRejections(deps.context())).map(presentRejection),
    }),
  );

  app.post(
    '/api/v1/rejections',
    {
      schema: {
        tags,
        summary: 'Log a rejection: closes the application and starts the recovery loop',
        body: rejectionInputSchema,
        response: created(rejectionSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentRejection(await logRejection(deps.context(), request.body))),
  );

  app.get(
    '/api/v1/rejections/:id',
    {
      schema: {
        tags,
        summary: 'One rejection with its feedback request and journal',
        params: idParams,
        response: ok(rejectionSchema),
      },
    },
    async (request) => presentRejection(await getRejectionOrThrow(deps.context(), request.params.id)),
  );

  app.patch(
    '/api/v1/rejections/:id',
    {
      schema: {
        tags,
        summary: 'Edit how the news came, the reason, tags or the pause',
        params: idParams,
        body: rejectionPatchSchema,
        response: ok(rejectionSchema),
      },
    },
    async (request) =>
      presentRejection(await updateRejection(deps.context(), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/applications/:id/rejection',
    {
      schema: {
        tags,
        summary: 'The application’s latest rejection (kept after a reopen)',
        params: idParams,
        response: ok(rejectionSchema),
      },
    },
    async (request) =>
      presentRejection(await getApplicationRejectionOrThrow(deps.context(), request.params.id)),
  );

  app.post(
    '/api/v1/rejections/:id/journal',
    {
      schema: {
        tags,
        summary: 'Save a private journal entry for the pause',
        params: idParams,
        body: journalInputSchema,
        response: created(journalEntrySchema),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentJournalEntry(await addJournalEntry(deps.context(), request.body, request.params.id))),
  );

  app.get(
    '/api/v1/recovery/meta',
    {
      schema: {
        tags,
        summary: 'Reason tags, feedback themes and journal prompts',
        response: { 200: recoveryMetaSchema },
      },
    },
    async () => ({
      reasonTags: await listReasonTags(deps.context()),
      feedbackThemes: FEEDBACK_THEMES,
      journalPrompts: JOURNAL_PROMPTS,
    }),
  );

  app.post(
    '/api/v1/reason-tags',
    {
      schema: {
        tags,
        summary: 'Add or relabel one of your own reason tags',
        body: reasonTagInputSchema,
        response: created(reasonTagListSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ items: await addReasonTag(deps.context(), request.body) }),
  );

  app.get(
    '/api/v1/feedback-requests',
    {
      schema: {
        tags,
        summary: 'Feedback requests',
        querystring: z.object({ applicationId: z.string().max(100).optional() }),
        response: ok(feedbackRequestListSchema),
      },
    },
    async (request) => ({
      items: (await listFeedbackRequests(deps.context(), request.query.applicationId)).map(
        presentFeedbackRequest,
      ),
    }),
  );

  app.get(
    '/api/v1/feedback-requests/:id',
    {
      schema: {
        tags,
        summary: 'A feedback request with its draft and mailto: link',
        params: idParams,
        response: ok(feedbackRequestSchema),
      },
    },
    async (request) =>
      presentFeedbackRequest(await getFeedbackRequestOrThrow(deps.context(), request.params.id)),
  );

  app.patch(
    '/api/v1/feedback-requests/:id',
    {
      schema: {
        tags,
        summary:
          'Move a feedback request along (sent, answered, no_reply, declined), or, without a state, choose who a drafted one goes to ({ contactId })',
        params: idParams,
        body: feedbackRequestPatchSchema,
        response: ok(feedbackRequestSchema),
      },
    },
    async (request) =>
      presentFeedbackRequest(await updateFeedbackRequest(deps.context(), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/feedback-requests/:id/eml',
    {
      schema: {
        tags,
        summary: 'The draft as an .eml file to open in your mail program',
        params: idParams,
        response: { 200: z.string().describe('message/rfc822: the drafted e-mail'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, text } = await feedbackEml(deps.context(), request.params.id);
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(text);
    },
  );

  app.get(
    '/api/v1/applications/:id/post-mortem',
    {
      schema: {
        tags,
        summary: 'The look back: the steps this application went through',
        params: idParams,
        response: ok(postMortemSchema),
      },
    },
    async (request) => getPostMortem(deps.context(), request.params.id),
  );

  app.put(
    '/api/v1/applications/:id/post-mortem',
    {
      schema: {
        tags,
        summary: 'Rate steps of the look back; weak ones become action items',
        params: idParams,
        body: postMortemInputSchema,
        response: ok(postMortemSchema),
      },
    },
    async (request) => savePostMortem(deps.context(), request.params.id, request.body),
  );

  app.get(
    '/api/v1/action-items',
    {
      schema: {
        tags,
        summary: 'Action items',
        querystring: actionItemQuerySchema,
        response: ok(actionItemListSchema),
      },
    },
    async (request) => ({
      items: (await listActionItems(deps.context(), request.query)).map(presentActionItem),
    }),
  );

  app.post(
    '/api/v1/action-items',
    {
      schema: {
        tags,
        summary: 'Add a task of your own',
        body: actionItemInputSchema,
        response: created(actionItemSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentActionItem(await createActionItem(deps.context(), request.body))),
  );

  app.patch(
    '/api/v1/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Mark done, reopen, or edit a task',
        params: idParams,
        body: actionItemPatchSchema,
        response: ok(actionItemSchema),
      },
    },
    async (request) =>
      presentActionItem(await updateActionItem(deps.context(), request.params.id, request.body)),
  );
}
