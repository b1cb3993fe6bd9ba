import { type ExpressionBuilder, type Kysely, type SqlBool, SqliteAdapter, sql } from 'kysely';
import type { ApplicationEvent } from '../core/applications/application.ts';
import { currentNotes } from '../core/applications/history.ts';
import {
  containsPattern,
  parseSearch,
  type SearchableApplication,
  searchDocument,
} from '../core/applications/search.ts';
import { insertRowsBulk } from './events-repository.ts';
import type { Database } from './schema.ts';

/**
 * The full-text index over applications (table `application_search`): one document per
 * application, written by the repositories in the same transaction as the application, its notes
 * or its linked contacts change. SQLite keeps it in an FTS5 table, PostgreSQL in a table with a
 * GIN index on `to_tsvector('simple', body)`. No triggers: bulk imports write documents in
 * chunks beside the rows they describe, so their cost stays linear.
 */

type Db = Kysely<Database>;

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;

const CHUNK = 500;

/** Writes the documents of new applications (nothing to delete first). */
export async function insertSearchDocuments(
  db: Db,
  workspaceId: string,
  apps: ReadonlyArray<SearchedFields>,
): Promise<void> {
  await insertRowsBulk(
    db,
    'application_search',
    SEARCH_COLUMNS,
    apps.map((a) => searchDocumentValues(workspaceId, a)),
    CHUNK,
  );
}

type SearchedFields = Pick<
  SearchableApplication,
  'company' | 'role' | 'location' | 'notes' | 'jobDescription'
> & { id: string };

export const SEARCH_COLUMNS = ['application_id', 'workspace_id', 'body'] as const;

/** A new application's search document row, by position in SEARCH_COLUMNS. */
export function searchDocumentValues(workspaceId: string, a: SearchedFields): unknown[] {
  return [a.id, workspaceId, searchDocumentOf(a)];
}

const NONE: string[] = [];

/** The search document of a new application (no timeline notes or contacts yet). */
export function searchDocumentOf(a: SearchedFields): string {
  return searchDocument({
    company: a.company,
    role: a.role,
    location: a.location,
    notes: a.notes,
    jobDescription: a.jobDescription,
    noteTexts: NONE,
    contactNames: NONE,
  });
}

export async function deleteSearchDocuments(
  db: Db,
  workspaceId: string,
  ids?: readonly string[],
): Promise<void> {
  if (ids === undefined) {
    await db.deleteFrom('application_search').where('workspace_id', '=', workspaceId).execute();
    return;
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .deleteFrom('application_search')
      .where('workspace_id', '=', workspaceId)
      .where('application_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * Rebuilds the documents of these applications from what is stored now: their fields, their
 * timeline notes (as edited) and the names of their linked contacts. All of the workspace's
 * applications when `ids` is left out (after a restore).
 */
export async function refreshSearchDocuments(
  db: Db,
  workspaceId: string,
  ids?: readonly string[],
): Promise<void> {
  const all =
    ids ??
    (await db.selectFrom('applications').select('id').where('workspace_id', '=', workspaceId).execute()).map(
      (r) => r.id,
    );
  for (let i = 0; i < all.length; i += CHUNK) {
    const slice = all.slice(i, i + CHUNK);
    const [apps, notes, people] = await Promise.all([
      db
        .selectFrom('applications')
        .select(['id', 'company', 'role', 'location', 'notes', 'job_description'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', slice)
        .execute(),
      db
        .selectFrom('application_events')
        .select(['id', 'application_id', 'seq', 'type', 'data'])
        .where('workspace_id', '=', workspaceId)
        .where('application_id', 'in', slice)
        .where('type', 'in', ['note', 'note_edited', 'note_deleted'])
        .execute(),
      db
        .selectFrom('contact_links')
        .innerJoin('contacts', 'contacts.id', 'contact_links.contact_id')
        .select(['contact_links.application_id', 'contacts.name'])
        .where('contact_links.workspace_id', '=', workspaceId)
        .where('contact_links.application_id', 'in', slice)
        .execute(),
    ]);
    const notesByApp = new Map<string, ApplicationEvent[]>();
    for (const n of notes) {
      const list = notesByApp.get(n.application_id) ?? [];
      list.push({
        id: n.id,
        applicationId: n.application_id,
        seq: Number(n.seq),
        type: n.type,
        data: JSON.parse(n.data),
      } as ApplicationEvent);
      notesByApp.set(n.application_id, list);
    }
    const namesByApp = new Map<string, string[]>();
    for (const p of people)
      namesByApp.set(p.application_id, [...(namesByApp.get(p.application_id) ?? []), p.name]);
    await deleteSearchDocuments(db, workspaceId, slice);
    await insertRowsBulk(
      db,
      'application_search',
      ['application_id', 'workspace_id', 'body'],
      apps.map((a) => [
        a.id,
        workspaceId,
        searchDocument({
          company: a.company,
          role: a.role,
          location: a.location,
          notes: a.notes,
          jobDescription: a.job_description,
          noteTexts: [...currentNotes(notesByApp.get(a.id) ?? []).values()]
            .filter((n) => !n.deleted)
            .map((n) => n.text),
          contactNames: [...new Set(namesByApp.get(a.id) ?? [])],
        }),
      ]),
      CHUNK,
    );
  }
}

/** The applications a linked contact appears on, so a renamed contact can be re-indexed. */
export async function applicationIdsForContact(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contact_links')
    .select('application_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute();
  return rows.map((r) => r.application_id);
}

/** Applications that have at least one linked contact. */
export async function linkedApplicationIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contact_links')
    .select('application_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.application_id);
}

/**
 * A condition on `applications` for a search box's text: every word starts a word of the
 * application's document (full-text index), and pieces with punctuation (`R_D`, `100%`) appear
 * in it as written. Company, role and location also match anywhere inside ("wind" finds
 * Northwind), as they always have. Undefined when the text holds nothing to search for.
 */
export function searchCondition(db: Db, workspaceId: string, text: string) {
  const { words, literals } = parseSearch(text);
  if (words.length === 0 && literals.length === 0) return undefined;
  const sqlite = isSqlite(db);
  return (eb: ExpressionBuilder<Database, 'applications'>) => {
    const inDocument = eb
      .selectFrom('application_search')
      .select('application_search.application_id')
      .where('application_search.workspace_id', '=', workspaceId)
      .$if(words.length > 0, (q) =>
        sqlite
          ? q.where(sql<SqlBool>`application_search MATCH ${words.map((w) => `"${w}"*`).join(' ')}`)
          : q.where(
              sql<SqlBool>`to_tsvector('simple', application_search.body) @@ to_tsquery('simple', ${words
                .map((w) => `${w}:*`)
                .join(' & ')})`,
            ),
      )
      .$call((q) => {
        let out = q;
        for (const literal of literals) {
          out = out.where(
            sql<SqlBool>`lower(application_search.body) LIKE ${containsPattern(literal)} ESCAPE '\\'`,
          );
        }
        return out;
      });
    const whole = containsPattern(text.trim().toLowerCase());
    const inside = (column: 'company' | 'role' | 'location') =>
      sql<SqlBool>`lower(${sql.ref(`applications.${column}`)}) LIKE ${whole} ESCAPE '\\'`;
    return eb.or([
      eb('applications.id', 'in', inDocument),
      inside('company'),
      inside('role'),
      inside('location'),
    ]);
  };
}
