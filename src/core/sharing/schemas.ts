import { z } from 'zod';
import { SHARE_SCOPES } from '../accounts/scopes.ts';
import { channelYieldSchema } from '../channels/schemas.ts';
import { FUNNEL_STAGES } from '../insights/funnel.ts';
import { wilsonRateSchema } from '../insights/wilson-schema.ts';
import { ATTENTION_KINDS } from './attention.ts';

/** Wire shapes of the view log, the caseload, coach notes, check-ins and cohorts. */

const instant = z.string().describe('an ISO date-time');
const day = z.string().describe('a calendar date, YYYY-MM-DD');
const scope = z.enum(SHARE_SCOPES);

export const shareViewEntrySchema = z.object({
  id: z.string(),
  shareId: z.string(),
  coachEmail: z.string(),
  viewerName: z.string(),
  scope,
  what: z.string().describe('the request, e.g. "GET /api/v1/applications"'),
  viewedAt: instant,
});
export const shareViewListSchema = z.object({ items: z.array(shareViewEntrySchema) });
export type ShareViewEntry = z.infer<typeof shareViewEntrySchema>;

export const attentionSchema = z.object({
  kind: z.enum(ATTENTION_KINDS),
  reason: z.string().describe('one sentence a coach can act on'),
});

export const caseloadEntrySchema = z.object({
  workspaceId: z.string(),
  shareId: z.string(),
  name: z.string(),
  email: z.string(),
  scopes: z.array(scope),
  endsOn: day.nullable(),
  lastActivityAt: instant.nullable().describe('the latest change in what was shared (null: none yet)'),
  attention: z.array(attentionSchema),
});
export const caseloadSchema = z.array(caseloadEntrySchema).describe('most urgent first');
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

export const coachNoteSchema = z.object({
  id: z.string(),
  workspaceId: z.string().describe("the seeker's workspace the note is about"),
  coachName: z.string(),
  text: z.string(),
  sharedWithSeeker: z.boolean(),
  createdAt: instant,
});
export const coachNoteListSchema = z.object({ items: z.array(coachNoteSchema) });
export type CoachNoteView = z.infer<typeof coachNoteSchema>;

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined'] as const;

export const proposalSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  coachName: z.string(),
  text: z.string(),
  weekOf: day.describe('Monday of the week it is for'),
  status: z.enum(PROPOSAL_STATUSES),
  createdAt: instant,
  answer: z.string().nullable().describe('what the seeker accepted (their wording), null until accepted'),
  answeredAt: instant.nullable(),
  goalId: z.string().nullable().describe('the weekly goal accepting added'),
});
export const proposalListSchema = z.object({ items: z.array(proposalSchema) });
export type ProposalView = z.infer<typeof proposalSchema>;

export const cohortSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  invited: z.number().int().describe('invitations not yet answered'),
  members: z.number().int().describe('seekers who said yes (only they are counted)'),
});
export const cohortListSchema = z.object({ items: z.array(cohortSchema) });
export type CohortView = z.infer<typeof cohortSchema>;

export const cohortMemberSchema = z.object({
  id: z.string(),
  cohortId: z.string(),
  email: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['invited', 'accepted', 'declined']),
  invitedAt: instant,
  answeredAt: instant.nullable(),
});
export type CohortMemberView = z.infer<typeof cohortMemberSchema>;

export const cohortInvitationSchema = z.object({
  id: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  invitedByName: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['invited', 'accepted', 'declined']),
  invitedAt: instant,
});
export const cohortInvitationListSchema = z.object({ items: z.array(cohortInvitationSchema) });
export type CohortInvitationView = z.infer<typeof cohortInvitationSchema>;

const funnelStepSchema = z.object({
  stage: z.enum(FUNNEL_STAGES),
  reached: z.number().int(),
  conversionFromPrevious: wilsonRateSchema.nullable(),
  rejectedHere: z.number().int(),
});

export const cohortGroupSchema = z.object({
  key: z.string().describe('"all", or "tag:<tag>"'),
  tag: z.string().nullable(),
  suppressed: z.boolean().describe('true when fewer than the minimum people are in the group'),
  note: z.string().nullable(),
  members: z.number().int().nullable().describe('null when suppressed'),
  applications: z.number().int().nullable(),
  funnel: z.array(funnelStepSchema).nullable(),
  channelYields: z.array(channelYieldSchema).nullable(),
  timeToFirstInterview: z
    .object({
      medianDays: z.number().nullable(),
      n: z.number().int().describe('members who have had an interview'),
    })
    .nullable()
    .describe("days from a member's first application to their first interview"),
});
export type CohortGroup = z.infer<typeof cohortGroupSchema>;

export const cohortInsightsSchema = z.object({
  cohortId: z.string(),
  name: z.string(),
  minGroupSize: z.number().int(),
  groups: z.array(cohortGroupSchema),
});
export type CohortInsights = z.infer<typeof cohortInsightsSchema>;
