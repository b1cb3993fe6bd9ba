import { z } from 'zod';
import { peopleYouKnowSchema, responseWaitSchema } from '../referrals/schemas.ts';
import {
  APPLICATION_KINDS,
  type Application,
  CHANNEL_LABELS,
  CHANNELS,
  OUTCOME_LABELS,
  OUTCOMES,
  ROUND_KIND_LABELS,
  ROUND_KINDS,
  STAGE_LABELS,
  STAGES,
  WORK_MODES,
} from './application.ts';

/**
 * The wire shapes of the application routes: what the server sends and the web app reads.
 * The presenters (src/services/presenters.ts) are typed by these, the routes declare them for the
 * OpenAPI document, and every HTTP test checks real responses against them.
 */

const stage = z.enum(STAGES);
const outcome = z.enum(OUTCOMES);
const day = z.string().describe('a calendar date, YYYY-MM-DD');
const instant = z.string().describe('an ISO date-time');

export const applicationSummarySchema = z.object({
  id: z.string(),
  company: z.string(),
  role: z.string(),
  location: z.string().nullable(),
  workMode: z.enum(WORK_MODES).nullable(),
  channel: z.enum(CHANNELS),
  kind: z.enum(APPLICATION_KINDS),
  tags: z.array(z.string()),
  priority: z.number().int().nullable(),
  excitement: z.number().int().nullable(),
  appliedOn: day.nullable(),
  stage,
  furthestStage: stage,
  outcome: outcome.nullable(),
  closedOn: day.nullable(),
  lastActivityOn: day.nullable(),
  lastResponseOn: day.nullable(),
  likelyGhosted: z.boolean(),
  daysSilent: z.number().int().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  jobUrl: z.string().nullable(),
  website: z.string().nullable(),
  resumeVersion: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

const eventBase = {
  id: z.string(),
  occurredOn: day,
  recordedAt: instant,
  undone: z.boolean(),
  /** Notes only: how the note reads now, after edits and deletion. */
  current: z.object({ text: z.string(), edited: z.boolean(), deleted: z.boolean() }).optional(),
  /** True when a coach reads it without the notes scope: its words are replaced by NOT_SHARED_TEXT. */
  redacted: z.boolean().optional(),
};

/** What a coach without the notes scope reads in place of a note's (or a reason's) words. */
export const NOT_SHARED_TEXT = '(not shared)';

/** What a person can change about an interview round (kept in edit and delete events). */
const roundFacts = z.object({
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.string().nullable(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  who: z.string().nullable(),
  notes: z.string().nullable(),
});

/** One entry of the history, its `data` typed by its `type`. */
export const timelineEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('created'), data: z.object({ stage }) }),
  z.object({ ...eventBase, type: z.literal('stage_changed'), data: z.object({ from: stage, to: stage }) }),
  z.object({
    ...eventBase,
    type: z.literal('outcome_set'),
    data: z.object({ outcome, reason: z.string().nullable().optional() }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('reopened'),
    data: z.object({ previousOutcome: outcome.nullable() }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('round_added'),
    data: z.object({ roundId: z.string(), number: z.number().int(), kind: z.enum(ROUND_KINDS) }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('response'),
    data: z.object({ summary: z.string().nullable().optional() }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('note'),
    data: z.object({ text: z.string() }),
  }),
  z.object({ ...eventBase, type: z.literal('undo'), data: z.object({ eventId: z.string() }) }),
  z.object({
    ...eventBase,
    type: z.literal('round_edited'),
    data: z.object({ roundId: z.string(), number: z.number().int(), before: roundFacts, after: roundFacts }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('round_deleted'),
    data: z.object({ roundId: z.string(), number: z.number().int(), round: roundFacts }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('note_edited'),
    data: z.object({ eventId: z.string(), text: z.string(), previousText: z.string() }),
  }),
  z.object({
    ...eventBase,
    type: z.literal('note_deleted'),
    data: z.object({ eventId: z.string(), text: z.string() }),
  }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const roundSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.string().nullable().describe('YYYY-MM-DD, or an ISO date-time when the time is known'),
  /** The start as HH:MM in the user's time zone, on the day of `scheduledAt`. */
  startTime: z.string().nullable(),
  /** How long it is planned to last, in minutes. */
  durationMinutes: z.number().int().nullable(),
  who: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Round = z.infer<typeof roundSchema>;

export const applicationDetailSchema = applicationSummarySchema.extend({
  jobDescription: z.string().nullable(),
  coverLetterVersion: z.string().nullable(),
  notes: z.string().nullable(),
  events: z.array(timelineEventSchema),
  rounds: z.array(roundSchema),
  /** People the user knows at this company, with a drafted referral ask (GET and `rebound show` only). */
  peopleYouKnow: peopleYouKnowSchema.optional(),
  /** Its silence against the user's own reply history, and the notice rule (GET and `rebound show` only). */
  responseWait: responseWaitSchema.optional(),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;
// The wire shape shows every field of an application (a new field must be added above).
const detailShowsEveryField: [Exclude<keyof Application, keyof ApplicationDetail>] extends [never]
  ? true
  : false = true;
void detailShowsEveryField;

export const applicationListSchema = z.object({
  items: z.array(applicationSummarySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ApplicationList = z.infer<typeof applicationListSchema>;

export const timelineSchema = z.object({ items: z.array(timelineEventSchema) });

/** The vocabulary the web app shows: stages, outcomes, channels and their labels. */
export const metaSchema = z.object({
  stages: z.array(stage).readonly(),
  outcomes: z.array(outcome).readonly(),
  channels: z.array(z.enum(CHANNELS)).readonly(),
  roundKinds: z.array(z.enum(ROUND_KINDS)).readonly(),
  workModes: z.array(z.enum(WORK_MODES)).readonly(),
  kinds: z.array(z.enum(APPLICATION_KINDS)).readonly(),
  labels: z.object({
    stage: z.record(stage, z.string()),
    outcome: z.record(outcome, z.string()),
    channel: z.record(z.enum(CHANNELS), z.string()),
    roundKind: z.record(z.enum(ROUND_KINDS), z.string()),
  }),
});
export type Meta = z.infer<typeof metaSchema>;
// The labels above must cover every value; the compiler checks the records' keys.
void ({
  stage: STAGE_LABELS,
  outcome: OUTCOME_LABELS,
  channel: CHANNEL_LABELS,
  roundKind: ROUND_KIND_LABELS,
} satisfies Meta['labels']);

export const settingsViewSchema = z.object({
  ghostAfterDays: z.number().int(),
  timeZone: z.string(),
  hideClosedOnBoard: z.boolean(),
  /** Days within which an employer should answer after an interview (the user's notice rule); null when not set. */
  noticeDays: z.number().int().nullable(),
  /** Let job-page fetches reach this machine or its private network; a hosted server never does. */
  fetchLocalAddresses: z.boolean(),
  userName: z.string().nullable(),
  /** A short e-mail on mornings with something due (hosted servers with e-mail; off by default). */
  reminderEmails: z.boolean(),
  /** Browser extensions paired to save jobs here (`chrome-extension://…`, `moz-extension://…`). */
  clipperOrigins: z.array(z.string()),
  /** A helpline page the user chose (linked from the reframe card after a rejection). */
  helplineUrl: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
