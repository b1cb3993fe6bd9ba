/**
 * The pure part of a spreadsheet import: a read table becomes a plan (rows to create, duplicates,
 * unreadable rows, how status labels are read) and each planned row an application with its
 * history. No database: it runs on an import worker (see import-worker.ts) as well as in process.
 */
import type { Application, ApplicationEvent } from '../../core/applications/application.ts';
import { stageIndex } from '../../core/applications/application.ts';
import { createApplicationSchema } from '../../core/applications/input.ts';
import { guessMapping, type ImportMapping, overrideMapping } from '../../core/import/guess-mapping.ts';
import type { ImportField } from '../../core/import/header-aliases.ts';
import { buildImportPreview, type ImportedApplication } from '../../core/import/import-preview.ts';
import { type MappingOverride, resolveMappingOverride } from '../../core/import/input.ts';
import {
  type DuplicateAction,
  duplicateMatcher,
  type ExistingApplicationKey,
} from '../../core/import/likely-duplicates.ts';
import { surelyValidApplication } from '../../core/import/quick-check.ts';
import type { ImportPreview } from '../../core/import/schemas.ts';
import { type StageMap, stageLabelReader } from '../../core/import/stage-labels.ts';
import { issuesToDetails } from '../../core/validation.ts';
import type { Table } from '../../io/spreadsheet.ts';
import { addBulkRows, BULK_BATCH, type BulkRows, emptyBulkRows } from '../../store/bulk-rows.ts';
import { newApplicationRecord } from '../applications.ts';
import { newId } from '../context.ts';

export interface PlannedRow {
  line: number;
  application: ImportedApplication;
}

/** Everything an import would do, before it does it. */
export interface SpreadsheetAnalysis {
  filename: string;
  mapping: ImportMapping;
  /** Each status label of the file and how it will be read, the user's choice first (null: not understood). */
  stageLabels: ImportPreview['stageLabels'];
  toCreate: PlannedRow[];
  /** Rows to fold into the application they repeat (its empty fields are filled in). */
  toMerge: Array<PlannedRow & { existingId: string }>;
  /**
   * Rows that repeat something: an earlier row, an earlier import (always skipped), or, with
   * `keys`, an application already in Rebound and what will be done about it.
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

/** What to do about rows that look like applications already in Rebound. */
export interface DuplicateChoices {
  /** For every such row: merge into it, skip (the default) or keep both. */
  duplicates?: DuplicateAction;
  /** The same choice for single rows, by line number; wins over `duplicates`. */
  duplicateActions?: Record<string, DuplicateAction>;
}

export function analyseTable(
  table: Table,
  filename: string,
  options: { mapping?: MappingOverride; stageMap?: StageMap } & DuplicateChoices,
  existing: Set<string>,
  day: string,
  keys: readonly ExistingApplicationKey[] = [],
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
  // The derived state comes from the history when it is written (addBulkRows). The record is
  // this row's own, so it takes its source key in place rather than as a copy.
  const record = app as Application & { sourceKey: string };
  record.sourceKey = a.dedupeKey;
  return { app: record, events };
}

/** True when a commit refuses the whole file: columns missing, or unreadable rows not to be skipped. */
export function refusesCommit(analysis: SpreadsheetAnalysis, skipInvalid: boolean | undefined): boolean {
  return analysis.mapping.missing.length > 0 || (analysis.invalid.length > 0 && !skipInvalid);
}

/**
 * A batch of planned applications, ready to write: who they are (parallel arrays, in file order)
 * and their rows for every table (`addBulkRows`: application, tags, events, summary, search
 * document). Built on the import worker, so the request thread only runs the inserts.
 */
export interface PlannedBatch {
  lines: number[];
  ids: string[];
  sourceKeys: string[];
  companies: string[];
  roles: string[];
  rows: BulkRows;
}

/** The planned rows as batches of `size` applications with their histories. */
export function* plannedBatches(
  rows: readonly PlannedRow[],
  workspaceId: string,
  day: string,
  now: string,
  size: number = BULK_BATCH,
): Generator<PlannedBatch> {
  for (let i = 0; i < rows.length; i += size) {
    const batch: PlannedBatch = {
      lines: [],
      ids: [],
      sourceKeys: [],
      companies: [],
      roles: [],
      rows: emptyBulkRows(),
    };
    for (const row of rows.slice(i, i + size)) {
      const { app, events } = buildRecord(row.application, day, now);
      batch.lines.push(row.line);
      batch.ids.push(app.id);
      batch.sourceKeys.push(app.sourceKey);
      batch.companies.push(app.company);
      batch.roles.push(app.role);
      addBulkRows(batch.rows, workspaceId, app, events);
    }
    yield batch;
  }
}
