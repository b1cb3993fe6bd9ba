import type { Application, ApplicationFields, DerivedState } from './application.ts';

/**
 * The application's fields, described once. The repository (columns, row ↔ domain), the backup
 * (which fields a backup keeps), the CSV export (which columns, in this order) and the checks below
 * are driven from this table; the compiler makes every field of `Application` appear here exactly
 * once. How to add a field: docs/ARCHITECTURE.md, "Adding a field to applications".
 */

export interface FieldSpec {
  /** Its column in the `applications` table; null when it lives elsewhere (tags have their own table). */
  column: string | null;
  /**
   * `identity` and `timestamp` are kept as written; `editable` fields are what a person types
   * (create, edit, import, backup); `derived` ones are always recomputed from the history and
   * never stored in a backup.
   */
  kind: 'identity' | 'editable' | 'derived' | 'timestamp';
  /** Read by list queries; false for large text, read only with one application. */
  inList: boolean;
  /** Its header in the CSV export, or null to leave it out. The export keeps this table's order. */
  csv: string | null;
}

export const APPLICATION_FIELDS = {
  id: { column: 'id', kind: 'identity', inList: true, csv: 'id' },
  company: { column: 'company', kind: 'editable', inList: true, csv: 'company' },
  role: { column: 'role', kind: 'editable', inList: true, csv: 'role' },
  channel: { column: 'channel', kind: 'editable', inList: true, csv: 'channel' },
  kind: { column: 'kind', kind: 'editable', inList: true, csv: 'kind' },
  appliedOn: { column: 'applied_on', kind: 'editable', inList: true, csv: 'applied_on' },
  stage: { column: 'stage', kind: 'derived', inList: true, csv: 'stage' },
  furthestStage: { column: 'furthest_stage', kind: 'derived', inList: true, csv: 'furthest_stage' },
  outcome: { column: 'outcome', kind: 'derived', inList: true, csv: 'outcome' },
  closedOn: { column: 'closed_on', kind: 'derived', inList: true, csv: 'closed_on' },
  lastResponseOn: { column: 'last_response_on', kind: 'derived', inList: true, csv: 'last_response_on' },
  location: { column: 'location', kind: 'editable', inList: true, csv: 'location' },
  workMode: { column: 'work_mode', kind: 'editable', inList: true, csv: 'work_mode' },
  salaryMin: { column: 'salary_min', kind: 'editable', inList: true, csv: 'salary_min' },
  salaryMax: { column: 'salary_max', kind: 'editable', inList: true, csv: 'salary_max' },
  salaryCurrency: { column: 'salary_currency', kind: 'editable', inList: true, csv: 'salary_currency' },
  jobUrl: { column: 'job_url', kind: 'editable', inList: true, csv: 'job_url' },
  website: { column: 'website', kind: 'editable', inList: true, csv: 'website' },
  tags: { column: null, kind: 'editable', inList: true, csv: 'tags' },
  notes: { column: 'notes', kind: 'editable', inList: true, csv: 'notes' },
  createdAt: { column: 'created_at', kind: 'timestamp', inList: true, csv: 'created_at' },
  updatedAt: { column: 'updated_at', kind: 'timestamp', inList: true, csv: null },
  resumeVersion: { column: 'resume_version', kind: 'editable', inList: true, csv: null },
  coverLetterVersion: { column: 'cover_letter_version', kind: 'editable', inList: true, csv: null },
  priority: { column: 'priority', kind: 'editable', inList: true, csv: null },
  excitement: { column: 'excitement', kind: 'editable', inList: true, csv: null },
  lastActivityOn: { column: 'last_activity_on', kind: 'derived', inList: true, csv: null },
  jobDescription: { column: 'job_description', kind: 'editable', inList: false, csv: null },
} as const satisfies Record<keyof Application, FieldSpec>;

type Fields = typeof APPLICATION_FIELDS;
export type FieldName = keyof Fields;
/** Names of the fields of one kind. */
export type FieldsOfKind<K extends FieldSpec['kind']> = {
  [F in FieldName]: Fields[F]['kind'] extends K ? F : never;
}[FieldName];
/** The column of each stored field. */
export type ColumnOf<F extends FieldName> = Fields[F]['column'];
export type StoredField = { [F in FieldName]: ColumnOf<F> extends string ? F : never }[FieldName];
export type ApplicationColumn = ColumnOf<StoredField>;

/** Compile-time checks: the kinds agree with the domain types (a new field must be placed). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: [
  Same<FieldsOfKind<'editable'>, keyof ApplicationFields>,
  Same<FieldsOfKind<'derived'>, keyof DerivedState>,
] = [true, true];
void kindsAgree;

const names = Object.keys(APPLICATION_FIELDS) as FieldName[];

/** Fields stored in a column of `applications`, in table order. */
export const STORED_FIELDS = names.filter((f) => APPLICATION_FIELDS[f].column !== null) as StoredField[];
/** What a backup keeps of an application (its history is kept beside, and the rest rebuilt from it). */
export const BACKUP_FIELDS = names.filter((f) => APPLICATION_FIELDS[f].kind !== 'derived') as Exclude<
  FieldName,
  FieldsOfKind<'derived'>
>[];
/** The CSV export's columns, in order. */
export const CSV_FIELDS = names.filter((f) => APPLICATION_FIELDS[f].csv !== null);
export const CSV_HEADERS = CSV_FIELDS.map((f) => APPLICATION_FIELDS[f].csv as string);

/** The named fields of a value, typed: how the backup and the CSV export take what the table lists. */
export function pickFields<T, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = source[key];
  return out;
}

export type BackupField = (typeof BACKUP_FIELDS)[number];
