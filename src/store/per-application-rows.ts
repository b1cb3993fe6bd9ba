import type { Kysely, Selectable } from 'kysely';
import { executeCached } from './compiled-queries.ts';
import type { Database } from './schema.ts';

/** Tables of rows that belong to one application, read for a whole workspace by Today and insights. */
type PerApplicationTable = 'feedback_requests' | 'referral_asks' | 'post_mortem_items';
type Row = { workspace_id: string; application_id: string } & Record<string, unknown>;

/**
 * A workspace's rows of `table` in `order`, or only one application's. The workspace-wide read is
 * hot (Today, insights), so it is compiled once; the per-application read is not.
 */
export async function listPerApplicationRows<T extends PerApplicationTable>(
  db: Kysely<Database>,
  table: T,
  order: readonly [string, string],
  workspaceId: string,
  applicationId?: string,
): Promise<Selectable<Database[T]>[]> {
  // The three tables share these columns; Kysely cannot check a table chosen at run time.
  const loose = db as unknown as Kysely<Record<string, Row>>;
  const build = (ws: string, app?: string) => {
    let query = loose
      .selectFrom(table as string)
      .selectAll()
      .where('workspace_id', '=', ws);
    if (app !== undefined) query = query.where('application_id', '=', app);
    return query.orderBy(order[0]).orderBy(order[1]);
  };
  const rows =
    applicationId === undefined
      ? await executeCached(db, `listPerApplicationRows|${table}`, [workspaceId], ([ws]) => build(ws!))
      : await build(workspaceId, applicationId).execute();
  return rows as unknown as Selectable<Database[T]>[];
}
