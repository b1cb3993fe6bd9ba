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
import { exportApplicationsCsv } from '../../services/imports/csv-export.ts';
import { importJobPage, jobPageToApplicationInput } from '../../services/imports/job-page-import.ts';
import {
  applyMailMessage,
  dismissMailMessage,
  importMailFile,
  listMailReview,
  presentMailMessage,
} from '../../services/imports/mail-import.ts';
import { presentImportPreview, presentImportReport } from '../../services/imports/presenters.ts';
import {
  commitSpreadsheetImport,
  previewSpreadsheetImport,
} from '../../services/imports/spreadsheet-import.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
/** Base64 is 4/3 of the file; a little more for the JSON around it. */
const uploadLimit = (bytes: number) => Math.ceil((bytes * 4) / 3) + 1024 * 1024;

function decode(contentBase64: string, filename: string, max: number): Buffer {
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
        body: importPreviewSchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request) => {
      const { filename, contentBase64, mapping, stageMap, duplicates, duplicateActions } = request.body;
      const bytes = decode(contentBase64, filename, MAX_IMPORT_BYTES);
      return presentImportPreview(
        await previewSpreadsheetImport(deps.context(), bytes, filename, {
          mapping,
          stageMap,
          duplicates,
          duplicateActions,
        }),
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
        body: importCommitSchema,
        response: { 201: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, contentBase64, mapping, stageMap, skipInvalid, duplicates, duplicateActions } =
        request.body;
      const bytes = decode(contentBase64, filename, MAX_IMPORT_BYTES);
      const report = await commitSpreadsheetImport(deps.context(), bytes, filename, {
        mapping,
        stageMap,
        skipInvalid,
        duplicates,
        duplicateActions,
      });
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
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request) => {
      const extract = await importJobPage(request.body, { blockPrivateAddresses: deps.hosted });
      return {
        source: extract.source,
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
        body: fileUploadSchema,
        response: { 201: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { filename, contentBase64 } = request.body;
      const report = await importMailFile(
        deps.context(),
        decode(contentBase64, filename, MAX_MAIL_BYTES),
        filename,
      );
      return reply.status(201).send(report);
    },
  );

  app.get(
    '/api/v1/mail/review',
    {
      schema: {
        tags: ['mail'],
        summary: 'Imported e-mails by status (pending by default), newest first',
        querystring: mailReviewQuerySchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listMailReview(deps.context(), request.query.status)).map(presentMailMessage),
    }),
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
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request) =>
      presentMailMessage(await applyMailMessage(deps.context(), request.params.id, request.body ?? {})),
  );

  app.post(
    '/api/v1/mail/review/:id/dismiss',
    {
      schema: {
        tags: ['mail'],
        summary: 'Take an e-mail out of the review queue without changing anything',
        params: idParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request) => presentMailMessage(await dismissMailMessage(deps.context(), request.params.id)),
  );

  app.get(
    '/api/v1/export/applications.csv',
    {
      schema: {
        tags: ['backup'],
        summary:
          'Every application as one CSV row (furthest stage and outcome included), safe to open in a spreadsheet',
      },
    },
    async (_request, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="rebound-applications.csv"');
      return reply.send(await exportApplicationsCsv(deps.context()));
    },
  );
}
