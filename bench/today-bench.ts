/**
 * Today on a large workspace: 10,000 applications, 2,000 rejections, 5,000 contacts and 20,000
 * scheduled items in SQLite. The Today service (read, build, sort) beside the raw SQL that reads
 * the same due rows, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { addDays } from '../src/core/dates.ts';
import { fixedClock } from '../src/services/context.ts';
import { insertGenerated } from '../src/services/sample-data.ts';
import { generateWorkspace } from '../src/services/sample-workspace.ts';
import { getToday, QUIET_SHOWN } from '../src/services/today/today.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { openStore } from '../src/store/connect.ts';
import { insertContacts } from '../src/store/contacts-repository.ts';
import { insertRejections, type Rejection } from '../src/store/recovery-repository.ts';
import { type ScheduledItem, upsertScheduledItems } from '../src/store/schedule-repository.ts';
import { type BenchRow, percentile, printRows, timeRuns } from './report.ts';

const NOW = new Date('2026-11-10T10:00:00Z');
const TODAY = '2026-11-10';
const KINDS = [
  'feedback_send',
  'feedback_chase',
  'post_mortem',
  'action_item',
  'contact_touch',
  'cool_off_end',
] as const;

/** The bench's workspace, seeded; `cleanup` closes the store and removes its folder. */
export async function seedTodayWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-today-bench-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ctx = { ...(await openWorkspace(store, { clock: fixedClock(NOW) })), timeZone: 'Europe/Berlin' };
    const data = generateWorkspace({ count: 10_000, today: TODAY, now: NOW.toISOString(), notesPerApp: 0 });
    await insertGenerated(ctx, data);
    const rejectedApps = data.applications.filter((a) => a.outcome === 'rejected').slice(0, 2_000);
    const iso = NOW.toISOString();
    await store.db.transaction().execute(async (trx) => {
      await insertRejections(
        trx,
        ctx.workspaceId,
        rejectedApps.map(
          (a, i): Rejection => ({
            id: `rj${i}`,
            applicationId: a.id,
            stageReached: a.furthestStage,
            channel: 'email',
            rejectedAt: `${a.closedOn}T12:00:00.000Z`,
            reasonGiven: null,
            reasonTags: [],
            coolOffHours: 48,
            coolOffEndsAt: `${addDays(a.closedOn!, 2)}T12:00:00.000Z`,
            reopenedAt: null,
            createdAt: iso,
            updatedAt: iso,
          }),
        ),
      );
      await insertContacts(
        trx,
        ctx.workspaceId,
        Array.from({ length: 5_000 }, (_, i) => ({
          id: `c${i}`,
          name: `Contact ${i}`,
          company: null,
          role: null,
          email: `c${i}@example.com`,
          linkedinUrl: null,
          phone: null,
          howMet: null,
          notes: null,
          createdAt: iso,
          updatedAt: iso,
        })),
      );
      const items: ScheduledItem[] = Array.from({ length: 20_000 }, (_, i) => {
        const kind = KINDS[i % KINDS.length]!;
        // Pending work is mostly ahead: a few weeks of overdue items, the rest spread over a year.
        const day = addDays(TODAY, (i % 400) - 20);
        const timed = kind !== 'action_item';
        return {
          id: `${kind}:${i}`,
          kind,
          refId: kind === 'contact_touch' ? `c${i % 5_000}` : `ref${i}`,
          title: `Item ${i}`,
          dueAt: timed ? `${day}T09:00:00.000Z` : day,
          ...(kind === 'contact_touch' ? { contactId: `c${i % 5_000}` } : {}),
        };
      });
      await upsertScheduledItems(trx, ctx.workspaceId, items);
    });

    return { store, ctx, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function benchToday(): Promise<BenchRow[]> {
  const { store, ctx, cleanup } = await seedTodayWorkspace();
  try {
    const before = addDays(TODAY, 9);
    const silentSince = addDays(TODAY, -21);
    // The same statements the service sends (columns, join, order, limit), run as raw SQL.
    const floor = async () => {
      await sql`select id, kind, ref_id, title, detail, due_at, starts_at, ends_at, application_id, contact_id, nudge
        from scheduled_items where workspace_id = ${ctx.workspaceId} and due_at < ${before} order by due_at, title`.execute(
        store.db,
      );
      await sql`select r.id, r.application_id, r.number, r.kind, r.scheduled_at, r.who, a.company, a.role
        from interview_rounds as r inner join applications as a on a.workspace_id = r.workspace_id and a.id = r.application_id
        where r.workspace_id = ${ctx.workspaceId} and r.scheduled_at >= ${addDays(TODAY, -1)} and r.scheduled_at < ${before}
        and a.outcome is null order by r.scheduled_at, r.kind, r.number, a.role, a.company`.execute(store.db);
      await sql`select id, company, role,
        case when (last_response_on is not null and (applied_on is null or last_response_on > applied_on)) then last_response_on else applied_on end as silent_since,
        count(*) over() as total
        from applications where workspace_id = ${ctx.workspaceId} and outcome is null and stage in ('applied', 'screening', 'interviewing')
        and (last_response_on is null or last_response_on <= ${silentSince}) and (applied_on is null or applied_on <= ${silentSince})
        and (applied_on is not null or last_response_on is not null)
        order by silent_since, id limit ${QUIET_SHOWN} offset ${0}`.execute(store.db);
    };
    const runs = 30;
    // Alternate run by run (taking turns at going first) so both see the same cache state and
    // the same load from anything else on the machine.
    const service: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      const pair = [
        async () => service.push(...(await timeRuns(() => getToday(ctx), 1, i === 0 ? 3 : 0))),
        async () => raw.push(...(await timeRuns(floor, 1, i === 0 ? 3 : 0))),
      ];
      if (i % 2 === 1) pair.reverse();
      for (const run of pair) await run();
    }
    const view = await getToday(ctx);
    const p50 = percentile(service, 50);
    const f50 = percentile(raw, 50);
    const shown = view.overdue.length + view.today.length + view.upcoming.length + view.held.length;
    return [
      {
        name: `GET Today service (10k apps, 2k rejections, 5k contacts, 20k scheduled; ${shown} items shown, ${view.quiet.shown} of ${view.quiet.total} quiet applications; p50 of ${runs})`,
        figure: `${p50.toFixed(1)} ms p50 (p90 ${percentile(service, 90).toFixed(1)} ms)`,
        floor: `raw SQL for the same due rows: ${f50.toFixed(1)} ms p50`,
        ratio: `${(p50 / f50).toFixed(2)}× floor`,
        goal: '≤ 1.5× floor and < 50 ms',
      },
    ];
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRows('Today (issue 3)', await benchToday());
}
