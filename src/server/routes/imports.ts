import { z } from 'zod';
import { ReboundError } from '../../core/errors.ts';
import {
  fileUploadSchema,
  importCommitSchema,
  importPreviewSchema,
  jobPageSchema,
  MAX_IMPORT_BYTES,
  MAX_MAIL_BYTES,
  mailApplySchema,
  mailReviewQuerySchema,
} from '../../core/import/input.ts';
import {
  importPreviewViewSchema,
  importReportSchema,
  jobPageResultSchema,
  mailImportReportSchema,
  queuedMailListSchema,
  queuedMailSchema,
} from '../../core/import/schemas.ts';
import { importProgress, PROGRESS_ID, withImportProgress } from '../../services/imports/import-progress.ts';
import { presentImportPreview, presentImportReport } from '../../services/imports/presenters.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });

// The import services (planners, the mail classifier and matcher, the job-page and file readers)
// load on the first request that uses them, not when the server starts (issue 12).
const spreadsheetImports = () => import('../../services/imports/spreadsheet-import.ts');
const jobPages = () => import('../../services/imports/job-page-import.ts');
const mailImports = () => import('../../services/imports/mail-import.ts');
const csvExport = () => import('../../services/imports/csv-export.ts');

/** An upload may name itself so its progress can be asked for while it runs. */
export const progressHeaders = z.object({
  'x-progress-id': z
    .string()
    .regex(PROGRESS_ID, 'must be 8 to 64 letters, digits, "-" or "_"')
    .optional()
    .describe('An id of your choosing; GET /api/v1/imports/progress/{id} tells how far the import is'),
});

const importProgressSchema = z
  .object({
    phase: z
      .enum(['reading', 'checking', 'writing', 'done', 'failed'])
      .describe('reading the file, checking its rows, writing them, or finished'),
    done: z.number().int().min(0).describe('rows (or messages) handled so far in this phase'),
    total: z.number().int().min(0).nullable().describe('how many there are, once known'),
  })
  .describe('How far an upload named with `x-progress-id` is');
/** Base64 is 4/3 of the file; a little more for the JSON around it. */
export const uploadLimit = (bytes: number) => Math.ceil((bytes * 4) / 3) + 1024 * 1024;

export function decode(contentBase64: string, filename: string, max: number): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.byteLength > max) {
    throw new ReboundError(
      'payload_too_large',
      `${filename} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${max / 1024 / 1024} MB`,
    );
  }
  if (bytes.byteLength === 0)
    throw new ReboundError('invalid_input', 'contentBase64: the file is empty', [
      { path: 'contentBase64', message: 'empty file' },
    ]);
  return bytes;
}

const UPLOAD_NOTE =
  'The file travels as JSON: `{ "filename": "tracker.csv", "contentBase64": "…" }` (CSV/TSV in any common encoding, or .xlsx; up to 50 MB). ' +
  '`mapping` corrects the guessed columns: `{ "company": "Employer", "notes": null }` (a header, a 0-based column index, or null to leave a field out). ' +
  '`stageMap` corrects how status labels are read: `{ "Interveiw": { "stage": "interviewing" }, "No response": { "stage": "applied", "outcome": "ghosted" } }` ' +
  "(labels match ignoring case; the preview's `stageLabels` show the result, and rows whose label is mapped become importable).";

/** Getting data in: spreadsheet imports, job pages, e-mail and the review queue, and the CSV export. */
export function importRoutes(app: App, deps: RouteDeps): void {
  const tags = ['imports'];

  app.post(
    '/api/v1/imports/preview',
    {
      bodyLimit: uploadLimit(MAX_IMPORT_BYTES),
      schema: {
        tags,
        summary:
          'Preview a tracker/spreadsheet import: recognised layout, column and stage mapping, rows to create, duplicates, unreadable rows',
        description: UPLOAD_NOTE,
        headers: progressHeaders,
        body: importPreviewSchema,
        response: { 200: importPreviewViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { filename, contentBase64, mapping, stageMap, duplicates, duplicateActions } = request.body;
      const bytes = decode(contentBase64, filename, MAX_IMPORT_BYTES);
      const ctx = deps.context();
      const { previewSpreadsheetImport } = await spreadsheetImports();
      return presentImportPreview(
        await withImportProgress(ctx.workspaceId, request.headers['x-progress-id'], (onProgress) =>
          previewSpreadsheetImport(ctx, bytes, filename, {
            mapping,
            stageMap,
            duplicates,
            duplicateActions,
            onProgress,
          }),
        ),
      );
    },
  );

  app.post(
    '/api/v1/imports/commit',
    {
      bodyLimit: uploadLimit(MAX_IMPORT_BYTES),
      schema: {
        tags,
        summary:
          'Import a tracker/spreadsheet: all or nothing, or skipping unreadable rows with skipInvalid; rows already imported are skipped; rows that look like an application already in Rebound are merged, skipped (default) or kept (duplicates, duplicateActions)',
        description: UPLOAD_NOTE,
        headers: progressHeaders,
        body: importCommitSchema,
        response: { 201: importReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, contentBase64, mapping, stageMap, skipInvalid, duplicates, duplicateActions } =
        request.body;
      const bytes = decode(contentBase64, filename, MAX_IMPORT_BYTES);
      const ctx = deps.context();
      const { commitSpreadsheetImport } = await spreadsheetImports();
      const report = await withImportProgress(
        ctx.workspaceId,
        request.headers['x-progress-id'],
        (onProgress) =>
          commitSpreadsheetImport(ctx, bytes, filename, {
            mapping,
            stageMap,
            skipInvalid,
            duplicates,
            duplicateActions,
            onProgress,
          }),
      );
      return reply.status(201).send(presentImportReport(report));
    },
  );

  app.post(
    '/api/v1/imports/job-page',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Read a job page (fetched from `url`, or pasted as `html`) into the fields of a new application; nothing is saved',
        body: jobPageSchema,
        response: { 200: jobPageResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      // One guard in every mode; only a local server lets the user reach their own machine or network.
      const allowLocalAddresses = !deps.hosted && deps.settings().fetchLocalAddresses;
      const { importJobPage, jobPageToApplicationInput } = await jobPages();
      const extract = await importJobPage(request.body, { allowLocalAddresses });
      return {
        source: extract.source,
        board: extract.board ?? null,
        channel: extract.channel,
        employmentType: extract.employmentType,
        fields: jobPageToApplicationInput(extract),
      };
    },
  );

  app.post(
    '/api/v1/mail/import',
    {
      bodyLimit: uploadLimit(MAX_MAIL_BYTES),
      schema: {
        tags: ['mail'],
        summary:
          'Import e-mails (.eml or mbox, base64 as `{ filename, contentBase64 }`): sure ones are recorded, the rest wait for review',
        headers: progressHeaders,
        body: fileUploadSchema,
        response: { 201: mailImportReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, contentBase64 } = request.body;
      const bytes = decode(contentBase64, filename, MAX_MAIL_BYTES);
      const ctx = deps.context();
      const { importMailFile } = await mailImports();
      const report = await withImportProgress(
        ctx.workspaceId,
        request.headers['x-progress-id'],
        (onProgress) => importMailFile(ctx, bytes, filename, { onProgress }),
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/api/v1/imports/progress/:id',
    {
      schema: {
        tags,
        summary:
          'How far an upload is (spreadsheet preview or import, e-mail import), by the id it was sent with in `x-progress-id`',
        params: z.object({ id: z.string().regex(PROGRESS_ID, 'must be the id the upload was sent with') }),
        response: { 200: importProgressSchema, ...errorResponses },
      },
    },
    async (request) => {
      const state = importProgress(deps.context().workspaceId, request.params.id);
      if (!state) {
        throw new ReboundError('not_found', `No upload in progress with id ${request.params.id}.`, [
          { path: 'id', message: 'not found' },
        ]);
      }
      return state;
    },
  );

  app.get(
    '/api/v1/mail/review',
    {
      schema: {
        tags: ['mail'],
        summary: 'Imported e-mails by status (pending by default), newest first',
        querystring: mailReviewQuerySchema,
        response: { 200: queuedMailListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { listMailReview, presentMailMessage } = await mailImports();
      return { items: (await listMailReview(deps.context(), request.query.status)).map(presentMailMessage) };
    },
  );

  app.post(
    '/api/v1/mail/review/:id/apply',
    {
      schema: {
        tags: ['mail'],
        summary:
          'Record a queued e-mail on its application (optionally another application, or another kind)',
        params: idParams,
        body: mailApplySchema.optional(),
        response: { 200: queuedMailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { applyMailMessage, presentMailMessage } = await mailImports();
      return presentMailMessage(
        await applyMailMessage(deps.context(), request.params.id, request.body ?? {}),
      );
    },
  );

  app.post(
    '/api/v1/mail/review/:id/dismiss',
    {
      schema: {
        tags: ['mail'],
        summary: 'Take an e-mail out of the review queue without changing anything',
        params: idParams,
        response: { 200: queuedMailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { dismissMailMessage, presentMailMessage } = await mailImports();
      return presentMailMessage(await dismissMailMessage(deps.context(), request.params.id));
    },
  );

  app.get(
    '/api/v1/export/applications.csv',
    {
      schema: {
        tags: ['backup'],
        summary:
          'Every application as one CSV row (furthest stage and outcome included), safe to open in a spreadsheet',
        response: { 200: z.string().describe('text/csv: a header row, then one row per application') },
      },
    },
    async (_request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="rebound-applications.csv"');
      const { exportApplicationsCsv } = await csvExport();
      return reply.send(await exportApplicationsCsv(deps.context()));
    },
  );
}
