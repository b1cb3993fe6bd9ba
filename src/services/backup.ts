import type { Application, ApplicationEvent, InterviewRound } from '../core/applications/application.ts';
import { BACKUP_FIELDS, pickFields } from '../core/applications/fields.ts';
import { deriveState } from '../core/applications/history.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, backupSchema } from '../core/backup.ts';
import { ReboundError } from '../core/errors.ts';
import * as bulk from '../store/applications-bulk-repository.ts';
import { listApplications } from '../store/applications-list-repository.ts';
import { insertApplicationsWithHistory } from '../store/bulk-rows.ts';
import * as eventsRepo from '../store/events-repository.ts';
import { linkedApplicationIds, refreshSearchDocuments } from '../store/search-repository.ts';
import { refreshStatisticsAfter } from '../store/statistics.ts';
import { clearWorkspaceData, readSettings, writeSettings } from '../store/workspace-repository.ts';
import { backupSections } from './backup-sections.ts';
import { parseBackupPart } from './backup-validation.ts';
import { nowIso, type ServiceContext } from './context.ts';
import { getSettings } from './settings.ts';

/**
 * The whole workspace as a versioned, self-describing JSON document. Private sections (the
 * writing after a no) are included only with `includePrivate`, which the user asks for explicitly.
 */
export async function exportBackup(
  ctx: ServiceContext,
  options: { includePrivate?: boolean } = {},
): Promise<Backup> {
  const sections = backupSections.filter((s) => !s.private || options.includePrivate);
  const [apps, events, rounds, stored, known] = await Promise.all([
    bulk.listAllApplications(ctx.db, ctx.workspaceId),
    eventsRepo.listAllEvents(ctx.db, ctx.workspaceId),
    eventsRepo.listRounds(ctx.db, ctx.workspaceId),
    readSettings(ctx.db, ctx.workspaceId),
    getSettings(ctx),
  ]);
  // Known settings as the app reads them (a stored time zone this machine does not know falls
  // back), so a backup always restores; other keys are kept as stored. Paired browser clippers
  // belong to this machine's browsers, not to the data: they stay out.
  const { clipperOrigins: _, ...settings } = { ...stored, ...known };
  const eventsByApp = groupBy(events, (e) => e.applicationId);
  const roundsByApp = groupBy(rounds, (r) => r.applicationId);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: nowIso(ctx),
    settings,
    applications: apps.map((a) => ({
      ...pickFields(a, BACKUP_FIELDS),
      sourceKey: a.sourceKey,
      events: (eventsByApp.get(a.id) ?? []).map(
        ({ applicationId: _, ...e }) => e as Backup['applications'][number]['events'][number],
      ),
      rounds: (roundsByApp.get(a.id) ?? []).map(({ applicationId: _, ...r }) => r),
    })),
    sections: Object.fromEntries(
      await Promise.all(sections.map(async (s) => [s.name, await s.export(ctx)] as const)),
    ),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Validates a parsed JSON value as a backup; errors name the path (`applications.3.company`). */
export function parseBackup(value: unknown): Backup {
  return parseBackupPart(backupSchema, value);
}

/**
 * Restores a backup into the workspace, all or nothing. A workspace that already holds
 * applications is only overwritten when `replace` is set.
 */
export async function importBackup(
  ctx: ServiceContext,
  backup: Backup,
  options: { replace?: boolean } = {},
): Promise<{ applications: number; events: number }> {
  const apps: Application[] = [];
  const events: ApplicationEvent[] = [];
  const rounds: InterviewRound[] = [];
  const seen = new Set<string>();
  backup.applications.forEach((a, i) => {
    if (seen.has(a.id)) {
      throw new ReboundError('invalid_backup', `applications.${i}.id: duplicate id ${a.id}`, [
        { path: `applications.${i}.id`, message: 'duplicate id' },
      ]);
    }
    seen.add(a.id);
    const appEvents = a.events.map((e) => ({ ...e, applicationId: a.id }) as ApplicationEvent);
    const { events: _e, rounds: _r, ...fields } = a;
    apps.push({ ...fields, ...deriveState(appEvents) });
    events.push(...appEvents);
    rounds.push(...a.rounds.map((r) => ({ ...r, applicationId: a.id })));
  });

  await ctx.db.transaction().execute(async (trx) => {
    const existing = await listApplications(trx, ctx.workspaceId, { limit: 1, offset: 0 });
    if (existing.total > 0 && !options.replace) {
      throw new ReboundError(
        'conflict',
        `This database already holds ${existing.total} application(s). Restore into an empty database, or replace its contents explicitly (--replace).`,
      );
    }
    const inTrx: ServiceContext = { ...ctx, db: trx };
    // A private section the backup does not carry stays as it is on this machine.
    const kept = new Map<string, unknown>();
    if (options.replace) {
      for (const section of backupSections)
        if (section.private && section.keep && backup.sections[section.name] === undefined)
          kept.set(section.name, await section.export(inTrx));
      for (const section of [...backupSections].reverse()) await section.clear(inTrx);
      await clearWorkspaceData(trx, ctx.workspaceId);
    }
    await insertApplicationsWithHistory(trx, ctx.workspaceId, apps, events);
    await eventsRepo.insertRounds(trx, ctx.workspaceId, rounds);
    await writeSettings(trx, ctx.workspaceId, backup.settings);
    for (const section of backupSections) {
      if (backup.sections[section.name] !== undefined)
        await section.import(inTrx, backup.sections[section.name]);
      else if (kept.has(section.name)) await section.keep?.(inTrx, kept.get(section.name), seen);
    }
    // Timeline notes and linked people are in now: index them with the rest.
    const richer = new Set(events.filter((e) => e.type === 'note').map((e) => e.applicationId));
    for (const id of await linkedApplicationIds(trx, ctx.workspaceId)) richer.add(id);
    await refreshSearchDocuments(trx, ctx.workspaceId, [...richer]);
  });
  await refreshStatisticsAfter(ctx.db, apps.length);
  return { applications: apps.length, events: events.length };
}
