/**
 * The hosted bench's data (issue 13): one realistic workspace written through the normal store
 * (summaries, search documents and revisions as the app writes them), then cloned server-side for
 * the other users with one INSERT … SELECT per table, rewriting `id` and `*_id` columns with the
 * user's number so references stay consistent; and a coach whom the first seekers share with.
 */
import pg from 'pg';
import { SHARE_SCOPES } from '../src/core/accounts/scopes.ts';
import { createToken, signUp } from '../src/services/accounts/accounts.ts';
import { fixedClock, type ServiceContext } from '../src/services/context.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { findUserByEmail, type UserRow } from '../src/store/accounts-repository.ts';
import type { Store } from '../src/store/connect.ts';
import { upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { PG_URL } from './postgres.ts';
import { NOW, scheduledWork, TODAY } from './scale-setup.ts';

// The same day as the scale bench's data.
export { NOW, TODAY };

const APPS_PER_USER = 100;
const PASSWORD = 'bench-password-1234';

// Tables whose rows belong to one account's sign-in, not to the job search: never cloned
// (their secrets are unique per row and a clone would collide or mean nothing).
const NOT_CLONED = new Set([
  'users',
  'sessions',
  'access_tokens',
  'invitations',
  'password_resets',
  'shares',
  'share_views',
  'reminders_sent',
  'auth_attempts',
]);

export const n = (v: number) => v.toLocaleString('en-US');
export const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const suffix = (col: string) => `${col} || '_u' || g`;

/** A client whose search_path is the bench schema. */
async function schemaClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`set search_path to "${schema}"`);
  return client;
}

export interface Template {
  user: UserRow;
  tables: Array<{ name: string; columns: string[] }>;
}

/** One realistic workspace, written the way the app writes it. */
export async function seedTemplate(store: Store, schema: string): Promise<Template> {
  const accounts = { db: store.db, clock: fixedClock(NOW) };
  // The first account on an empty server is the admin; the template is an ordinary seeker.
  const created = await signUp(accounts, {
    email: 'seeker0@bench.test',
    password: PASSWORD,
    name: 'Seeker 0',
  });
  await store.db.updateTable('users').set({ role: 'seeker' }).where('id', '=', created.id).execute();
  const user = (await findUserByEmail(store.db, created.email))!;
  const ctx: ServiceContext = {
    db: store.db,
    workspaceId: user.workspace_id,
    clock: fixedClock(NOW),
    timeZone: 'UTC',
  };
  const data = generateWorkspace({
    count: APPS_PER_USER,
    today: TODAY,
    now: NOW.toISOString(),
    notesPerApp: 3,
    seed: 13,
  });
  await insertGenerated(ctx, data);
  // Scheduled work in proportion (a fifth of the applications), as the scale bench seeds it.
  const items = scheduledWork(APPS_PER_USER / 5, { span: 40, back: 10 }, (i) => data.applications[i * 5]!.id);
  await store.db.transaction().execute((trx) => upsertScheduledItems(trx, ctx.workspaceId, items));

  const client = await schemaClient(schema);
  try {
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(
      `select table_name, array_agg(column_name::text order by ordinal_position) as columns
         from information_schema.columns where table_schema = $1 group by table_name`,
      [schema],
    );
    const tables = rows
      .filter((r) => r.columns.includes('workspace_id') && !NOT_CLONED.has(r.table_name))
      .map((r) => ({ name: r.table_name, columns: r.columns }));
    return { user, tables };
  } finally {
    await client.end();
  }
}

/**
 * Users `from`..`to` (inclusive) as copies of the template: one INSERT … SELECT per table over
 * generate_series. Foreign keys are not checked while copying (every reference is rewritten the
 * same way, so they hold), which keeps it a bulk write.
 */
export async function cloneUsers(
  schema: string,
  template: Template,
  from: number,
  to: number,
): Promise<Map<string, number>> {
  const client = await schemaClient(schema);
  const counts = new Map<string, number>();
  const w0 = template.user.workspace_id;
  let indexes: Array<{ name: string; def: string }> = [];
  try {
    await client.query('set session_replication_role = replica');
    await client.query("set maintenance_work_mem = '256MB'");
    await client.query('set synchronous_commit = off');
    // Secondary indexes are built once afterwards (a sorted bulk build) rather than grown row by
    // row through millions of inserts; primary keys and unique constraints stay and keep checking.
    ({ rows: indexes } = await client.query<{ name: string; def: string }>(
      `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
         join pg_namespace ns on ns.oid = t.relnamespace
        where ns.nspname = $1 and t.relname = any($2)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [schema, template.tables.map((t) => t.name)],
    ));
    for (const index of indexes) await client.query(`drop index "${schema}"."${index.name}"`);
    const ws = await client.query(
      `insert into workspaces (id, name, created_at)
         select ${suffix('id')}, 'Seeker ' || g || '''s job search', created_at
           from workspaces cross join generate_series($2::int, $3::int) g where id = $1`,
      [w0, from, to],
    );
    counts.set('workspaces', ws.rowCount ?? 0);
    const us = await client.query(
      `insert into users (id, workspace_id, email, name, password_hash, role, calendar_secret, created_at, password_changed_at)
         select ${suffix('id')}, ${suffix('workspace_id')}, 'seeker' || g || '@bench.test', 'Seeker ' || g,
                password_hash, role, ${suffix('calendar_secret')}, created_at, password_changed_at
           from users cross join generate_series($2::int, $3::int) g where id = $1`,
      [template.user.id, from, to],
    );
    counts.set('users', us.rowCount ?? 0);
    for (const table of template.tables) {
      const cols = table.columns.map((c) => `"${c}"`).join(', ');
      const exprs = table.columns
        .map((c) => (c === 'id' || c.endsWith('_id') ? suffix(`"${c}"`) : `"${c}"`))
        .join(', ');
      const started = performance.now();
      const res = await client.query(
        `insert into "${table.name}" (${cols})
           select ${exprs} from "${table.name}" cross join generate_series($2::int, $3::int) g where workspace_id = $1`,
        [w0, from, to],
      );
      counts.set(table.name, res.rowCount ?? 0);
      if (process.env.BENCH_HOSTED_VERBOSE === '1')
        process.stderr.write(
          `    ${table.name}: ${res.rowCount} rows in ${ms(performance.now() - started)}\n`,
        );
    }
  } finally {
    const started = performance.now();
    for (const index of indexes) await client.query(index.def);
    if (process.env.BENCH_HOSTED_VERBOSE === '1')
      process.stderr.write(
        `    ${indexes.length} secondary indexes rebuilt in ${ms(performance.now() - started)}\n`,
      );
    await client.end();
  }
  return counts;
}

/** A coach with `count` seekers sharing every scope with them, and a token. */
export interface Coach {
  token: string;
  email: string;
  /** How many seekers share with the coach, and one of their workspaces. */
  seekers: number;
  sharedWorkspace: string;
}

export async function makeCoach(store: Store, count: number): Promise<Coach> {
  const accounts = { db: store.db, clock: fixedClock(NOW) };
  const email = 'coach@bench.test';
  const previous = process.env.REBOUND_OPEN_SIGNUP;
  process.env.REBOUND_OPEN_SIGNUP = '1';
  try {
    await signUp(accounts, { email, password: PASSWORD, name: 'Coach' });
  } finally {
    if (previous === undefined) delete process.env.REBOUND_OPEN_SIGNUP;
    else process.env.REBOUND_OPEN_SIGNUP = previous;
  }
  await store.db.updateTable('users').set({ role: 'coach' }).where('email', '=', email).execute();
  const coach = (await findUserByEmail(store.db, email))!;
  const seekers = await store.db
    .selectFrom('users')
    .select(['id', 'workspace_id'])
    .where('role', '=', 'seeker')
    .orderBy('created_at')
    .orderBy('id')
    .limit(count)
    .execute();
  await store.db
    .insertInto('shares')
    .values(
      seekers.map((s, i) => ({
        id: `bench-share-${i}`,
        workspace_id: s.workspace_id,
        owner_id: s.id,
        coach_email: email,
        scopes: JSON.stringify(SHARE_SCOPES),
        ends_on: null,
        created_at: NOW.toISOString(),
        revoked_at: null,
      })),
    )
    .execute();
  const token = (await createToken(accounts, { user: coach, via: 'session' }, 'bench')).token;
  return { token, email, seekers: seekers.length, sharedWorkspace: seekers[0]!.workspace_id };
}
