/**
 * Turns a parsed table and a column mapping into the applications an import would create, with a
 * message for every row that cannot be imported. Nothing is written: the user sees this first.
 */
import type { ApplicationFields, Outcome, Stage, WorkMode } from '../applications/application.ts';
import { guessChannelFromSource, guessChannelFromUrl } from './channel.ts';
import { dedupeKey } from './dedupe-key.ts';
import type { ImportMapping } from './guess-mapping.ts';
import { IMPORT_FIELD_LABELS, type ImportField } from './header-aliases.ts';
import { KNOWN_LAYOUTS } from './known-layouts.ts';
import { type DateOrder, detectDateOrder, parseLooseDate } from './loose-date.ts';
import { parseAmount, parseCurrency, parseSalary } from './salary.ts';
import { mapStageLabel } from './stage-labels.ts';

/** The table shape `readTable` (src/io/spreadsheet.ts) returns. */
export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export type ImportedFields = Pick<
  ApplicationFields,
  | 'company'
  | 'role'
  | 'jobUrl'
  | 'location'
  | 'workMode'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'notes'
  | 'channel'
  | 'kind'
  | 'appliedOn'
  | 'tags'
>;

export interface ImportedApplication {
  fields: ImportedFields;
  stage: Stage;
  outcome: Outcome | null;
  /** The day the outcome was set: the file's closed-date column, else the import day. */
  outcomeOn?: string;
  /** The day the job was saved, when the file says. */
  savedOn: string | null;
  /** A contact named in the file (LinkedIn gives the recruiter's e-mail). */
  contact: string | null;
  dedupeKey: string;
}

export interface ImportPreview {
  layout: ImportMapping['layout'];
  rows: { line: number; application: ImportedApplication }[];
  errors: { line: number; message: string }[];
}

/**
 * Builds the preview: each row becomes an application or an error naming its line and column
 * ("line 7: company is empty (column "Company")", "line 9: unknown stage "Interveiw" (column "Status")").
 * Rows repeating an earlier row of the same file are reported, not imported twice.
 */
export function buildImportPreview(
  table: ImportTable,
  mapping: ImportMapping,
  options: { today: string },
): ImportPreview {
  const errors: ImportPreview['errors'] = [];
  const rows: ImportPreview['rows'] = [];
  if (mapping.missing.length > 0) {
    const needed = mapping.missing.map((f) => IMPORT_FIELD_LABELS[f]).join(' and ');
    const seen =
      table.headers
        .filter((h) => h.trim() !== '')
        .map((h) => `"${h}"`)
        .join(', ') || 'none';
    errors.push({ line: 1, message: `line 1: no column for the ${needed} (columns found: ${seen})` });
    return { layout: mapping.layout, rows, errors };
  }
  const layout = mapping.layout ? KNOWN_LAYOUTS.find((l) => l.id === mapping.layout!.id) : undefined;
  const ctx: RowContext = {
    table,
    mapping,
    dateOrder: layout?.dateOrder ?? columnDateOrder(table, mapping),
    defaultStage: layout?.defaultStage ?? 'applied',
    layoutId: layout?.id,
    today: options.today,
    errors,
    memo: new Map(),
  };
  const seenKeys = new Map<string, number>();
  for (const row of table.rows) {
    const result = buildRow(ctx, row);
    if (!result) continue;
    const earlier = seenKeys.get(result.dedupeKey);
    if (earlier !== undefined) {
      errors.push({ line: row.line, message: `line ${row.line}: same application as line ${earlier}` });
      continue;
    }
    seenKeys.set(result.dedupeKey, row.line);
    rows.push({ line: row.line, application: result });
  }
  return { layout: mapping.layout, rows, errors };
}

interface RowContext {
  table: ImportTable;
  mapping: ImportMapping;
  dateOrder: DateOrder;
  defaultStage: Stage;
  layoutId: string | undefined;
  today: string;
  errors: ImportPreview['errors'];
  /** Trackers repeat the same statuses, dates and salaries; each distinct value is read once. */
  memo: Map<string, unknown>;
}

type Row = ImportTable['rows'][number];

function memo<T>(ctx: RowContext, kind: string, value: string, read: (v: string) => T): T {
  const key = `${kind}\u0000${value}`;
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const result = read(value);
  if (ctx.memo.size < 50_000) ctx.memo.set(key, result);
  return result;
}

function cellOf(ctx: RowContext, row: Row, field: ImportField): string {
  const index = ctx.mapping.fields[field];
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

function problem(ctx: RowContext, row: Row, field: ImportField, text: string): false {
  const header = ctx.table.headers[ctx.mapping.fields[field]!] ?? IMPORT_FIELD_LABELS[field];
  ctx.errors.push({ line: row.line, message: `line ${row.line}: ${text} (column "${header}")` });
  return false;
}

function columnDateOrder(table: ImportTable, mapping: ImportMapping): DateOrder {
  const cols = (['appliedOn', 'savedOn', 'closedOn'] as const)
    .map((f) => mapping.fields[f])
    .filter((i) => i !== undefined);
  if (cols.length === 0) return 'mdy';
  return detectDateOrder(table.rows.flatMap((r) => cols.map((i) => r.cells[i] ?? '')));
}

const PLACEHOLDER = /^(n\/?a|none|null|-+|—|tbd|unknown|\?)$/i;

function readDate(
  ctx: RowContext,
  row: Row,
  field: 'appliedOn' | 'savedOn' | 'closedOn',
): string | null | false {
  const raw = cellOf(ctx, row, field);
  if (raw === '') return null;
  const parsed = memo(ctx, 'date', raw, (v) => parseLooseDate(v, ctx.dateOrder));
  if (parsed === null && !PLACEHOLDER.test(raw)) {
    return problem(ctx, row, field, `${IMPORT_FIELD_LABELS[field]} "${raw}" is not a date Rebound can read`);
  }
  return parsed;
}

function buildRow(ctx: RowContext, row: Row): ImportedApplication | null {
  const cell = (field: ImportField) => cellOf(ctx, row, field);
  const company = cell('company');
  const role = cell('role');
  let ok = true;
  if (company === '') ok = problem(ctx, row, 'company', 'company is empty');
  if (role === '') ok = problem(ctx, row, 'role', 'role is empty');
  const appliedOn = readDate(ctx, row, 'appliedOn');
  const savedOn = readDate(ctx, row, 'savedOn');
  const closedOn = readDate(ctx, row, 'closedOn');
  if (appliedOn === false || savedOn === false || closedOn === false) ok = false;
  let stage: Stage = appliedOn || isYes(cell('applied')) ? 'applied' : ctx.defaultStage;
  let outcome: Outcome | null = null;
  const label = statusLabel(cell('status'));
  if (label !== '') {
    const mapped = memo(ctx, 'stage', label, mapStageLabel);
    if (mapped === null) ok = problem(ctx, row, 'status', `unknown stage "${label}"`);
    else {
      stage = mapped.stage === 'saved' && appliedOn && !mapped.outcome ? 'applied' : mapped.stage;
      outcome = mapped.outcome;
    }
  }
  if (!ok || appliedOn === false || savedOn === false || closedOn === false) return null;
  const jobUrl = cell('jobUrl') || null;
  const source = cell('source');
  const fields: ImportedFields = {
    company,
    role,
    jobUrl,
    location: cell('location') || null,
    workMode: parseWorkMode(cell('workMode')) ?? parseWorkMode(cell('location')),
    ...memo(
      ctx,
      'salary',
      `${cell('salary')}\u0000${cell('salaryMin')}\u0000${cell('salaryMax')}\u0000${cell('salaryCurrency')}`,
      () => salaryFields(cell),
    ),
    notes: cell('notes') || null,
    channel:
      (source ? memo(ctx, 'source', source, guessChannelFromSource) : null) ??
      (ctx.layoutId?.startsWith('linkedin') ? 'job_board' : guessChannelFromUrl(jobUrl)),
    kind: /contract|freelance|temporary|temp\b|consult/i.test(cell('jobType')) ? 'contract' : 'job',
    appliedOn,
    tags: splitTags(cell('tags')),
  };
  const app: ImportedApplication = {
    fields,
    stage,
    outcome,
    savedOn,
    contact: cell('contact') || null,
    dedupeKey: dedupeKey({ company, role, appliedOn, jobUrl }),
  };
  if (outcome) app.outcomeOn = closedOn ?? ctx.today;
  return app;
}

function splitTags(s: string): string[] {
  if (s === '') return [];
  return s
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Teal writes the status as a JSON object with a `name`; everything else is a plain label. */
function statusLabel(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const parsed = JSON.parse(raw) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name.trim() : raw;
  } catch {
    return raw;
  }
}

function isYes(s: string): boolean {
  return /^(yes|y|true|1|x|✓|✔)$/i.test(s);
}

function parseWorkMode(s: string): WorkMode | null {
  if (s === '') return null;
  if (/\bhybrid\b/i.test(s)) return 'hybrid';
  if (/\bremote\b/i.test(s)) return 'remote';
  if (/\b(on[- ]?site|in[- ]office|office)\b/i.test(s)) return 'onsite';
  return null;
}

function salaryFields(
  cell: (field: ImportField) => string,
): Pick<ImportedFields, 'salaryMin' | 'salaryMax' | 'salaryCurrency'> {
  const range = parseSalary(cell('salary'));
  const min = cell('salaryMin').match(/(\d[\d,. ]*)\s*([kKmM])?/);
  const max = cell('salaryMax').match(/(\d[\d,. ]*)\s*([kKmM])?/);
  return {
    salaryMin: min ? parseAmount(min[1]!.trim(), min[2]) : range.min,
    salaryMax: max ? parseAmount(max[1]!.trim(), max[2]) : range.max,
    salaryCurrency:
      parseCurrency(cell('salaryCurrency')) ??
      (cell('salaryCurrency').toUpperCase() || null) ??
      parseCurrency(cell('salaryMin')) ??
      range.currency,
  };
}
