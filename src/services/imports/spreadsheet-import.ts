import { ReboundError } from '../../core/errors.ts';
import type { ImportedApplication } from '../../core/import/import-preview.ts';
import type { MappingOverride } from '../../core/import/input.ts';
import type { DuplicateAction } from '../../core/import/likely-duplicates.ts';
import type { StageMap } from '../../core/import/stage-labels.ts';
import * as apps from '../../store/applications-repository.ts';
import {
  BULK_BATCH,
  type BulkRows,
  insertBulkRows,
  withBulkPageCache,
  withoutApplications,
} from '../../store/bulk-rows.ts';
import {
  listApplicationKeys,
  listSourceKeys,
  setSourceKeyIfMissing,
} from '../../store/imports-repository.ts';
import { TallySums } from '../../store/insight-tallies-repository.ts';
import { refreshSearchDocuments } from '../../store/search-repository.ts';
import { refreshStatisticsAfter } from '../../store/statistics.ts';
import { nowIso, type ServiceContext, today } from '../context.ts';
import { planCommit, planPreview } from './commit-plan.ts';
import type { PlannedBatch, SpreadsheetAnalysis } from './spreadsheet-plan.ts';
import type { TaskProgress } from './worker-pool.ts';

export { buildRecord, type PlannedRow, type SpreadsheetAnalysis } from './spreadsheet-plan.ts';

/** How often (rows) a long import reports progress. */
export const PROGRESS_EVERY = BULK_BATCH;

export interface SpreadsheetImportOptions {
  mapping?: MappingOverride;
  /** The user's reading of status labels, before Rebound's guess: `{ Interveiw: { stage: 'interviewing' } }`. */
  stageMap?: StageMap;
  /**
   * Hears how far the import is: `reading` and `checking` while the file is read and planned
   * (on an import worker), then `writing` every PROGRESS_EVERY rows written and once at the end.
   */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * How to tell the person to map unknown status labels, when a refused commit has rows that fail
   * only on one (the CLI names its `--stage` flag); by default, "map the status in the preview".
   */
  mapStatusHint?: (labels: string[]) => string;
  /**
   * What to do with rows that look like an application already in Rebound (same company and role,
   * applied within a few weeks): merge them into it, skip them (the default) or keep both.
   */
  duplicates?: DuplicateAction;
  /** The same choice for single rows, by line number; wins over `duplicates`. */
  duplicateActions?: Record<string, DuplicateAction>;
}

export type ImportProgress = TaskProgress;

export { INLINE_BYTES } from './commit-plan.ts';

/** Lets the server answer other requests between batches of a long write. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SpreadsheetImportReport {
  filename: string;
  created: number;
  /** Rows folded into the application they repeated. */
  merged: number;
  applicationIds: string[];
  skippedDuplicates: SpreadsheetAnalysis['duplicates'];
  skippedInvalid: SpreadsheetAnalysis['invalid'];
}

/** Reads the file, maps its columns (with the user's corrections) and plans every row. Writes nothing. */
export async function previewSpreadsheetImport(
  ctx: ServiceContext,
  bytes: Uint8Array,
  filename: string,
  options: SpreadsheetImportOptions = {},
): Promise<SpreadsheetAnalysis> {
  const [existing, keys] = await Promise.all([
    listSourceKeys(ctx.db, ctx.workspaceId),
    listApplicationKeys(ctx.db, ctx.workspaceId),
  ]);
  const { analysis } = await planPreview(
    {
      bytes,
      filename,
      mapping: options.mapping,
      stageMap: options.stageMap,
      existing: [...existing],
      keys,
      duplicates: options.duplicates,
      duplicateActions: options.duplicateActions,
      day: today(ctx),
      now: nowIso(ctx),
    },
    options.onProgress,
  );
  return analysis;
}

/**
 * Imports the file: all or nothing by default (any unreadable row refuses the whole file), or
 * the readable rows only with `skipInvalid`. Rows already in Rebound are skipped either way.
 * Each application's history starts where the file says it is: created at its stage on the
 * applied date (saved first, when the file has a saved date), then its outcome on the closed date.
 */
export async function commitSpreadsheetImport(
  ctx: ServiceContext,
  bytes: Uint8Array,
  filename: string,
  options: SpreadsheetImportOptions & { skipInvalid?: boolean } = {},
): Promise<SpreadsheetImportReport> {
  const day = today(ctx);
  const now = nowIso(ctx);
  // The file is read and planned against the keys already stored, off the request thread; in
  // the transaction, rows whose key arrived meanwhile are skipped as duplicates.
  const [before, keys] = await Promise.all([
    listSourceKeys(ctx.db, ctx.workspaceId),
    listApplicationKeys(ctx.db, ctx.workspaceId),
  ]);
  const {
    analysis: plan,
    total,
    batches,
  } = await planCommit(
    {
      bytes,
      filename,
      mapping: options.mapping,
      stageMap: options.stageMap,
      existing: [...before],
      keys,
      duplicates: options.duplicates,
      duplicateActions: options.duplicateActions,
      day,
      now,
      build: { workspaceId: ctx.workspaceId, skipInvalid: options.skipInvalid },
    },
    options.onProgress,
  );
  if (plan.mapping.missing.length > 0) {
    const message = plan.invalid[0]?.message ?? 'line 1: the company and role columns are missing';
    throw new ReboundError(
      'invalid_input',
      `${filename}: ${message}. Choose the columns with a mapping (--map company=Column).`,
      [{ path: 'line 1', message }],
    );
  }
  if (plan.invalid.length > 0 && !options.skipInvalid) {
    const shown = plan.invalid.slice(0, 5).map((e) => e.message);
    const more = plan.invalid.length > 5 ? ` (and ${plan.invalid.length - 5} more)` : '';
    // A row can have several problems; the count is of rows.
    const rows = new Set(plan.invalid.map((e) => e.line)).size;
    throw new ReboundError(
      'invalid_input',
      `${rows} row(s) of ${filename} cannot be imported, so nothing was imported: ${shown.join('; ')}${more}. Fix them, or import the other rows and skip these (skip invalid rows).${statusHint(plan.invalid, options.mapStatusHint)}`,
      plan.invalid.map((e) => ({ path: `line ${e.line}`, message: e.message.replace(/^line \d+: /, '') })),
    );
  }
  // The larger page cache is set around the transaction, so the commit writes with it too.
  const result = await withBulkPageCache(ctx.db, () =>
    ctx.db.transaction().execute(async (trx) => {
      // Keys stored since the plan was made (another import meanwhile): those rows are duplicates now.
      const arrived = new Set(
        [...(await listSourceKeys(trx, ctx.workspaceId))].filter((k) => !before.has(k)),
      );
      const duplicates = [...plan.duplicates];
      const applicationIds: string[] = [];
      let done = 0;
      const tallies = new TallySums();
      for await (const batch of batches) {
        if (done > 0) await yieldToOthers();
        await insertBulkRows(
          trx,
          arrived.size > 0 ? skipArrived(batch, arrived, duplicates) : batch.rows,
          tallies,
        );
        for (let k = 0; k < batch.ids.length; k++)
          if (!arrived.has(batch.sourceKeys[k]!)) applicationIds.push(batch.ids[k]!);
        done += batch.ids.length;
        options.onProgress?.({ phase: 'writing', done, total });
      }
      await tallies.write(trx);
      duplicates.sort((a, b) => a.line - b.line);
      for (const row of plan.toMerge) await mergeInto(trx, ctx, row.existingId, row.application, now);
      return {
        filename,
        created: applicationIds.length,
        merged: plan.toMerge.length,
        applicationIds,
        skippedDuplicates: duplicates,
        skippedInvalid: plan.invalid,
      };
    }),
  );
  await refreshStatisticsAfter(ctx.db, result.created);
  return result;
}

/** The batch's rows without the applications whose source key `arrived`; those become duplicates. */
function skipArrived(
  batch: PlannedBatch,
  arrived: ReadonlySet<string>,
  duplicates: SpreadsheetAnalysis['duplicates'],
): BulkRows {
  const skipped = new Set<string>();
  batch.sourceKeys.forEach((key, k) => {
    if (!arrived.has(key)) return;
    skipped.add(batch.ids[k]!);
    duplicates.push({
      line: batch.lines[k]!,
      company: batch.companies[k]!,
      role: batch.roles[k]!,
      reason: 'already in Rebound',
      action: 'skip',
    });
  });
  return withoutApplications(batch.rows, skipped);
}

const UNKNOWN_STAGE = /^line \d+: unknown stage "(.*)" \(column "[^"]*"\)$/;

/**
 * " 2 of them only have a status Rebound does not know ("Interveiw"): map the status in the
 * preview." when some refused rows fail on nothing but an unknown status label; "" otherwise.
 */
function statusHint(
  invalid: SpreadsheetAnalysis['invalid'],
  mapHint: (labels: string[]) => string = () => 'map the status in the preview',
): string {
  const byLine = new Map<number, string[]>();
  for (const e of invalid) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
  const labels = new Set<string>();
  let rows = 0;
  for (const messages of byLine.values()) {
    const found = messages.map((m) => UNKNOWN_STAGE.exec(m)?.[1]);
    if (found.some((label) => label === undefined)) continue;
    rows++;
    for (const label of found) labels.add(label!);
  }
  if (rows === 0) return '';
  const shown = [...labels].slice(0, 3);
  const quoted = shown.map((l) => `"${l}"`).join(', ') + (labels.size > 3 ? ', …' : '');
  const them = rows === 1 ? '1 of them only has a status' : `${rows} of them only have a status`;
  return ` ${them} Rebound does not know (${quoted}): ${mapHint(shown)}.`;
}

/**
 * Folds an imported row into the application it repeats: the row fills the fields the
 * application leaves empty (nothing the user wrote is overwritten) and lends it its source key,
 * so importing the same file again finds it at once. Its history is left as it is.
 */
async function mergeInto(
  trx: ServiceContext['db'],
  ctx: ServiceContext,
  id: string,
  a: ImportedApplication,
  now: string,
): Promise<void> {
  const current = await apps.findApplication(trx, ctx.workspaceId, id);
  if (!current) return;
  const fill: Record<string, unknown> = {};
  const imported = a.fields as unknown as Record<string, unknown>;
  const mine = current as unknown as Record<string, unknown>;
  for (const field of MERGED_FIELDS) {
    const value = imported[field];
    if ((mine[field] === null || mine[field] === undefined) && value !== null && value !== undefined)
      fill[field] = value;
  }
  if (current.tags.length === 0 && a.fields.tags && a.fields.tags.length > 0) fill.tags = a.fields.tags;
  if (Object.keys(fill).length > 0) {
    await apps.updateApplicationFields(trx, ctx.workspaceId, id, fill, now);
    await refreshSearchDocuments(trx, ctx.workspaceId, [id]);
  }
  await setSourceKeyIfMissing(trx, ctx.workspaceId, id, a.dedupeKey);
}

const MERGED_FIELDS = [
  'jobUrl',
  'website',
  'location',
  'workMode',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'jobDescription',
  'resumeVersion',
  'coverLetterVersion',
  'notes',
  'appliedOn',
] as const;
