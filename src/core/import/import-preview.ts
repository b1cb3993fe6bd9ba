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
export function buildImportPreview(table: ImportTable, mapping: ImportMapping, options: { today: string }): ImportPreview {
  const errors: ImportPreview['errors'] = [];
  const rows: ImportPreview['rows'] = [];
  if (mapping.missing.length > 0) {
    const needed = mapping.missing.map((f) => IMPORT_FIELD_LABELS[f]).join(' and ');
    const seen = table.headers.filter((h) => h.trim() !== '').map((h) => `"${h}"`).join(', ') || 'none';
    errors.push({ line: 1, message: `line 1: no column for the ${needed} (columns found: ${seen})` });
    return { layout: mapping.layout, rows, errors };
  }
  const layout = mapping.layout ? KNOWN_LAYOUTS.find((l) => l.id === mapping.layout!.id) : undefined;
  const dateOrder = layout?.dateOrder ?? columnDateOrder(table, mapping);
  const seenKeys = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (field: ImportField): string => {
      const index = mapping.fields[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const problem = (field: ImportField, text: string) => {
      const header = table.headers[mapping.fields[field]!] ?? IMPORT_FIELD_LABELS[field];
      errors.push({ line: row.line, message: `line ${row.line}: ${text} (column "${header}")` });
    };
    const result = buildRow(cell, problem, dateOrder, layout?.defaultStage ?? 'applied', layout?.id, options.today);
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

function columnDateOrder(table: ImportTable, mapping: ImportMapping): DateOrder {
  const cols = (['appliedOn', 'savedOn', 'closedOn'] as const).map((f) => mapping.fields[f]).filter((i) => i !== undefined);
  if (cols.length === 0) return 'mdy';
  return detectDateOrder(table.rows.flatMap((r) => cols.map((i) => r.cells[i] ?? '')));
}

function buildRow(
  cell: (field: ImportField) => string,
  problem: (field: ImportField, text: string) => void,
  dateOrder: DateOrder,
  defaultStage: Stage,
  layoutId: string | undefined,
  today: string,
): ImportedApplication | null {
  const company = cell('company');
  const role = cell('role');
  let ok = true;
  if (company === '') ok = fail(problem, 'company', 'company is empty');
  if (role === '') ok = fail(problem, 'role', 'role is empty');
  const date = (field: 'appliedOn' | 'savedOn' | 'closedOn'): string | null => {
    const raw = cell(field);
    const parsed = parseLooseDate(raw, dateOrder);
    if (parsed === null && raw !== '' && !/^(n\/?a|none|null|-+|—|tbd|unknown|\?)$/i.test(raw)) {
      ok = fail(problem, field, `${IMPORT_FIELD_LABELS[field]} "${raw}" is not a date Rebound can read`);
    }
    return parsed;
  };
  const appliedOn = date('appliedOn');
  const savedOn = date('savedOn');
  const closedOn = date('closedOn');
  let stage: Stage = appliedOn || isYes(cell('applied')) ? 'applied' : defaultStage;
  let outcome: Outcome | null = null;
  const label = statusLabel(cell('status'));
  if (label !== '') {
    const mapped = mapStageLabel(label);
    if (mapped === null) ok = fail(problem, 'status', `unknown stage "${label}"`);
    else {
      stage = mapped.stage === 'saved' && appliedOn && !mapped.outcome ? 'applied' : mapped.stage;
      outcome = mapped.outcome;
    }
  }
  if (!ok) return null;
  const jobUrl = cell('jobUrl') || null;
  const fields: ImportedFields = {
    company,
    role,
    jobUrl,
    location: cell('location') || null,
    workMode: parseWorkMode(cell('workMode')) ?? parseWorkMode(cell('location')),
    ...salaryFields(cell),
    notes: cell('notes') || null,
    channel: guessChannelFromSource(cell('source')) ?? (layoutId?.startsWith('linkedin') ? 'job_board' : guessChannelFromUrl(jobUrl)),
    kind: /contract|freelance|temporary|temp\b|consult/i.test(cell('jobType')) ? 'contract' : 'job',
    appliedOn,
    tags: cell('tags').split(/[,;|]/).map((t) => t.trim()).filter((t) => t !== ''),
  };
  const app: ImportedApplication = {
    fields,
    stage,
    outcome,
    savedOn,
    contact: cell('contact') || null,
    dedupeKey: dedupeKey({ company, role, appliedOn, jobUrl }),
  };
  if (outcome) app.outcomeOn = closedOn ?? today;
  return app;
}

function fail(problem: (field: ImportField, text: string) => void, field: ImportField, text: string): false {
  problem(field, text);
  return false;
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

function salaryFields(cell: (field: ImportField) => string): Pick<ImportedFields, 'salaryMin' | 'salaryMax' | 'salaryCurrency'> {
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
