import type { Application, ApplicationEvent } from '../../core/applications/application.ts';
import { stageIndex } from '../../core/applications/application.ts';
import { deriveState } from '../../core/applications/history.ts';
import { createApplicationSchema } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { guessMapping, type ImportMapping, overrideMapping } from '../../core/import/guess-mapping.ts';
import { IMPORT_FIELD_LABELS, type ImportField } from '../../core/import/header-aliases.ts';
import { buildImportPreview, type ImportedApplication } from '../../core/import/import-preview.ts';
import { type MappingOverride, resolveMappingOverride } from '../../core/import/input.ts';
import {
  type DuplicateAction,
  duplicateMatcher,
  type ExistingApplicationKey,
} from '../../core/import/likely-duplicates.ts';
import { surelyValidApplication } from '../../core/import/quick-check.ts';
import { type StageMap, stageLabelReader } from '../../core/import/stage-labels.ts';
import { issuesToDetails } from '../../core/validation.ts';
import { readTable, type Table } from '../../io/spreadsheet.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import * as apps from '../../store/applications-repository.ts';
import * as eventsRepo from '../../store/events-repository.ts';
import {
  listApplicationKeys,
  listSourceKeys,
  setSourceKeyIfMissing,
} from '../../store/imports-repository.ts';
import { refreshSearchDocuments } from '../../store/search-repository.ts';
import { newApplicationRecord } from '../applications.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';

/** How often (rows) a long import reports progress. */
export const PROGRESS_EVERY = 1_000;

export interface SpreadsheetImportOptions {
  mapping?: MappingOverride;
  /** The user's reading of status labels, before Rebound's guess: `{ Interveiw: { stage: 'interviewing' } }`. */
  stageMap?: StageMap;
  /** Called every PROGRESS_EVERY rows written, and once at the end. */
  onProgress?: (done: number, total: number) => void;
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

export interface PlannedRow {
  line: number;
  application: ImportedApplication;
}

/** Everything an import would do, before it does it. */
export interface SpreadsheetAnalysis {
  filename: string;
  mapping: ImportMapping;
  /** Each status label of the file and how it will be read, the user's choice first (null: not understood). */
  stageLabels: { label: string; stage: string | null; outcome: string | null; rows: number }[];
  toCreate: PlannedRow[];
  /** Rows to fold into the application they repeat (its empty fields are filled in). */
  toMerge: Array<PlannedRow & { existingId: string }>;
  /**
   * Rows that repeat something: an earlier row, an earlier import (always skipped), or, with
   * `existing`, an application already in Rebound and what will be done about it.
   */
  duplicates: {
    line: number;
    company: string;
    role: string;
    reason: string;
    existing?: { id: string; company: string; role: string; appliedOn: string | null };
    action: DuplicateAction;
  }[];
  invalid: { line: number; message: string }[];
  totalRows: number;
}

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
  const table = await readTable(bytes, filename);
  const [existing, keys] = await Promise.all([
    listSourceKeys(ctx.db, ctx.workspaceId),
    listApplicationKeys(ctx.db, ctx.workspaceId),
  ]);
  return analyse(table, filename, options, existing, keys, today(ctx));
}

function analyse(
  table: Table,
  filename: string,
  options: Pick<SpreadsheetImportOptions, 'mapping' | 'stageMap' | 'duplicates' | 'duplicateActions'>,
  existing: Set<string>,
  keys: ExistingApplicationKey[],
  day: string,
): SpreadsheetAnalysis {
  const matcher = duplicateMatcher(keys);
  const toMerge: SpreadsheetAnalysis['toMerge'] = [];
  const override = options.mapping;
  const guessed = guessMapping(table.headers);
  const mapping = override
    ? overrideMapping(guessed, resolveMappingOverride(table.headers, override))
    : guessed;
  const preview = buildImportPreview(table, mapping, { today: day, stageMap: options.stageMap });
  const toCreate: PlannedRow[] = [];
  const duplicates: SpreadsheetAnalysis['duplicates'] = [];
  const invalid: SpreadsheetAnalysis['invalid'] = [];
  let byLine: Map<number, Table['rows'][number]> | undefined;
  for (const e of preview.errors) {
    // A row repeating an earlier row of the same file is a duplicate to skip, not a broken row.
    if (SAME_AS_EARLIER.test(e.message)) {
      byLine ??= new Map(table.rows.map((r) => [r.line, r]));
      const row = byLine.get(e.line);
      const cell = (f: ImportField) =>
        mapping.fields[f] === undefined ? '' : (row?.cells[mapping.fields[f]!] ?? '').trim();
      duplicates.push({
        line: e.line,
        company: cell('company'),
        role: cell('role'),
        reason: e.message.replace(/^line \d+: /, ''),
        action: 'skip',
      });
    } else invalid.push(e);
  }
  for (const row of preview.rows) {
    const a = row.application;
    if (existing.has(a.dedupeKey)) {
      duplicates.push({
        line: row.line,
        company: a.fields.company,
        role: a.fields.role,
        reason: 'already in Rebound',
        action: 'skip',
      });
      continue;
    }
    const problem = checkRow(a, day);
    if (problem) {
      invalid.push({ line: row.line, message: `line ${row.line}: ${problem}` });
      continue;
    }
    const twin = matcher.find(a.fields);
    if (twin) {
      const action = options.duplicateActions?.[String(row.line)] ?? options.duplicates ?? 'skip';
      duplicates.push({
        line: row.line,
        company: a.fields.company,
        role: a.fields.role,
        reason: `looks like ${twin.company} — ${twin.role}${twin.appliedOn ? ` (applied ${twin.appliedOn})` : ''}, already in Rebound`,
        existing: { id: twin.id, company: twin.company, role: twin.role, appliedOn: twin.appliedOn },
        action,
      });
      if (action === 'merge') toMerge.push({ ...row, existingId: twin.id });
      if (action !== 'keep') continue;
    }
    toCreate.push(row);
  }
  invalid.sort((a, b) => a.line - b.line);
  duplicates.sort((a, b) => a.line - b.line);
  return {
    filename,
    mapping,
    stageLabels: stageLabels(table, mapping, stageLabelReader(options.stageMap)),
    toCreate,
    toMerge,
    duplicates,
    invalid,
    totalRows: table.rows.length,
  };
}

const HTTP_SCHEME = /^https?:\/\//i;
const BARE_HOST = /^[\w-]+(\.[\w-]+)+(\/|$)/;
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const SAME_AS_EARLIER = /: same application as line \d+$/;

/** Makes the row fit what Rebound stores; returns what is wrong with it when it cannot. */
function checkRow(a: ImportedApplication, day: string): string | null {
  const f = a.fields;
  if (f.jobUrl && !HTTP_SCHEME.test(f.jobUrl) && BARE_HOST.test(f.jobUrl)) f.jobUrl = `https://${f.jobUrl}`;
  if (f.salaryCurrency && !CURRENCY_CODE.test(f.salaryCurrency)) f.salaryCurrency = null;
  if (f.appliedOn && f.appliedOn > day) return `applied date ${f.appliedOn} is in the future`;
  if (a.savedOn && a.savedOn > day) a.savedOn = null;
  if (a.outcomeOn && a.outcomeOn > day) a.outcomeOn = day;
  const input = { ...f, stage: a.stage };
  if (surelyValidApplication(input)) return null;
  const parsed = createApplicationSchema.safeParse(input);
  if (parsed.success) return null;
  return issuesToDetails(parsed.error.issues)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
}

function stageLabels(
  table: Table,
  mapping: ImportMapping,
  readStage: ReturnType<typeof stageLabelReader>,
): SpreadsheetAnalysis['stageLabels'] {
  const index = mapping.fields.status;
  if (index === undefined) return [];
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const label = readLabel((row.cells[index] ?? '').trim());
    if (label !== '') counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()].map(([label, rows]) => {
    const mapped = readStage(label);
    return { label, stage: mapped?.stage ?? null, outcome: mapped?.outcome ?? null, rows };
  });
}

/** Teal writes a status as JSON with a `name`. */
function readLabel(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const name = (JSON.parse(raw) as { name?: unknown }).name;
    return typeof name === 'string' ? name.trim() : raw;
  } catch {
    return raw;
  }
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
  const table = await readTable(bytes, filename);
  const day = today(ctx);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const [existing, keys] = await Promise.all([
      listSourceKeys(trx, ctx.workspaceId),
      listApplicationKeys(trx, ctx.workspaceId),
    ]);
    const plan = analyse(table, filename, options, existing, keys, day);
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
    const records = plan.toCreate.map((row) => buildRecord(row.application, day, now));
    const total = records.length;
    for (let i = 0; i < total; i += PROGRESS_EVERY) {
      const slice = records.slice(i, i + PROGRESS_EVERY);
      await bulk.insertApplicationsBulk(
        trx,
        ctx.workspaceId,
        slice.map((r) => r.app),
      );
      await eventsRepo.insertEvents(
        trx,
        ctx.workspaceId,
        slice.flatMap((r) => r.events),
      );
      options.onProgress?.(Math.min(i + PROGRESS_EVERY, total), total);
    }
    for (const row of plan.toMerge) await mergeInto(trx, ctx, row.existingId, row.application, now);
    return {
      filename,
      created: total,
      merged: plan.toMerge.length,
      applicationIds: records.map((r) => r.app.id),
      skippedDuplicates: plan.duplicates,
      skippedInvalid: plan.invalid,
    };
  });
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

/** One imported row as an application with a history consistent with its stage and outcome. */
export function buildRecord(
  a: ImportedApplication,
  day: string,
  now: string,
): { app: Application & { sourceKey: string }; events: ApplicationEvent[] } {
  const id = newId();
  const startSaved =
    a.savedOn !== null &&
    a.stage !== 'saved' &&
    (a.fields.appliedOn === null || a.savedOn < a.fields.appliedOn);
  const { app, event } = newApplicationRecord(
    { ...a.fields, stage: startSaved ? 'saved' : a.stage },
    { id, today: day, now },
  );
  const events: ApplicationEvent[] = [];
  if (startSaved) {
    events.push({ ...event, occurredOn: a.savedOn! });
    events.push({
      id: newId(),
      applicationId: id,
      seq: 2,
      type: 'stage_changed',
      occurredOn: a.fields.appliedOn ?? day,
      recordedAt: now,
      data: { from: 'saved', to: a.stage },
    });
    if (stageIndex(a.stage) >= stageIndex('applied')) app.appliedOn = a.fields.appliedOn ?? day;
  } else events.push(event);
  if (a.outcome) {
    const last = events.at(-1)!.occurredOn;
    const on = a.outcomeOn && a.outcomeOn > last ? a.outcomeOn : last;
    events.push({
      id: newId(),
      applicationId: id,
      seq: events.length + 1,
      type: 'outcome_set',
      occurredOn: on,
      recordedAt: now,
      data: { outcome: a.outcome, reason: null },
    });
  }
  // A history of just the created event is the one newApplicationRecord already derived the state from.
  const state = events.length === 1 && events[0] === event ? {} : deriveState(events);
  return { app: { ...app, ...state, sourceKey: a.dedupeKey }, events };
}

/** The field names a person can use in `--map field=Column`, with what each means. */
export function mappableFields(): { field: ImportField; label: string }[] {
  return (Object.entries(IMPORT_FIELD_LABELS) as [ImportField, string][]).map(([field, label]) => ({
    field,
    label,
  }));
}
