import { z } from 'zod';
import {
  CONTACT_DRAFT_KINDS,
  cadenceInputSchema,
  contactDraftSchema,
  contactInputSchema,
  contactLinkSchema,
  contactPatchSchema,
  interactionInputSchema,
} from '../../core/contacts/input.ts';
import {
  contactDetailSchema,
  contactLinkViewSchema,
  contactListSchema,
  contactSchema,
} from '../../core/contacts/schemas.ts';
import {
  contactsVcf,
  createContact,
  deleteContact,
  getContactOrThrow,
  linkContact,
  listContacts,
  logInteraction,
  saveContactDraft,
  setCadence,
  updateContact,
} from '../../services/contacts/contacts.ts';
import { presentContact } from '../../services/contacts/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const tags = ['contacts'];
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });

/** Contacts, their links to applications, keep-in-touch rhythms, touches and the vCard export. */
export function contactRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts',
        querystring: z.object({ applicationId: z.string().max(100).optional() }),
        response: ok(contactListSchema),
      },
    },
    async (request) => ({ items: (await listContacts(deps.context(), request.query)).map(presentContact) }),
  );

  app.get(
    '/api/v1/contacts.vcf',
    {
      schema: {
        tags,
        summary: 'Every contact as a vCard file',
        response: { 200: z.string().describe('text/vcard: one vCard 4.0 per contact') },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rebound-contacts.vcf"')
        .send(await contactsVcf(deps.context())),
  );

  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact (name and one way to reach them)',
        body: contactInputSchema,
        response: created(contactSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentContact(await createContact(deps.context(), request.body))),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'A contact with links, cadence and touches',
        params: idParams,
        response: ok(contactDetailSchema),
      },
    },
    async (request) => getContactOrThrow(deps.context(), request.params.id),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Edit a contact',
        params: idParams,
        body: contactPatchSchema,
        response: ok(contactSchema),
      },
    },
    async (request) => presentContact(await updateContact(deps.context(), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact, its links and its keep-in-touch plan',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteContact(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/contacts/:id/links',
    {
      schema: {
        tags,
        summary: 'Link a contact to an application or round',
        params: idParams,
        body: contactLinkSchema,
        response: created(contactLinkViewSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await linkContact(deps.context(), request.params.id, request.body)),
  );

  app.put(
    '/api/v1/contacts/:id/drafts/:kind',
    {
      schema: {
        tags,
        summary: 'Keep your own words for a thank-you or connection note (null: back to the template)',
        params: z.object({ id: z.string().min(1).max(100), kind: z.enum(CONTACT_DRAFT_KINDS) }),
        body: contactDraftSchema,
        response: {
          200: z.object({
            contactId: z.string(),
            drafts: z.object({ thank_you: z.string().optional(), connection_request: z.string().optional() }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const c = await saveContactDraft(
        deps.context(),
        request.params.id,
        request.params.kind,
        request.body.body,
      );
      return { contactId: c.id, drafts: c.drafts };
    },
  );

  app.post(
    '/api/v1/contacts/:id/cadence',
    {
      schema: {
        tags,
        summary: 'Start (or stop) keeping in touch',
        params: idParams,
        body: cadenceInputSchema,
        response: created(contactDetailSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await setCadence(deps.context(), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/contacts/:id/interactions',
    {
      schema: {
        tags,
        summary: 'Log a touch or any other contact',
        params: idParams,
        body: interactionInputSchema,
        response: created(contactDetailSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logInteraction(deps.context(), request.params.id, request.body)),
  );
}
