import type { Kysely } from 'kysely';
import type { ApplicationEvent, ApplicationKind, Channel } from '../core/applications/application.ts';
import type { InsightApplication } from '../core/insights/index.ts';
import type { Database } from './schema.ts';

/** What insights, wins and reviews read about the applications: few columns, full histories. */

type Db = Kysely<Database>;

export interface LoadedApplication extends InsightApplication {
  company: string;
}

/**
 * The workspace's change counter: triggers bump it on every write to applications, their tags or
 * their events (see migration 2026_11_22_1100_insights), so a cache keyed on it is never stale.
 */
export async function readRevision(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspace_revisions')
    .select('revision')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row ? Number(row.revision) : 0;
}

// Notes and replies carry free text that insights never read; skipping their JSON saves most of
// the parsing on a long history.
const UNREAD_DATA = new Set(['note', 'response']);

/**
 * Every application with its events, in three queries (applications, tags, events) grouped in
 * memory; events come sorted by application and recording order.
 */
export async function loadInsightApplications(db: Db, workspaceId: string): Promise<LoadedApplication[]> {
  const [apps, tags, events] = await Promise.all([
    db
      .selectFrom('applications')
      .select(['id', 'company', 'role', 'channel', 'kind', 'applied_on'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('application_tags')
      .select(['application_id', 'tag'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('application_events')
      .select(['id', 'application_id', 'seq', 'type', 'occurred_on', 'data'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('application_id')
      .orderBy('seq')
      .execute(),
  ]);
  const byId = new Map<string, LoadedApplication & { events: ApplicationEvent[]; tags: string[] }>();
  for (const a of apps) {
    byId.set(a.id, {
      id: a.id,
      company: a.company,
      role: a.role,
      channel: a.channel as Channel,
      kind: a.kind as ApplicationKind,
      appliedOn: a.applied_on,
      tags: [],
      events: [],
    });
  }
  for (const t of tags) byId.get(t.application_id)?.tags.push(t.tag);
  for (const e of events) {
    byId.get(e.application_id)?.events.push({
      id: e.id,
      applicationId: e.application_id,
      seq: Number(e.seq),
      type: e.type,
      occurredOn: e.occurred_on,
      recordedAt: '',
      data: UNREAD_DATA.has(e.type) ? {} : JSON.parse(e.data),
    } as ApplicationEvent);
  }
  return [...byId.values()];
}
