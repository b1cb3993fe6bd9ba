import { z } from 'zod';
import {
  adminSettingsPatchSchema,
  adminUserPatchSchema,
  invitationCreateSchema,
} from '../../core/accounts/input.ts';
import {
  adminSettingsSchema,
  adminUserListSchema,
  adminUserSchema,
  invitationCreatedSchema,
  invitationListSchema,
  resetLinkSchema,
} from '../../core/accounts/schemas.ts';
import {
  changeRole,
  getAdminSettings,
  listAccounts,
  requireAdmin,
  updateAdminSettings,
} from '../../services/accounts/admin.ts';
import {
  createInvitation,
  deleteInvitationFor,
  listInvitationsFor,
} from '../../services/accounts/invitations.ts';
import { adminResetLink } from '../../services/accounts/password-reset.ts';
import type { App, RouteDeps } from '../deps.ts';
import { signedIn } from './auth.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });

/** Invitations (admins and coaches), and the server's admin pages: open sign-up, people, roles. */
export function adminRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Invite someone by e-mail (admin: any role; coach: job seekers); the link is e-mailed when SMTP is set up',
        body: invitationCreateSchema,
        response: { 201: invitationCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInvitation(deps.accounts, signedIn(deps, request.principal), request.body)),
  );

  app.get(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Invitations you sent (an admin sees all), newest first',
        response: ok(invitationListSchema),
      },
    },
    async (request) => ({
      items: await listInvitationsFor(deps.accounts, signedIn(deps, request.principal)),
    }),
  );

  app.delete(
    '/api/v1/invitations/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Withdraw an invitation (its link stops working)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInvitationFor(deps.accounts, signedIn(deps, request.principal), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Server settings: open sign-up, and whether e-mail is set up (admin)',
        response: ok(adminSettingsSchema),
      },
    },
    async (request) => getAdminSettings(deps.accounts, signedIn(deps, request.principal)),
  );

  app.patch(
    '/api/v1/admin/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Open or close sign-up without an invitation (admin)',
        body: adminSettingsPatchSchema,
        response: ok(adminSettingsSchema),
      },
    },
    async (request) => updateAdminSettings(deps.accounts, signedIn(deps, request.principal), request.body),
  );

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Everyone with an account on this server, oldest first (admin; never their data)',
        response: ok(adminUserListSchema),
      },
    },
    async (request) => ({ items: await listAccounts(deps.accounts, signedIn(deps, request.principal)) }),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Change someone's role (admin; the server keeps at least one admin)",
        params: idParams,
        body: adminUserPatchSchema,
        response: ok(adminUserSchema),
      },
    },
    async (request) =>
      changeRole(deps.accounts, signedIn(deps, request.principal), request.params.id, request.body.role),
  );

  app.post(
    '/api/v1/admin/users/:id/password-reset',
    {
      schema: {
        tags: ['admin'],
        summary:
          'A password-reset link for someone (admin): e-mailed to them when SMTP is set up, else shown here to pass on',
        params: idParams,
        response: ok(resetLinkSchema),
      },
    },
    async (request) => {
      requireAdmin(signedIn(deps, request.principal));
      return adminResetLink(deps.accounts, request.params.id);
    },
  );
}
