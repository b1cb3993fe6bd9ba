import { z } from 'zod';
import { CHANNELS } from '../applications/application.ts';
import { wilsonRateSchema } from '../insights/wilson-schema.ts';
import { REFERRAL_ASK_STATUSES } from './asks.ts';

/** Wire shapes of referral paths and employer response times. */

const day = z.string().describe('a calendar date, YYYY-MM-DD');

export const referralAskViewSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  contactId: z.string(),
  status: z.enum(REFERRAL_ASK_STATUSES),
  askedOn: day,
  statusOn: day,
});
export type ReferralAskView = z.infer<typeof referralAskViewSchema>;

/** One person the user knows at an application's company, with the ask drafted for them. */
export const personYouKnowSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  /** Set when the contact came from a connections export. */
  connection: z.object({ source: z.string(), connectedOn: day.nullable() }).nullable(),
  ask: referralAskViewSchema.nullable(),
  /** The ask's state in words ("Not asked yet", "Agreed to refer you"). */
  askState: z.string(),
  /** The referral ask drafted from templates/referral-ask.txt (the user's own copy when they have one). */
  draft: z.object({ subject: z.string().nullable(), body: z.string() }),
});
export type PersonYouKnow = z.infer<typeof personYouKnowSchema>;
export const peopleYouKnowSchema = z.array(personYouKnowSchema);

const daysSpreadSchema = z.object({
  n: z.number().int(),
  medianDays: z.number().nullable(),
  p25Days: z.number().nullable(),
  p75Days: z.number().nullable(),
  minDays: z.number().nullable(),
  maxDays: z.number().nullable(),
  /** Fewer than 5 answers: read the range, not the quartiles. */
  fewAnswers: z.boolean(),
});

export const responseTimesSchema = z.object({
  firstResponse: daysSpreadSchema,
  decision: daysSpreadSchema,
  groups: z.array(
    z.object({
      by: z.enum(['channel', 'size', 'industry']),
      key: z.string(),
      firstResponse: daysSpreadSchema,
      decision: daysSpreadSchema,
    }),
  ),
  typicalReplyDays: z.number().int().nullable(),
  summary: z.string(),
  /** The user's notice rule: days within which an employer should answer after an interview. */
  noticeDays: z.number().int().nullable(),
  /** Open applications past the notice rule. */
  pastNotice: z.array(
    z.object({
      applicationId: z.string(),
      company: z.string(),
      role: z.string(),
      interviewOn: day,
      silentDays: z.number().int(),
    }),
  ),
});
export type ResponseTimesView = z.infer<typeof responseTimesSchema>;

export const referralYieldSchema = z.object({
  /** Yield by the channel each application came through, referral on its own line. */
  byChannel: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      applications: z.number().int(),
      responses: wilsonRateSchema,
      interviews: wilsonRateSchema,
      offers: wilsonRateSchema,
    }),
  ),
  asks: z.object({
    asks: z.number().int(),
    agreed: wilsonRateSchema,
    referred: wilsonRateSchema,
    declined: z.number().int(),
    waiting: z.number().int(),
  }),
});
export type ReferralYieldView = z.infer<typeof referralYieldSchema>;

/** The waiting line on one application: how its silence compares with the user's own history. */
export const responseWaitSchema = z.object({
  quiet: z
    .object({
      quietDays: z.number().int(),
      typicalReplyDays: z.number().int().nullable(),
      pastTypical: z.boolean(),
      text: z.string(),
    })
    .nullable(),
  notice: z
    .object({
      interviewOn: day,
      silentDays: z.number().int(),
      noticeDays: z.number().int(),
      pastNotice: z.boolean(),
      text: z.string(),
    })
    .nullable(),
});
export type ResponseWaitView = z.infer<typeof responseWaitSchema>;

export const connectionsImportReportSchema = z.object({
  filename: z.string(),
  /** Lines with a person on them (the header and notes above it left out). */
  rows: z.number().int(),
  created: z.number().int(),
  /** People already kept (same email, LinkedIn address, or name and company), now marked as connections. */
  merged: z.number().int(),
  /** Lines repeating a person earlier in the file. */
  repeatedInFile: z.array(z.number().int()),
  /** Lines not imported, with why (only with skipInvalid; otherwise the import is refused). */
  skipped: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** Saved or open applications where the user now knows someone. */
  applicationsWithPeople: z.number().int(),
});
export type ConnectionsImportReport = z.infer<typeof connectionsImportReportSchema>;

export const peopleListSchema = z.object({ items: peopleYouKnowSchema });

/** The board's view: who the user knows at each saved or open application. */
export const peopleByApplicationSchema = z.object({
  items: z.array(
    z.object({
      applicationId: z.string(),
      people: z.array(z.object({ contactId: z.string(), name: z.string() })),
    }),
  ),
});
