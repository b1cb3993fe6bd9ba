/**
 * Input schemas for getting data in (spreadsheet imports, job pages, e-mail), shared by the HTTP
 * routes, the CLI and the web forms. Files travel as base64 inside JSON so one content type
 * carries the file and the choices made about it (mapping, skip invalid rows).
 */
import { z } from 'zod';
import { OUTCOMES, STAGES } from '../applications/application.ts';
import { ReboundError } from '../errors.ts';
import { MAIL_KINDS } from '../mail/mail-phrases.ts';
import { IMPORT_FIELDS, type ImportField } from './header-aliases.ts';
import { DUPLICATE_ACTIONS } from './likely-duplicates.ts';

/** Largest spreadsheet an import reads (bytes); bigger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Largest e-mail file (.eml or mbox) an import reads. */
export const MAX_MAIL_BYTES = 100 * 1024 * 1024;
/** Largest job page fetched or pasted. */
export const MAX_JOB_PAGE_BYTES = 5 * 1024 * 1024;

const filename = z.string().trim().min(1, 'required').max(255, 'must be at most 255 characters');
const base64 = z
  .string()
  .min(1, 'required')
  .regex(/^[A-Za-z0-9+/=\s_-]*$/, 'must be base64');

export const fileUploadSchema = z.object({ filename, contentBase64: base64 }).strict();
export type FileUpload = z.infer<typeof fileUploadSchema>;

/** A field → column choice: the column's header, its 0-based index, or null to leave the field out. */
export const mappingOverrideSchema = z
  .partialRecord(
    z.enum(IMPORT_FIELDS),
    z.union([z.string().trim().min(1), z.number().int().min(0), z.null()]),
  )
  .optional();
export type MappingOverride = NonNullable<z.infer<typeof mappingOverrideSchema>>;

/**
 * A status label → stage (and outcome) choice, for labels Rebound reads wrongly or not at all:
 * `{ "Interveiw": { "stage": "interviewing" }, "No response": { "stage": "applied", "outcome": "ghosted" } }`.
 */
export const stageMapSchema = z
  .record(
    z.string().min(1, 'label required').max(200, 'label must be at most 200 characters'),
    z.object({ stage: z.enum(STAGES), outcome: z.enum(OUTCOMES).nullable().optional() }).strict(),
  )
  .optional();
export type StageMapInput = NonNullable<z.infer<typeof stageMapSchema>>;

/** What to do with rows that look like an application already in Rebound: for all, and per line. */
const duplicateChoices = {
  duplicates: z.enum(DUPLICATE_ACTIONS).optional(),
  duplicateActions: z
    .record(z.string().regex(/^\d+$/, 'must be a line number'), z.enum(DUPLICATE_ACTIONS))
    .optional(),
};

export const importPreviewSchema = fileUploadSchema
  .extend({ mapping: mappingOverrideSchema, stageMap: stageMapSchema, ...duplicateChoices })
  .strict();
export type ImportPreviewInput = z.infer<typeof importPreviewSchema>;

export const importCommitSchema = importPreviewSchema
  .extend({ skipInvalid: z.boolean().optional() })
  .strict();
export type ImportCommitInput = z.infer<typeof importCommitSchema>;

const httpUrl = z
  .string()
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), { message: 'must be an http(s) URL' });

export const jobPageSchema = z
  .object({
    url: httpUrl.optional(),
    html: z.string().max(MAX_JOB_PAGE_BYTES, 'must be at most 5 MB').optional(),
  })
  .strict()
  .refine((v) => v.url !== undefined || v.html !== undefined, {
    message: 'give a url or the page html',
    path: ['url'],
  });
export type JobPageInput = z.infer<typeof jobPageSchema>;

export const mailReviewQuerySchema = z.object({
  status: z.enum(['pending', 'applied', 'dismissed', 'all']).default('pending'),
});

export const mailApplySchema = z
  .object({
    applicationId: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(MAIL_KINDS.filter((k) => k !== 'other') as [string, ...string[]]).optional(),
  })
  .strict();
export type MailApplyInput = z.infer<typeof mailApplySchema>;

/**
 * Turns a mapping override that names columns by header into column indexes. Headers match
 * case-insensitively; an unknown header is refused naming the field and the columns there are.
 */
export function resolveMappingOverride(
  headers: readonly string[],
  override: MappingOverride | undefined,
): Partial<Record<ImportField, number | null>> {
  const resolved: Partial<Record<ImportField, number | null>> = {};
  if (!override) return resolved;
  const lower = headers.map((h) => h.trim().toLowerCase());
  for (const [field, column] of Object.entries(override) as [ImportField, string | number | null][]) {
    if (column === null) resolved[field] = null;
    else if (typeof column === 'number') {
      if (column >= headers.length) throw unknownColumn(field, `column ${column + 1}`, headers);
      resolved[field] = column;
    } else {
      const index = lower.indexOf(column.toLowerCase());
      if (index < 0) throw unknownColumn(field, `"${column}"`, headers);
      resolved[field] = index;
    }
  }
  return resolved;
}

function unknownColumn(field: string, what: string, headers: readonly string[]): ReboundError {
  const list = headers.map((h) => `"${h}"`).join(', ') || 'none';
  return new ReboundError(
    'invalid_input',
    `mapping.${field}: no column ${what} in this file (columns: ${list})`,
    [{ path: `mapping.${field}`, message: `no column ${what}` }],
  );
}
