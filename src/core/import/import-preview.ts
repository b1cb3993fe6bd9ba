/**
 * Turns a parsed table and a column mapping into the applications an import would create, with a
 * message for every row that cannot be imported. Nothing is written: the user sees this first.
 */
import type {
  ApplicationFields,
  ApplicationKind,
  Outcome,
  Stage,
  WorkMode,
} from '../applications/application.ts';
import { websiteField } from '../applications/input.ts';
import { guessChannelFromSource, guessChannelFromUrl } from './channel.ts';
import { dedupeKeyOf, normaliseCompany, normaliseUrl, normaliseWords } from './dedupe-key.ts';
import type { ImportMapping } from './guess-mapping.ts';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from './header-aliases.ts';
import { KNOWN_LAYOUTS } from './known-layouts.ts';
import { type DateOrder, detectDateOrder, parseLooseDate } from './loose-date.ts';
import { parseAmount, parseCurrency, parseSalary } from './salary.ts';
import { type StageAndOutcome, type StageMap, stageLabelReader } from './stage-labels.ts';

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
  | 'website'
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
 * Rows repeating an earlier row of the same file are reported, not imported twice. Labels the
 * user mapped in `stageMap` are read their way, before Rebound's own guess.
 */
export function buildImportPreview(
  table: ImportTable,
  mapping: ImportMapping,
  options: { today: string; stageMap?: StageMap },
): ImportPreview {
  const readStage = stageLabelReader(options.stageMap);
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
  const f = mapping.fields;
  const ctx: RowContext = {
    table,
    mapping,
    dateOrder: layout?.dateOrder ?? columnDateOrder(table, mapping),
    defaultStage: layout?.defaultStage ?? 'applied',
    layoutId: layout?.id,
    today: options.today,
    readStage,
    errors,
    salaryExtraColumns:
      f.salaryMin !== undefined || f.salaryMax !== undefined || f.salaryCurrency !== undefined,
    columns: Object.fromEntries(IMPORT_FIELDS.map((field) => [field, f[field] ?? -1])) as Record<
      ImportField,
      number
    >,
    memos: Object.fromEntries(MEMO_KINDS.map((kind) => [kind, new Map()])) as RowContext['memos'],
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
  /** Status label → stage and outcome: the user's choices first, then Rebound's guess. */
  readStage: (label: string) => StageAndOutcome | null;
  errors: ImportPreview['errors'];
  /** True when a salary min, max or currency column is mapped beside (or instead of) a salary one. */
  salaryExtraColumns: boolean;
  /** Field → column index, -1 when no column is mapped to it. */
  columns: Record<ImportField, number>;
  /**
   * Trackers repeat the same statuses, dates, salaries, companies and roles; each distinct value
   * is read once. One map per kind of value, so a lookup needs no composite key.
   */
  memos: Record<MemoKind, Map<string, unknown>>;
}

type Row = ImportTable['rows'][number];

const MEMO_KINDS = ['date', 'stage', 'salary', 'source', 'workMode', 'company', 'role', 'website'] as const;
type MemoKind = (typeof MEMO_KINDS)[number];
const MEMO_LIMIT = 50_000;

function memo<T>(ctx: RowContext, kind: MemoKind, value: string, read: (v: string) => T): T {
  const values = ctx.memos[kind];
  const known = values.get(value);
  if (known !== undefined || values.has(value)) return known as T;
  const result = read(value);
  if (values.size < MEMO_LIMIT) values.set(value, result);
  return result;
}

/** The trimmed cell at column `index` of `cells`; empty when the field has no column. */
function cellAt(cells: string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
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
  // Each distinct value once: a column of dates repeats the same few hundred days.
  const values = new Set<string>();
  for (const row of table.rows) for (const i of cols) values.add(row.cells[i] ?? '');
  return detectDateOrder(values);
}

const PLACEHOLDER = /^(n\/?a|none|null|-+|—|tbd|unknown|\?)$/i;
const YES = /^(yes|y|true|1|x|✓|✔)$/i;
const INTERNSHIP = /intern|trainee|placement|werkstudent|praktikum/i;
const FREELANCE = /freelance|self-employed|gig\b/i;
const CONTRACT = /contract|temporary|temp\b|consult/i;

/** The type of work a tracker's "job type" cell names; ordinary employment when it names none. */
function kindOf(jobType: string): ApplicationKind {
  if (jobType === '') return 'job';
  if (INTERNSHIP.test(jobType)) return 'internship';
  if (FREELANCE.test(jobType)) return 'freelance';
  return CONTRACT.test(jobType) ? 'contract' : 'job';
}
const HYBRID = /\bhybrid\b/i;
const REMOTE = /\bremote\b/i;
const ONSITE = /\b(on[- ]?site|in[- ]office|office)\b/i;
const TAG_SEPARATOR = /[,;|]/;
const FIGURE = /(\d[\d,. ]*)\s*([kKmM])?/;

function readDate(
  ctx: RowContext,
  row: Row,
  field: 'appliedOn' | 'savedOn' | 'closedOn',
): string | null | false {
  const raw = cellAt(row.cells, ctx.columns[field]);
  if (raw === '') return null;
  const parsed = memo(ctx, 'date', raw, ctx.dateOrder === 'dmy' ? parseDmy : parseLooseDate);
  if (parsed === null && !PLACEHOLDER.test(raw)) {
    return problem(ctx, row, field, `${IMPORT_FIELD_LABELS[field]} "${raw}" is not a date Rebound can read`);
  }
  return parsed;
}

function parseDmy(v: string): string | null {
  return parseLooseDate(v, 'dmy');
}

function buildRow(ctx: RowContext, row: Row): ImportedApplication | null {
  const col = ctx.columns;
  const cells = row.cells;
  const company = cellAt(cells, col.company);
  const role = cellAt(cells, col.role);
  let ok = true;
  if (company === '') ok = problem(ctx, row, 'company', 'company is empty');
  if (role === '') ok = problem(ctx, row, 'role', 'role is empty');
  const appliedOn = readDate(ctx, row, 'appliedOn');
  const savedOn = readDate(ctx, row, 'savedOn');
  const closedOn = readDate(ctx, row, 'closedOn');
  if (appliedOn === false || savedOn === false || closedOn === false) ok = false;
  let stage: Stage = appliedOn || YES.test(cellAt(cells, col.applied)) ? 'applied' : ctx.defaultStage;
  let outcome: Outcome | null = null;
  const label = statusLabel(cellAt(cells, col.status));
  if (label !== '') {
    const mapped = memo(ctx, 'stage', label, ctx.readStage);
    if (mapped === null) ok = problem(ctx, row, 'status', `unknown stage "${label}"`);
    else {
      stage = mapped.stage === 'saved' && appliedOn && !mapped.outcome ? 'applied' : mapped.stage;
      outcome = mapped.outcome;
    }
  }
  if (!ok || appliedOn === false || savedOn === false || closedOn === false) return null;
  const jobUrl = cellAt(cells, col.jobUrl) || null;
  const source = cellAt(cells, col.source);
  const location = cellAt(cells, col.location);
  const jobType = cellAt(cells, col.jobType);
  const fields: ImportedFields = {
    company,
    role,
    jobUrl,
    website: memo(ctx, 'website', cellAt(cells, col.website), websiteOf),
    location: location || null,
    workMode:
      memo(ctx, 'workMode', cellAt(cells, col.workMode), parseWorkMode) ??
      memo(ctx, 'workMode', location, parseWorkMode),
    ...salaryOf(ctx, cells),
    notes: cellAt(cells, col.notes) || null,
    channel:
      (source ? memo(ctx, 'source', source, guessChannelFromSource) : null) ??
      (ctx.layoutId?.startsWith('linkedin') ? 'job_board' : guessChannelFromUrl(jobUrl)),
    kind: kindOf(jobType),
    appliedOn,
    tags: splitTags(cellAt(cells, col.tags)),
  };
  const app: ImportedApplication = {
    fields,
    stage,
    outcome,
    savedOn,
    contact: cellAt(cells, col.contact) || null,
    dedupeKey: dedupeKeyOf(
      memo(ctx, 'company', company, normaliseCompany),
      memo(ctx, 'role', role, normaliseWords),
      appliedOn,
      normaliseUrl(jobUrl),
    ),
  };
  if (outcome) app.outcomeOn = closedOn ?? ctx.today;
  return app;
}

/** A website cell as a domain; a cell that is not one is left out rather than failing the row. */
function websiteOf(cell: string): string | null {
  const parsed = websiteField.safeParse(cell);
  return parsed.success ? parsed.data : null;
}

type SalaryFields = Pick<ImportedFields, 'salaryMin' | 'salaryMax' | 'salaryCurrency'>;

/** The row's salary fields, read once per distinct combination of its salary cells. */
function salaryOf(ctx: RowContext, cells: string[]): SalaryFields {
  const col = ctx.columns;
  const salary = cellAt(cells, col.salary);
  if (!ctx.salaryExtraColumns) return memo(ctx, 'salary', salary, salaryAlone);
  const min = cellAt(cells, col.salaryMin);
  const max = cellAt(cells, col.salaryMax);
  const currency = cellAt(cells, col.salaryCurrency);
  return memo(ctx, 'salary', `${salary}\u0000${min}\u0000${max}\u0000${currency}`, () =>
    salaryFields(salary, min, max, currency),
  );
}

function splitTags(s: string): string[] {
  if (s === '') return [];
  return s
    .split(TAG_SEPARATOR)
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

function parseWorkMode(s: string): WorkMode | null {
  if (s === '') return null;
  if (HYBRID.test(s)) return 'hybrid';
  if (REMOTE.test(s)) return 'remote';
  if (ONSITE.test(s)) return 'onsite';
  return null;
}

function salaryAlone(salary: string): SalaryFields {
  return salaryFields(salary, '', '', '');
}

function salaryFields(salary: string, minCell: string, maxCell: string, currency: string): SalaryFields {
  const range = parseSalary(salary);
  const min = FIGURE.exec(minCell);
  const max = FIGURE.exec(maxCell);
  return {
    salaryMin: min ? parseAmount(min[1]!.trim(), min[2]) : range.min,
    salaryMax: max ? parseAmount(max[1]!.trim(), max[2]) : range.max,
    salaryCurrency:
      parseCurrency(currency) ?? (currency.toUpperCase() || null) ?? parseCurrency(minCell) ?? range.currency,
  };
}
