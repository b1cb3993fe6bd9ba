import type { Kysely, Selectable } from 'kysely';
import type { Application, ApplicationFields, DerivedState } from '../core/applications/application.ts';
import type { ApplicationTable, Database } from './schema.ts';
import { deleteSearchDocuments, insertSearchDocuments, searchCondition } from './search-repository.ts';

/**
 * All SQL about applications and their tags. Rows become domain shapes here. Their events and
 * interview rounds live in `events-repository.ts`.
 */

export interface ApplicationFilter {
  status?: 'open' | 'closed' | 'all';
  stage?: string;
  channel?: string;
  outcome?: string;
  tag?: string;
  kind?: string;
  q?: string;
  sort?: 'updated' | 'applied' | 'company' | 'priority' | 'stage';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

type Db = Kysely<Database>;

export const SUMMARY_COLUMNS = [
  'id',
  'company',
  'role',
  'job_url',
  'location',
  'work_mode',
  'salary_min',
  'salary_max',
  'salary_currency',
  'channel',
  'kind',
  'resume_version',
  'cover_letter_version',
  'notes',
  'priority',
  'excitement',
  'applied_on',
  'stage',
  'furthest_stage',
  'outcome',
  'closed_on',
  'last_response_on',
  'last_activity_on',
  'created_at',
  'updated_at',
] as const;

export type SummaryRow = Pick<Selectable<ApplicationTable>, (typeof SUMMARY_COLUMNS)[number]> & {
  job_description?: string | null;
};

export function toApplication(row: SummaryRow, tags: string[]): Application {
  return {
    id: row.id,
    company: row.company,
    role: row.role,
    jobUrl: row.job_url,
    location: row.location,
    workMode: row.work_mode as Application['workMode'],
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    jobDescription: row.job_description ?? null,
    channel: row.channel as Application['channel'],
    kind: row.kind as Application['kind'],
    resumeVersion: row.resume_version,
    coverLetterVersion: row.cover_letter_version,
    tags,
    notes: row.notes,
    priority: row.priority,
    excitement: row.excitement,
    appliedOn: row.applied_on,
    stage: row.stage as Application['stage'],
    furthestStage: row.furthest_stage as Application['furthestStage'],
    outcome: row.outcome as Application['outcome'],
    closedOn: row.closed_on,
    lastResponseOn: row.last_response_on,
    lastActivityOn: row.last_activity_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fieldsToRow(fields: Partial<ApplicationFields>): Partial<ApplicationTable> {
  const row: Partial<ApplicationTable> = {};
  if (fields.company !== undefined) row.company = fields.company;
  if (fields.role !== undefined) row.role = fields.role;
  if (fields.jobUrl !== undefined) row.job_url = fields.jobUrl;
  if (fields.location !== undefined) row.location = fields.location;
  if (fields.workMode !== undefined) row.work_mode = fields.workMode;
  if (fields.salaryMin !== undefined) row.salary_min = fields.salaryMin;
  if (fields.salaryMax !== undefined) row.salary_max = fields.salaryMax;
  if (fields.salaryCurrency !== undefined) row.salary_currency = fields.salaryCurrency;
  if (fields.jobDescription !== undefined) row.job_description = fields.jobDescription;
  if (fields.channel !== undefined) row.channel = fields.channel;
  if (fields.kind !== undefined) row.kind = fields.kind;
  if (fields.resumeVersion !== undefined) row.resume_version = fields.resumeVersion;
  if (fields.coverLetterVersion !== undefined) row.cover_letter_version = fields.coverLetterVersion;
  if (fields.notes !== undefined) row.notes = fields.notes;
  if (fields.priority !== undefined) row.priority = fields.priority;
  if (fields.excitement !== undefined) row.excitement = fields.excitement;
  if (fields.appliedOn !== undefined) row.applied_on = fields.appliedOn;
  return row;
}

function derivedToRow(state: DerivedState): Partial<ApplicationTable> {
  return {
    stage: state.stage,
    furthest_stage: state.furthestStage,
    outcome: state.outcome,
    closed_on: state.closedOn,
    last_response_on: state.lastResponseOn,
    last_activity_on: state.lastActivityOn,
  };
}

/** Every column of `applications`, in the order `applicationValues` returns them. */
export const ALL_COLUMNS = [...SUMMARY_COLUMNS, 'workspace_id', 'job_description', 'source_key'] as const;

/**
 * The values of a new application's row, by position in ALL_COLUMNS (tags live in their own
 * table). Positional so bulk inserts of thousands of rows build no intermediate objects.
 */
export function applicationValues(
  app: Application,
  workspaceId: string,
  sourceKey: string | null,
): unknown[] {
  return [
    app.id,
    app.company,
    app.role,
    app.jobUrl,
    app.location,
    app.workMode,
    app.salaryMin,
    app.salaryMax,
    app.salaryCurrency,
    app.channel,
    app.kind,
    app.resumeVersion,
    app.coverLetterVersion,
    app.notes,
    app.priority,
    app.excitement,
    app.appliedOn,
    app.stage,
    app.furthestStage,
    app.outcome,
    app.closedOn,
    app.lastResponseOn,
    app.lastActivityOn,
    app.createdAt,
    app.updatedAt,
    workspaceId,
    app.jobDescription,
    sourceKey,
  ];
}

export async function insertApplication(
  db: Db,
  workspaceId: string,
  app: Application,
  sourceKey: string | null = null,
): Promise<void> {
  const values = applicationValues(app, workspaceId, sourceKey);
  const row = Object.fromEntries(ALL_COLUMNS.map((column, i) => [column, values[i]]));
  await db
    .insertInto('applications')
    .values(row as unknown as ApplicationTable)
    .execute();
  await replaceTags(db, workspaceId, app.id, app.tags);
  await insertSearchDocuments(db, workspaceId, [app]);
}

export async function updateApplicationFields(
  db: Db,
  workspaceId: string,
  id: string,
  fields: Partial<ApplicationFields>,
  updatedAt: string,
): Promise<void> {
  const { tags, ...rest } = fields;
  await db
    .updateTable('applications')
    .set({ ...fieldsToRow(rest), updated_at: updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  if (tags !== undefined) await replaceTags(db, workspaceId, id, tags);
}

export async function updateDerivedState(
  db: Db,
  workspaceId: string,
  id: string,
  state: DerivedState,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ ...derivedToRow(state), updated_at: updatedAt })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

async function replaceTags(db: Db, workspaceId: string, id: string, tags: string[]): Promise<void> {
  await db.deleteFrom('application_tags').where('application_id', '=', id).execute();
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db
    .insertInto('application_tags')
    .values(unique.map((tag) => ({ workspace_id: workspaceId, application_id: id, tag })))
    .execute();
}

async function tagsFor(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('application_tags')
    .select(['application_id', 'tag'])
    .where('application_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of rows) {
    const list = map.get(r.application_id) ?? [];
    list.push(r.tag);
    map.set(r.application_id, list);
  }
  return map;
}

export async function findApplication(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Application | undefined> {
  const row = await db
    .selectFrom('applications')
    .select([...SUMMARY_COLUMNS, 'job_description'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const tags = await tagsFor(db, [id]);
  return toApplication(row, tags.get(id) ?? []);
}

export async function findApplicationIdBySourceKey(
  db: Db,
  workspaceId: string,
  sourceKey: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  return row?.id;
}

const SORT_COLUMNS = {
  updated: 'updated_at',
  applied: 'applied_on',
  company: 'company',
  priority: 'priority',
  stage: 'stage',
} as const;

/** One page of applications (without job descriptions) and the total that match. */
export async function listApplications(
  db: Db,
  workspaceId: string,
  filter: ApplicationFilter,
): Promise<{ items: Application[]; total: number }> {
  let query = db.selectFrom('applications').where('workspace_id', '=', workspaceId);
  if (filter.status === 'open') query = query.where('outcome', 'is', null);
  if (filter.status === 'closed') query = query.where('outcome', 'is not', null);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('application_tags')
          .select('application_tags.tag')
          .whereRef('application_tags.application_id', '=', 'applications.id')
          .where('application_tags.tag', '=', tag),
      ),
    );
  }
  const search = filter.q ? searchCondition(db, workspaceId, filter.q) : undefined;
  if (search) query = query.where(search);
  const sortColumn = SORT_COLUMNS[filter.sort ?? 'updated'];
  const order = filter.order ?? (filter.sort === 'company' ? 'asc' : 'desc');
  const [rows, count] = await Promise.all([
    query
      .select([...SUMMARY_COLUMNS])
      .orderBy(sortColumn, order)
      .orderBy('id', order)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const tags = await tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toApplication(r, tags.get(r.id) ?? [])),
    total: Number(count.n),
  };
}

export async function deleteApplication(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('applications')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  await deleteSearchDocuments(db, workspaceId, [id]);
  return Number(result.numDeletedRows) > 0;
}
