import { z } from 'zod';
import {
  caseloadQuerySchema,
  coachNoteInputSchema,
  cohortInputSchema,
  cohortMemberInputSchema,
  idParamsSchema,
  proposalAcceptSchema,
  proposalInputSchema,
  shareViewsQuerySchema,
  workspaceParamsSchema,
} from '../../core/sharing/input.ts';
import {
  caseloadSchema,
  coachNoteListSchema,
  coachNoteSchema,
  cohortInsightsSchema,
  cohortInvitationListSchema,
  cohortInvitationSchema,
  cohortListSchema,
  cohortMemberSchema,
  cohortSchema,
  proposalListSchema,
  proposalSchema,
  shareViewListSchema,
} from '../../core/sharing/schemas.ts';
import type { AccountsContext, Principal } from '../../services/accounts/accounts.ts';
import { listShareViews } from '../../services/accounts/shares.ts';
import { getCaseload } from '../../services/sharing/caseload.ts';
import {
  acceptCheckIn,
  addCoachNote,
  declineCheckIn,
  deleteCoachNote,
  listCoachNotesOn,
  listMyProposals,
  listNotesSharedWithMe,
  listProposalsTo,
  proposeCheckIn,
} from '../../services/sharing/coaching.ts';
import {
  answerCohortInvitation,
  cohortInsightsCsv,
  createCohort,
  getCohortInsights,
  inviteToCohort,
  listCohortInvitations,
  listCohortMembers,
  listCohorts,
} from '../../services/sharing/cohorts.ts';
import type { App, RouteDeps } from '../deps.ts';
import { signedIn } from './auth.ts';
import { errorResponses } from './openapi.ts';

const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });

/**
 * The coach's side of sharing and the seeker's answers to it: the seeker's view log, the
 * caseload with its signals, coach notes, weekly plan check-ins; and cohorts (admin, analyst).
 * Every route acts as the caller (no `Rebound-Workspace`): a coach names the seeker's workspace
 * in the path, and the services check that it is shared with them today, within its scopes.
 */
export function coachingRoutes(app: App, deps: RouteDeps): void {
  const who = (request: { principal: Principal | null }) => signedIn(deps, request.principal);

  /** A GET of the signed-in caller's own list, answered as `{ items }`. */
  function listOfMine<T>(
    url: string,
    tag: string,
    summary: string,
    response: z.ZodType<{ items: T[] }>,
    list: (accounts: AccountsContext, caller: Principal) => Promise<T[]>,
  ): void {
    app.get(url, { schema: { tags: [tag], summary, response: ok(response) } }, async (request) => ({
      items: await list(deps.accounts, who(request)),
    }));
  }

  /**
   * What a coach keeps on one seeker, under `/api/v1/caseload/:workspaceId/<kind>`: POST adds one
   * (201), GET lists them. The services check that the seeker shares with the caller.
   */
  function onSeeker<I, O, T>(
    kind: string,
    create: {
      summary: string;
      body: z.ZodType<I>;
      response: z.ZodType<O>;
      run: (accounts: AccountsContext, caller: Principal, workspaceId: string, input: I) => Promise<O>;
    },
    list: {
      summary: string;
      response: z.ZodType<{ items: T[] }>;
      run: (accounts: AccountsContext, caller: Principal, workspaceId: string) => Promise<T[]>;
    },
  ): void {
    const url = `/api/v1/caseload/:workspaceId/${kind}`;
    const tags = ['coaching'];
    app.post(
      url,
      {
        schema: {
          tags,
          summary: create.summary,
          params: workspaceParamsSchema,
          body: create.body,
          response: created(create.response),
        },
      },
      // The body was parsed by `create.body`; the provider's generic type cannot say it is an I.
      async (request, reply) =>
        reply
          .status(201)
          .send(await create.run(deps.accounts, who(request), request.params.workspaceId, request.body as I)),
    );
    app.get(
      url,
      { schema: { tags, summary: list.summary, params: workspaceParamsSchema, response: ok(list.response) } },
      async (request) => ({ items: await list.run(deps.accounts, who(request), request.params.workspaceId) }),
    );
  }

  app.get(
    '/api/v1/shares/views',
    {
      schema: {
        tags: ['sharing'],
        summary: 'What each coach read of your workspace, and when (newest first, at most 500)',
        querystring: shareViewsQuerySchema,
        response: ok(shareViewListSchema),
      },
    },
    async (request) => ({ items: await listShareViews(deps.accounts, who(request), request.query) }),
  );

  app.get(
    '/api/v1/caseload',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Seekers who share with you, with what needs attention, most urgent first',
        querystring: caseloadQuerySchema,
        response: ok(caseloadSchema),
      },
    },
    async (request) => getCaseload(deps.accounts, who(request), request.query),
  );

  onSeeker(
    'notes',
    {
      summary: 'Write a note on a seeker: yours alone, or shared with them',
      body: coachNoteInputSchema,
      response: coachNoteSchema,
      run: addCoachNote,
    },
    {
      summary: 'Your notes on a seeker, newest first',
      response: coachNoteListSchema,
      run: listCoachNotesOn,
    },
  );

  app.delete(
    '/api/v1/coach-notes/:id',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Delete one of your notes',
        params: idParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteCoachNote(deps.accounts, who(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  listOfMine(
    '/api/v1/coach-notes',
    'coaching',
    'Notes your coaches shared with you (their private notes never show)',
    coachNoteListSchema,
    listNotesSharedWithMe,
  );

  onSeeker(
    'proposals',
    {
      summary: 'Propose a step for a seeker’s weekly plan (needs the goals scope)',
      body: proposalInputSchema,
      response: proposalSchema,
      run: proposeCheckIn,
    },
    {
      summary: 'Your check-ins with a seeker and their answers',
      response: proposalListSchema,
      run: listProposalsTo,
    },
  );

  listOfMine(
    '/api/v1/proposals',
    'coaching',
    'Check-ins your coaches proposed for your weekly plan',
    proposalListSchema,
    listMyProposals,
  );

  app.post(
    '/api/v1/proposals/:id/accept',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Accept a check-in, in your own words if you like: it joins your weekly goals',
        params: idParamsSchema,
        body: proposalAcceptSchema.nullish(),
        response: ok(proposalSchema),
      },
    },
    async (request) => {
      const principal = who(request);
      const settings = deps.settings();
      const workspace = {
        db: deps.accounts.db,
        clock: deps.accounts.clock,
        workspaceId: principal.user.workspace_id,
        timeZone: settings.timeZone,
      };
      return acceptCheckIn(deps.accounts, principal, workspace, request.params.id, request.body ?? {});
    },
  );

  app.post(
    '/api/v1/proposals/:id/decline',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Decline a check-in',
        params: idParamsSchema,
        response: ok(proposalSchema),
      },
    },
    async (request) => declineCheckIn(deps.accounts, who(request), request.params.id),
  );

  app.post(
    '/api/v1/cohorts',
    {
      schema: {
        tags: ['cohorts'],
        summary: 'Make a cohort (admin)',
        body: cohortInputSchema,
        response: created(cohortSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCohort(deps.accounts, who(request), request.body)),
  );

  listOfMine(
    '/api/v1/cohorts',
    'cohorts',
    'Cohorts, with how many were invited and how many said yes (admin, analyst)',
    cohortListSchema,
    listCohorts,
  );

  app.post(
    '/api/v1/cohorts/:id/members',
    {
      schema: {
        tags: ['cohorts'],
        summary: 'Invite a seeker into a cohort with tags; they count once they say yes (admin)',
        params: idParamsSchema,
        body: cohortMemberInputSchema,
        response: created(cohortMemberSchema),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inviteToCohort(deps.accounts, who(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cohorts/:id/members',
    {
      schema: {
        tags: ['cohorts'],
        summary: 'A cohort’s members and their answers (admin)',
        params: idParamsSchema,
        response: ok(z.object({ items: z.array(cohortMemberSchema) })),
      },
    },
    async (request) => ({ items: await listCohortMembers(deps.accounts, who(request), request.params.id) }),
  );

  app.get(
    '/api/v1/cohorts/:id/insights',
    {
      schema: {
        tags: ['cohorts'],
        summary:
          'Funnel, channel yields and time to a first interview across consenting members, by tag (groups under 5 suppressed)',
        params: idParamsSchema,
        response: ok(cohortInsightsSchema),
      },
    },
    async (request) => getCohortInsights(deps.accounts, who(request), request.params.id),
  );

  app.get(
    '/api/v1/cohorts/:id/insights.csv',
    {
      schema: {
        tags: ['cohorts'],
        summary: 'The cohort insights as CSV: one row per number',
        params: idParamsSchema,
        response: ok(z.string().describe('text/csv: group, members, measure, key, value, n')),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cohort-insights.csv"')
        .send(await cohortInsightsCsv(deps.accounts, who(request), request.params.id)),
  );

  listOfMine(
    '/api/v1/cohort-invitations',
    'cohorts',
    'Cohorts you were invited into, and your answers',
    cohortInvitationListSchema,
    listCohortInvitations,
  );

  for (const [action, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/api/v1/cohort-invitations/:id/${action}`,
      {
        schema: {
          tags: ['cohorts'],
          summary:
            action === 'accept'
              ? 'Say yes: your numbers count in the cohort’s aggregates (never shown on their own)'
              : 'Say no, or take back a yes: your numbers stop counting',
          params: idParamsSchema,
          response: ok(cohortInvitationSchema),
        },
      },
      async (request) => answerCohortInvitation(deps.accounts, who(request), request.params.id, answer),
    );
  }
}
