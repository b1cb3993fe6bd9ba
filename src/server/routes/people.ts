import { z } from 'zod';
import { CONTACT_ROLES, contactLinkSchema } from '../../core/contacts/input.ts';
import { linkContact, listApplicationPeople, unlinkContact } from '../../services/contacts/contacts.ts';
import { presentContactLink, presentPerson } from '../../services/contacts/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const tags = ['contacts'];
const id = z.string().min(1).max(100);

export const contactResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable().describe('Their job title'),
  email: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  phone: z.string().nullable(),
  howMet: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const contactLinkResponseSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  applicationId: z.string(),
  roundId: z.string().nullable(),
  role: z.enum(CONTACT_ROLES).describe('Their part in the process'),
  createdAt: z.string(),
});

export const personResponseSchema = z.object({
  linkId: z.string(),
  role: z.enum(CONTACT_ROLES).describe('Their part in the process'),
  roundId: z.string().nullable(),
  linkedAt: z.string(),
  contact: contactResponseSchema,
});

/**
 * The people of one application's process (recruiter, hiring manager, interviewers, referrer):
 * listed from the application's side, linked and unlinked. A contact's own links stay under
 * `/contacts/:id/links`.
 */
export function peopleRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/v1/applications/:id/people',
    {
      schema: {
        tags,
        summary: "The people of an application's process, with their part in it",
        params: z.object({ id }),
        response: { 200: z.object({ items: z.array(personResponseSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listApplicationPeople(deps.context(), request.params.id)).map(presentPerson),
    }),
  );

  app.post(
    '/api/v1/applications/:id/people',
    {
      schema: {
        tags,
        summary: 'Link an existing contact to this application, in a part (recruiter, interviewer…)',
        params: z.object({ id }),
        body: contactLinkSchema.omit({ applicationId: true }).extend({ contactId: id }).strict(),
        response: { 201: contactLinkResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { contactId, ...rest } = request.body;
      const link = await linkContact(deps.context(), contactId, {
        ...rest,
        applicationId: request.params.id,
      });
      return reply.status(201).send(presentContactLink(link));
    },
  );

  app.delete(
    '/api/v1/contact-links/:id',
    {
      schema: {
        tags,
        summary: 'Unlink a person from an application (the contact stays)',
        params: z.object({ id }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await unlinkContact(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
