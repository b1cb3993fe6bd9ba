import { z } from 'zod';
import { SHARE_SCOPES } from '../accounts/scopes.ts';

/**
 * Wire shapes of the sharing helper's routes of issue 13 (view log, caseload, coach notes, plan
 * proposals, cohorts), written by the web helper from /work/hosted-contract.md ahead of those
 * routes; the lead reconciles them with the routes' own when merging.
 */

const instant = z.string().describe('an ISO date-time');
const day = z.string().describe('a calendar date, YYYY-MM-DD');

/** One read of a seeker's shared data by a coach, as the seeker's log shows it. */
export const shareViewSchema = z.object({
  id: z.string(),
  shareId: z.string(),
  coachEmail: z.string(),
  viewerName: z.string(),
  scope: z.enum(SHARE_SCOPES),
  what: z.string().describe('what was read, in words or as the route read'),
  viewedAt: instant,
});
export type ShareViewEntry = z.infer<typeof shareViewSchema>;
export const shareViewListSchema = z.object({ items: z.array(shareViewSchema) });

export const ATTENTION_KINDS = [
  'quiet',
  'overdue_followups',
  'rejection_run',
  'plan_missed',
  'stalled',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  quiet: 'Quiet',
  overdue_followups: 'Follow-ups overdue',
  rejection_run: 'Several no’s this week',
  plan_missed: 'Weekly plan missed',
  stalled: 'Stalled',
};

export const caseloadEntrySchema = z.object({
  workspaceId: z.string(),
  shareId: z.string(),
  name: z.string(),
  email: z.string(),
  scopes: z.array(z.enum(SHARE_SCOPES)),
  endsOn: day.nullable(),
  lastActivityAt: instant.nullable(),
  attention: z.array(z.object({ kind: z.enum(ATTENTION_KINDS), reason: z.string() })),
});
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;
/** GET caseload: a top-level array, most urgent first. */
export const caseloadSchema = z.array(caseloadEntrySchema);

export const coachNoteSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  coachName: z.string(),
  text: z.string(),
  sharedWithSeeker: z.boolean(),
  createdAt: instant,
});
export type CoachNoteView = z.infer<typeof coachNoteSchema>;
export const coachNoteListSchema = z.object({ items: z.array(coachNoteSchema) });

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export const proposalSchema = z.object({
  id: z.string(),
  coachName: z.string(),
  text: z.string(),
  weekOf: day,
  status: z.enum(PROPOSAL_STATUSES),
  createdAt: instant,
  answer: z.string().nullable().describe('the text the seeker accepted (maybe edited)'),
});
export type ProposalView = z.infer<typeof proposalSchema>;
export const proposalListSchema = z.object({ items: z.array(proposalSchema) });

export const cohortSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  memberCount: z.number().int().optional(),
});
export type CohortView = z.infer<typeof cohortSchema>;
export const cohortListSchema = z.object({ items: z.array(cohortSchema) });

export const cohortMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  status: z.enum(['invited', 'accepted', 'declined']),
});
export type CohortMemberView = z.infer<typeof cohortMemberSchema>;

export const cohortInvitationSchema = z.object({
  id: z.string(),
  cohortName: z.string(),
  invitedByName: z.string().nullable().optional(),
  tags: z.array(z.string()),
  createdAt: instant,
});
export type CohortInvitationView = z.infer<typeof cohortInvitationSchema>;
export const cohortInvitationListSchema = z.object({ items: z.array(cohortInvitationSchema) });

/** One group of a cohort's insights: everyone, or the members with one tag. */
export const cohortGroupSchema = z.object({
  tag: z.string().nullable().describe('null for the whole cohort'),
  people: z.number().int(),
  suppressed: z.boolean().describe('fewer than 5 people: no figures are shown'),
  funnel: z.array(z.object({ stage: z.string(), reached: z.number().int() })).nullable(),
  channels: z
    .array(z.object({ channel: z.string(), applications: z.number().int(), interviews: z.number().int() }))
    .nullable(),
  medianDaysToFirstInterview: z.number().nullable(),
});
export type CohortGroupView = z.infer<typeof cohortGroupSchema>;
export const cohortInsightsSchema = z.object({
  cohortId: z.string(),
  consenting: z.number().int(),
  groups: z.array(cohortGroupSchema),
});
export type CohortInsightsView = z.infer<typeof cohortInsightsSchema>;
