import { z } from 'zod';
import {
  APPLICATION_KINDS,
  CHANNELS,
  EVENT_TYPES,
  OUTCOMES,
  ROUND_KINDS,
  STAGES,
  WORK_MODES,
} from '../../core/applications/application.ts';

/**
 * Response schemas for applications, as the presenters in services/presenters.ts shape them.
 * They document the API (OpenAPI); the presenters are the single source of the wire shape.
 */
const day = z.string().describe('YYYY-MM-DD');

export const applicationSummaryResponse = z.object({
  id: z.string(),
  company: z.string(),
  role: z.string(),
  location: z.string().nullable(),
  workMode: z.enum(WORK_MODES).nullable(),
  channel: z.enum(CHANNELS),
  kind: z.enum(APPLICATION_KINDS).describe('type of work: job (employment), contract, freelance, internship'),
  tags: z.array(z.string()),
  priority: z.number().int().nullable(),
  excitement: z.number().int().nullable(),
  appliedOn: day.nullable(),
  stage: z.enum(STAGES),
  furthestStage: z.enum(STAGES),
  outcome: z.enum(OUTCOMES).nullable(),
  closedOn: day.nullable(),
  lastActivityOn: day.nullable(),
  lastResponseOn: day.nullable(),
  likelyGhosted: z.boolean(),
  daysSilent: z.number().int().nullable(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  salaryCurrency: z.string().nullable(),
  jobUrl: z.string().nullable(),
  resumeVersion: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const eventResponse = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  occurredOn: day,
  recordedAt: z.string(),
  data: z.record(z.string(), z.unknown()).describe('the payload of this event type'),
  undone: z.boolean(),
  current: z
    .object({ text: z.string(), edited: z.boolean(), deleted: z.boolean() })
    .optional()
    .describe('notes only: how the note reads now'),
});

export const roundResponse = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.string().nullable(),
  startTime: z.string().nullable().describe('HH:MM in the user’s time zone'),
  durationMinutes: z.number().int().nullable(),
  who: z.string().nullable(),
  notes: z.string().nullable(),
});

export const applicationDetailResponse = applicationSummaryResponse.extend({
  jobDescription: z.string().nullable(),
  coverLetterVersion: z.string().nullable(),
  notes: z.string().nullable(),
  events: z.array(eventResponse),
  rounds: z.array(roundResponse),
});
