import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestClock } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { CHANNELS, OUTCOMES, ROUND_KINDS, STAGES } from '../core/applications/application.ts';
import { ReboundError } from '../core/errors.ts';
import { summarizeApplication } from '../core/insights/index.ts';
import { addRound } from '../services/application-rounds.ts';
import {
  addEvent,
  createApplication,
  deleteApplication,
  updateApplication,
} from '../services/applications.ts';
import { exportBackup, importBackup } from '../services/backup.ts';
import { fixedClock, newId, type ServiceContext } from '../services/context.ts';
import { commitSpreadsheetImport } from '../services/imports/spreadsheet-import.ts';
import { rebuildSummaries } from '../services/summaries.ts';
import type { Store } from './connect.ts';
import { readTallies } from './insight-tallies-repository.ts';
import { loadInsightApplications, loadInsightSummaries } from './insights-repository.ts';
import { readSummaries } from './summaries-repository.ts';
import { ensureWorkspace } from './workspace-repository.ts';

/**
 * The stored summaries are kept incrementally, one write at a time; rebuilding them from the
 * events must give exactly the same rows, whatever happened in between. fast-check draws random
 * histories of creates, moves (back and forth), outcomes, reopenings, undos, rounds, replies,
 * deletions, edits of the channel and applied date, spreadsheet imports and backup restores;
 * refused steps (moving a closed card, undoing nothing) are part of the draw and must leave
 * nothing half written. The running insight tallies kept alongside must equal a recount too.
 */

const pick = fc.nat({ max: 7 });
const op = fc.oneof(
  fc.record({ t: fc.constant('create' as const), stage: fc.constantFrom(...STAGES) }),
  fc.record({ t: fc.constant('move' as const), i: pick, stage: fc.constantFrom(...STAGES) }),
  fc.record({ t: fc.constant('outcome' as const), i: pick, outcome: fc.constantFrom(...OUTCOMES) }),
  fc.record({ t: fc.constant('reopen' as const), i: pick }),
  fc.record({ t: fc.constant('undo' as const), i: pick }),
  fc.record({ t: fc.constant('round' as const), i: pick, kind: fc.constantFrom(...ROUND_KINDS) }),
  fc.record({ t: fc.constant('response' as const), i: pick }),
  fc.record({ t: fc.constant('delete' as const), i: pick }),
  fc.record({
    t: fc.constant('edit' as const),
    i: pick,
    channel: fc.constantFrom(...CHANNELS),
    appliedOn: fc.option(fc.integer({ min: 1, max: 9 }).map((d) => `2026-10-0${d}`)),
  }),
  fc.record({
    t: fc.constant('import' as const),
    status: fc.constantFrom('Applied', 'Interview', 'Rejected', 'Offer'),
  }),
  fc.record({ t: fc.constant('restore' as const) }),
  fc.record({ t: fc.constant('later' as const), days: fc.integer({ min: 1, max: 9 }) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function ids(ctx: ServiceContext): Promise<string[]> {
  return (
    await ctx.db
      .selectFrom('applications')
      .select('id')
      .where('workspace_id', '=', ctx.workspaceId)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
}

async function apply(ctx: ServiceContext, clock: TestClock, step: Op, n: number): Promise<void> {
  const all = await ids(ctx);
  const target = 'i' in step ? all[step.i % Math.max(1, all.length)] : undefined;
  switch (step.t) {
    case 'create':
      await createApplication(ctx, { company: `Co ${n}`, role: 'Engineer', stage: step.stage, tags: ['x'] });
      return;
    case 'import':
      await commitSpreadsheetImport(
        ctx,
        new TextEncoder().encode(
          `Company,Job Title,Date Applied,Status\nImported ${n},Analyst,2026-10-0${1 + (n % 9)},${step.status}\n`,
        ),
        'tracker.csv',
      );
      return;
    case 'restore':
      await importBackup(ctx, await exportBackup(ctx), { replace: true });
      return;
    case 'later':
      clock.advanceDays(step.days);
      return;
  }
  if (target === undefined) return;
  switch (step.t) {
    case 'move':
      await addEvent(ctx, target, { type: 'stage_changed', stage: step.stage });
      return;
    case 'outcome':
      await addEvent(ctx, target, { type: 'outcome_set', outcome: step.outcome });
      return;
    case 'reopen':
      await addEvent(ctx, target, { type: 'reopened' });
      return;
    case 'undo':
      await addEvent(ctx, target, { type: 'undo' });
      return;
    case 'round':
      await addRound(ctx, target, { kind: step.kind });
      return;
    case 'response':
      await addEvent(ctx, target, { type: 'response', summary: 'They wrote back' });
      return;
    case 'delete':
      await deleteApplication(ctx, target);
      return;
    case 'edit':
      await updateApplication(ctx, target, { channel: step.channel, appliedOn: step.appliedOn });
      return;
  }
}

for (const database of databases) {
  describe(`application summaries on ${database.name}`, () => {
    let store: Store;
    let base: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx: base } = await openTestContext(database, new Date('2026-11-10T10:00:00Z')));
    });
    afterAll(async () => {
      await store.close();
    });

    it('kept one write at a time, they equal a rebuild from the events after any history', async () => {
      let refused = 0;
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
          const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));
          const ctx: ServiceContext = { ...base, clock, workspaceId: newId() };
          await ensureWorkspace(ctx.db, ctx.workspaceId, 'property', clock.now().toISOString());
          for (const [n, step] of ops.entries()) {
            steps++;
            try {
              await apply(ctx, clock, step, n);
            } catch (error) {
              if (!(error instanceof ReboundError)) throw error;
              refused++;
            }
          }
          const incremental = await readSummaries(ctx.db, ctx.workspaceId);
          const tallies = await readTallies(ctx.db, ctx.workspaceId);
          // Every round says whether its application is open: no outcome, not accepted (Today counts by it).
          const rounds = await ctx.db
            .selectFrom('interview_rounds as r')
            .innerJoin('applications as a', 'a.id', 'r.application_id')
            .select(['r.application_open', 'a.outcome', 'a.stage'])
            .where('r.workspace_id', '=', ctx.workspaceId)
            .execute();
          for (const r of rounds)
            expect(Number(r.application_open)).toBe(r.outcome === null && r.stage !== 'accepted' ? 1 : 0);
          // What insights read from the stored rows equals folding every history again.
          expect(await loadInsightSummaries(ctx.db, ctx.workspaceId)).toEqual(
            (await loadInsightApplications(ctx.db, ctx.workspaceId)).map(summarizeApplication),
          );
          const report = await rebuildSummaries(ctx);
          expect(report).toEqual({ applications: incremental.size, corrected: 0 });
          expect(await readSummaries(ctx.db, ctx.workspaceId)).toEqual(incremental);
          // The rebuild recounted the tallies from the applications: the running ones matched.
          expect(await readTallies(ctx.db, ctx.workspaceId)).toEqual(tallies);
          expect(tallies.filter((t) => t.metric === 'count').reduce((sum, t) => sum + t.n, 0)).toBe(
            incremental.size,
          );
        }),
        { numRuns: 12, seed: 20261127 },
      );
      // The draw exercised both written and refused steps.
      expect(steps - refused).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });

    it('concurrent writes to different applications of one workspace keep the tallies right', async () => {
      const ctx: ServiceContext = { ...base, workspaceId: newId() };
      await ensureWorkspace(ctx.db, ctx.workspaceId, 'concurrent', ctx.clock.now().toISOString());
      const apps = [];
      for (let i = 0; i < 8; i++)
        apps.push(await createApplication(ctx, { company: `Co ${i}`, role: 'Engineer', stage: 'applied' }));
      // Each one moves, gets an answer and changes channel at once, while two are deleted.
      await Promise.all([
        ...apps
          .slice(2)
          .flatMap((a, i) => [
            addEvent(ctx, a.id, { type: 'stage_changed', stage: i % 2 === 0 ? 'interviewing' : 'screening' }),
            updateApplication(ctx, a.id, { channel: CHANNELS[i % CHANNELS.length]! }),
          ]),
        deleteApplication(ctx, apps[0]!.id),
        deleteApplication(ctx, apps[1]!.id),
      ]);
      const running = await readTallies(ctx.db, ctx.workspaceId);
      await rebuildSummaries(ctx);
      expect(await readTallies(ctx.db, ctx.workspaceId)).toEqual(running);
      expect(running.filter((t) => t.metric === 'count').reduce((sum, t) => sum + t.n, 0)).toBe(6);
    });

    it('rebuild repairs a summary that drifted', async () => {
      const ctx = base;
      const app = await createApplication(ctx, { company: 'Drift', role: 'Engineer', stage: 'applied' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'interviewing' });
      const right = (await readSummaries(ctx.db, ctx.workspaceId)).get(app.id);
      expect(right).toMatchObject({ furthestStage: 'interviewing', eventCount: 2 });
      // A hand edit of the database: the summary row says less than the history.
      await ctx.db
        .updateTable('application_summaries')
        .set({ event_count: 0, interviewing_on: null })
        .execute();
      await ctx.db
        .updateTable('applications')
        .set({ furthest_stage: 'applied' })
        .where('id', '=', app.id)
        .execute();
      expect(await rebuildSummaries(ctx)).toMatchObject({ corrected: 1 });
      expect((await readSummaries(ctx.db, ctx.workspaceId)).get(app.id)).toEqual(right);
    });
  });
}
