import { z } from 'zod';
import {
  APPLICATION_KINDS,
  CHANNEL_LABELS,
  CHANNELS,
  OUTCOME_LABELS,
  OUTCOMES,
  ROUND_KIND_LABELS,
  ROUND_KINDS,
  STAGE_LABELS,
  STAGES,
  WORK_MODES,
} from '../../core/applications/application.ts';
import { settingsSchema } from '../../core/applications/input.ts';
import { metaSchema, settingsViewSchema } from '../../core/applications/schemas.ts';
import { backupSchema, looksLikeBackup } from '../../core/backup.ts';
import { ReboundError } from '../../core/errors.ts';
import { updateSettings } from '../../services/settings.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

// Backups (every feature's section) and the sample workspace load when first asked for, not when
// the server starts (issue 12).
const backups = () => import('../../services/backup.ts');
const sampleData = () => import('../../services/sample-data.ts');

/** Health, settings, vocabulary, sample data and backups. */
export function workspaceRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Liveness', response: { 200: z.object({ ok: z.boolean() }) } } },
    async () => ({ ok: true }),
  );

  app.get(
    '/api/v1/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Stages, outcomes, channels and their labels',
        response: { 200: metaSchema },
      },
    },
    async () => ({
      stages: STAGES,
      outcomes: OUTCOMES,
      channels: CHANNELS,
      roundKinds: ROUND_KINDS,
      workModes: WORK_MODES,
      kinds: APPLICATION_KINDS,
      labels: {
        stage: STAGE_LABELS,
        outcome: OUTCOME_LABELS,
        channel: CHANNEL_LABELS,
        roundKind: ROUND_KIND_LABELS,
      },
    }),
  );

  app.get(
    '/api/v1/settings',
    { schema: { tags: ['settings'], summary: 'Workspace settings', response: { 200: settingsViewSchema } } },
    async () => deps.settings(),
  );

  app.patch(
    '/api/v1/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change settings (ghosting threshold, time zone)',
        body: settingsSchema,
        response: { 200: settingsViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      await updateSettings(deps.context(), request.body);
      await deps.refreshSettings();
      return deps.settings();
    },
  );

  app.post(
    '/api/v1/sample-data',
    {
      schema: {
        tags: ['settings'],
        summary: 'Load a realistic sample workspace',
        response: { 201: z.object({ created: z.number() }) },
      },
    },
    async (_request, reply) => {
      const { loadSampleData } = await sampleData();
      return reply.status(201).send(await loadSampleData(deps.context()));
    },
  );

  app.get(
    '/api/v1/sample-data',
    {
      schema: {
        tags: ['settings'],
        summary: 'How many sample applications the workspace holds',
        response: { 200: z.object({ applications: z.number().int() }) },
      },
    },
    async () => (await sampleData()).countSampleData(deps.context()),
  );

  app.delete(
    '/api/v1/sample-data',
    {
      schema: {
        tags: ['settings'],
        summary: 'Remove the sample applications (your own are not touched)',
        response: { 200: z.object({ removed: z.number().int() }) },
      },
    },
    async () => (await sampleData()).removeSampleData(deps.context()),
  );

  app.get(
    '/api/v1/backup',
    {
      schema: {
        tags: ['backup'],
        summary:
          'Download the whole workspace as a versioned JSON backup; ?includePrivate=true adds the private writing after a no',
        querystring: z.object({ includePrivate: z.enum(['true', 'false']).optional() }).strict(),
        response: { 200: backupSchema },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="rebound-backup.json"');
      const { exportBackup } = await backups();
      return exportBackup(deps.context(), { includePrivate: request.query.includePrivate === 'true' });
    },
  );

  app.post(
    '/api/v1/backup',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags: ['backup'],
        summary: 'Restore a backup (all or nothing); ?replace=true overwrites a non-empty workspace',
        querystring: z.object({ replace: z.enum(['true', 'false']).optional() }),
        response: {
          201: z.object({ applications: z.number().int(), events: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      if (!looksLikeBackup(request.body)) {
        throw new ReboundError(
          'invalid_backup',
          'This file is not a Rebound backup (no "format": "rebound-backup").',
          [{ path: 'format', message: 'missing or not rebound-backup' }],
        );
      }
      const { importBackup, parseBackup } = await backups();
      const result = await importBackup(deps.context(), parseBackup(request.body), {
        replace: request.query.replace === 'true',
      });
      await deps.refreshSettings();
      return reply.status(201).send(result);
    },
  );
}
