import { z } from 'zod';
import { pairedExtensionsSchema } from '../clipper/origins.ts';
import { isIsoDate } from '../dates.ts';
import { APPLICATION_KINDS, CHANNELS, OUTCOMES, ROUND_KINDS, STAGES, WORK_MODES } from './application.ts';

/**
 * Input schemas and limits shared by every edge (HTTP bodies, CLI flags, backup files, the web
 * forms). Parsing happens once, at the edge; the services receive these typed values.
 */
export const LIMITS = {
  company: 200,
  role: 200,
  url: 2_000,
  location: 200,
  shortText: 200,
  jobDescription: 200_000,
  notes: 20_000,
  tag: 50,
  tags: 30,
  reason: 2_000,
  pageSize: 5_000,
} as const;

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => trimmed(max).min(1, 'required');
const optionalText = (max: number) =>
  trimmed(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

const url = z
  .string()
  .trim()
  .max(LIMITS.url)
  .refine(
    (v) => {
      if (v === '') return true;
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) URL' },
  )
  .transform((v) => (v === '' ? null : v));

/**
 * A company's website or mail domain: `gm.com`, `www.gm.com` or `https://careers.gm.com/x`, kept
 * as the bare host (`gm.com`, `careers.gm.com`), which is what mail is compared with.
 */
export const websiteField = z
  .string()
  .trim()
  .max(LIMITS.url)
  .transform((v) => v.toLowerCase())
  .refine((v) => v === '' || WEBSITE.test(v), { message: 'must be a web address or domain like example.com' })
  .transform((v) => (v === '' ? null : WEBSITE.exec(v)![1]!.replace(/^www\./, '')));
const WEBSITE =
  /^(?:https?:\/\/)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$/;

const rating = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const money = z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000_000);

export const applicationFieldsSchema = z.object({
  company: requiredText(LIMITS.company),
  role: requiredText(LIMITS.role),
  jobUrl: url.nullable().optional(),
  website: websiteField.nullable().optional(),
  location: optionalText(LIMITS.location),
  workMode: z.enum(WORK_MODES).nullable().optional(),
  salaryMin: money.nullable().optional(),
  salaryMax: money.nullable().optional(),
  salaryCurrency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code like EUR')
    .transform((v) => v.toUpperCase())
    .nullable()
    .optional(),
  jobDescription: optionalText(LIMITS.jobDescription),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  resumeVersion: optionalText(LIMITS.shortText),
  coverLetterVersion: optionalText(LIMITS.shortText),
  tags: z.array(requiredText(LIMITS.tag)).max(LIMITS.tags).optional(),
  notes: optionalText(LIMITS.notes),
  priority: rating.nullable().optional(),
  excitement: rating.nullable().optional(),
  appliedOn: isoDate.nullable().optional(),
});

const salaryOrder = (v: { salaryMin?: number | null; salaryMax?: number | null }) =>
  v.salaryMin == null || v.salaryMax == null || v.salaryMin <= v.salaryMax;
const salaryIssue = { message: 'must be at least the lowest salary', path: ['salaryMax'] };

export const createApplicationSchema = applicationFieldsSchema
  .extend({ stage: z.enum(STAGES).optional() })
  .strict()
  .refine(salaryOrder, salaryIssue);
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = applicationFieldsSchema
  .partial()
  .strict()
  .refine(salaryOrder, salaryIssue);
export type UpdateApplicationInput = z.infer<typeof updateApplicationSchema>;
/** What a client sends to add (POST) or edit (PATCH) an application, before trimming and defaults. */
export type ApplicationInputBody = Partial<z.input<typeof createApplicationSchema>>;

export const eventInputSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('stage_changed'), stage: z.enum(STAGES), occurredOn: isoDate.optional() })
    .strict(),
  z
    .object({
      type: z.literal('outcome_set'),
      outcome: z.enum(OUTCOMES),
      reason: optionalText(LIMITS.reason),
      occurredOn: isoDate.optional(),
    })
    .strict(),
  z.object({ type: z.literal('reopened'), occurredOn: isoDate.optional() }).strict(),
  z
    .object({
      type: z.literal('response'),
      summary: optionalText(LIMITS.reason),
      occurredOn: isoDate.optional(),
    })
    .strict(),
  z
    .object({ type: z.literal('note'), text: requiredText(LIMITS.notes), occurredOn: isoDate.optional() })
    .strict(),
  z.object({ type: z.literal('undo'), eventId: z.string().min(1).optional() }).strict(),
]);
export type EventInput = z.infer<typeof eventInputSchema>;
export type EventInputBody = z.input<typeof eventInputSchema>;

const roundFields = {
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z
    .string()
    .refine((v) => isIsoDate(v) || !Number.isNaN(Date.parse(v)), {
      message: 'must be a date (YYYY-MM-DD) or an ISO date-time',
    })
    .nullable()
    .optional(),
  /** Wall-clock start in the user's time zone. */
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, like 14:30')
    .nullable()
    .optional(),
  durationMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1 minute')
    .max(1440, 'must be at most 1440 minutes (a day)')
    .nullable()
    .optional(),
  who: optionalText(LIMITS.shortText),
  notes: optionalText(LIMITS.notes),
};

const timeNeedsDay = (v: { scheduledAt?: string | null; startTime?: string | null }) =>
  !v.startTime || !!v.scheduledAt;
const timeNeedsDayIssue = { message: 'a start time needs a date', path: ['startTime'] };

export const roundInputSchema = z.object(roundFields).strict().refine(timeNeedsDay, timeNeedsDayIssue);
export type RoundInput = z.infer<typeof roundInputSchema>;
export type RoundInputBody = z.input<typeof roundInputSchema>;

/** Changes to a round: only the fields given change; null clears one. */
export const roundUpdateSchema = z.object(roundFields).partial().strict();
export type RoundUpdate = z.infer<typeof roundUpdateSchema>;

export const noteUpdateSchema = z.object({ text: requiredText(LIMITS.notes) }).strict();
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;

export const listQuerySchema = z.object({
  status: z.enum(['open', 'closed', 'all']).default('all'),
  stage: z.enum(STAGES).optional(),
  channel: z.enum(CHANNELS).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  tag: z.string().max(LIMITS.tag).optional(),
  q: z.string().max(LIMITS.shortText).optional(),
  sort: z.enum(['updated', 'applied', 'company', 'priority', 'stage']).default('updated'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
/** The list's query string as a client writes it (every key optional). */
export type ListQueryInput = z.input<typeof listQuerySchema>;

export const settingsSchema = z
  .object({
    ghostAfterDays: z.number().int().min(3, 'must be at least 3 days').max(365),
    timeZone: z.string().refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be an IANA time zone like Europe/Paris' },
    ),
    hideClosedOnBoard: z.boolean(),
    /**
     * The notice rule of the user's region: days within which an employer should answer after an
     * interview. Applications past it are flagged; null turns it off.
     */
    noticeDays: z
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(120, 'must be at most 120 days')
      .nullable(),
    /** Let job-page fetches reach this machine or its network (local mode only; off by default). */
    fetchLocalAddresses: z.boolean(),
    /** How the user signs drafted messages (feedback requests, keep-in-touch notes). */
    userName: z
      .string()
      .trim()
      .max(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`)
      .transform((v) => (v === '' ? null : v))
      .nullable(),
    /** A short e-mail on mornings with something due (hosted servers with e-mail; off by default). */
    reminderEmails: z.boolean(),
    /** Browser extensions (the job clipper) the user paired: they may save jobs to this server. */
    clipperOrigins: pairedExtensionsSchema,
    /** A helpline page the user chose, linked from the reframe card after a rejection. */
    helplineUrl: url.nullable(),
  })
  .partial()
  .strict();
export type SettingsInput = z.infer<typeof settingsSchema>;
export type SettingsInputBody = z.input<typeof settingsSchema>;
