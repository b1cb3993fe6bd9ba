import { z } from 'zod';
import { APPLICATION_KINDS, CHANNELS, OUTCOMES, STAGES, WORK_MODES } from '../applications/application.ts';
import { IMPORT_FIELDS } from './header-aliases.ts';
import { DUPLICATE_ACTIONS } from './likely-duplicates.ts';

/** Wire shapes of imports: spreadsheet preview and report, job pages, e-mail import and review. */

const importField = z.enum(IMPORT_FIELDS);
const duplicateSchema = z.object({
  line: z.number().int(),
  company: z.string(),
  role: z.string(),
  reason: z.string(),
  /** Set when the row looks like this application, already in Rebound. */
  existing: z
    .object({ id: z.string(), company: z.string(), role: z.string(), appliedOn: z.string().nullable() })
    .optional(),
  /** What the import does with the row: merge into `existing`, skip it, or keep both. */
  action: z.enum(DUPLICATE_ACTIONS),
});
const invalidSchema = z.object({ line: z.number().int(), message: z.string() });

export const importPreviewViewSchema = z.object({
  filename: z.string(),
  /** The tracker export recognised from the headers, or null for a generic spreadsheet. */
  layout: z
    .object({
      id: z.enum(['linkedin-applications', 'linkedin-saved-jobs', 'jobsync', 'teal', 'huntr']),
      name: z.string(),
    })
    .nullable(),
  mapping: z.object({
    fields: z.partialRecord(
      importField,
      z.object({ column: z.string().nullable(), index: z.number().int(), confidence: z.number() }),
    ),
    confidence: z.number(),
    missing: z.array(importField),
    unmapped: z.array(z.string()),
    headers: z.array(z.string()),
  }),
  /** Each status label of the file and how it will be read (null: not understood). */
  stageLabels: z.array(
    z.object({
      label: z.string(),
      stage: z.enum(STAGES).nullable(),
      outcome: z.enum(OUTCOMES).nullable(),
      rows: z.number().int(),
    }),
  ),
  counts: z.object({
    rows: z.number().int(),
    toCreate: z.number().int(),
    /** Rows to fold into the application they repeat. */
    toMerge: z.number().int(),
    duplicates: z.number().int(),
    /** Rows that look like an application already in Rebound (typed by hand, another tracker). */
    alreadyInRebound: z.number().int(),
    invalid: z.number().int(),
  }),
  toCreate: z.array(
    z.object({
      line: z.number().int(),
      company: z.string(),
      role: z.string(),
      jobUrl: z.string().nullable(),
      website: z.string().nullable(),
      location: z.string().nullable(),
      workMode: z.enum(WORK_MODES).nullable(),
      salaryMin: z.number().nullable(),
      salaryMax: z.number().nullable(),
      salaryCurrency: z.string().nullable(),
      notes: z.string().nullable(),
      channel: z.enum(CHANNELS),
      kind: z.enum(APPLICATION_KINDS),
      appliedOn: z.string().nullable(),
      tags: z.array(z.string()),
      stage: z.enum(STAGES),
      outcome: z.enum(OUTCOMES).nullable(),
      outcomeOn: z.string().nullable(),
      savedOn: z.string().nullable(),
      contact: z.string().nullable(),
      dedupeKey: z.string(),
    }),
  ),
  duplicates: z.array(duplicateSchema),
  invalid: z.array(invalidSchema),
});
export type ImportPreview = z.infer<typeof importPreviewViewSchema>;

export const importReportSchema = z.object({
  filename: z.string(),
  created: z.number().int(),
  /** Rows folded into the application they repeated. */
  merged: z.number().int(),
  applicationIds: z.array(z.string()),
  skippedDuplicates: z.array(duplicateSchema),
  skippedInvalid: z.array(invalidSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The boards whose page structure the job-page reader knows (`src/io/job-boards.ts`). */
export const JOB_BOARDS = ['linkedin', 'indeed', 'greenhouse', 'lever', 'workday', 'ashby'] as const;
export type JobBoard = (typeof JOB_BOARDS)[number];

export const jobPageResultSchema = z.object({
  /** JSON-LD `JobPosting`, a known board's page structure, or the page's readable text. */
  source: z.enum(['json-ld', 'board', 'text', 'none']),
  board: z.enum(JOB_BOARDS).nullable(),
  channel: z.enum(CHANNELS),
  employmentType: z.string().nullable(),
  /** The fields of a new application, ready for the add form; nothing is saved. */
  fields: z
    .object({
      company: z.string(),
      role: z.string(),
      location: z.string().nullable(),
      workMode: z.enum(WORK_MODES).nullable(),
      jobUrl: z.string().nullable(),
      jobDescription: z.string().nullable(),
      salaryMin: z.number().nullable(),
      salaryMax: z.number().nullable(),
      salaryCurrency: z.string().nullable(),
      channel: z.enum(CHANNELS),
      kind: z.enum(APPLICATION_KINDS),
    })
    .partial(),
});
export type JobPageResult = z.infer<typeof jobPageResultSchema>;

export const MAIL_IMPORT_STATUSES = ['applied', 'pending', 'dismissed', 'already_imported'] as const;

export const mailImportItemSchema = z.object({
  /** 1-based position in the file (always 1 for an .eml). */
  index: z.number().int(),
  id: z.string().nullable(),
  subject: z.string(),
  from: z.string().nullable(),
  kind: z.string(),
  confidence: z.number(),
  evidence: z.array(z.string()),
  /** Why it was matched to its application (the signals used), or why to no one application. */
  matchReasons: z.array(z.string()),
  applicationId: z.string().nullable(),
  status: z.enum(MAIL_IMPORT_STATUSES),
  action: z.string().nullable(),
});
export type MailImportItem = z.infer<typeof mailImportItemSchema>;

export const mailImportReportSchema = z.object({
  filename: z.string(),
  messages: z.number().int(),
  applied: z.number().int(),
  pending: z.number().int(),
  dismissed: z.number().int(),
  alreadyImported: z.number().int(),
  items: z.array(mailImportItemSchema),
  /** Messages that could not be read; the others were imported. */
  errors: z.array(z.object({ index: z.number().int(), line: z.number().int(), message: z.string() })),
});
export type MailImportReport = z.infer<typeof mailImportReportSchema>;

export const queuedMailSchema = z.object({
  id: z.string(),
  from: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string(),
  sentAt: z.string().nullable(),
  excerpt: z.string(),
  kind: z.string(),
  confidence: z.number(),
  evidence: z.array(z.string()),
  applicationId: z.string().nullable(),
  matchScore: z.number().nullable(),
  matchReasons: z.array(z.string()),
  status: z.enum(['pending', 'applied', 'dismissed']),
  action: z.string().nullable(),
});
export type QueuedMail = z.infer<typeof queuedMailSchema>;
export const queuedMailListSchema = z.object({ items: z.array(queuedMailSchema) });
