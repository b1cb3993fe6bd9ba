import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { fixedClock, type ServiceContext } from '../context.ts';
import { updateSettings } from '../settings.ts';
import { deleteWriting, deleteWritingSession, getReframe, getWriting, writeSession } from './writing.ts';

const NOW = new Date('2026-11-10T09:00:00Z');

for (const database of databases) {
  describe(`writing after a no on ${database.name}`, () => {
    // One database for the file; each test writes about an application of its own, from NOW.
    const clock = fixedClock(NOW);
    let t: TestContext;
    beforeAll(async () => {
      t = await openTestContext(database, clock);
    });
    afterAll(async () => {
      await t.close();
    });
    async function withRejected(fn: (ctx: ServiceContext, appId: string, c: typeof clock) => Promise<void>) {
      clock.set(NOW);
      const app = await createTestApplication(t.ctx, { company: 'Northwind', stage: 'interviewing' });
      await addEvent(t.ctx, app.id, { type: 'outcome_set', outcome: 'rejected' });
      await fn(t.ctx, app.id, clock);
    }
    it('starts a session, adds to it the same day, and starts the next one on another day', async () => {
      await withRejected(async (ctx, appId, clock) => {
        const before = await getWriting(ctx, appId);
        expect(before).toMatchObject({
          company: 'Northwind',
          sessions: [],
          next: { number: 1, continuing: false },
        });
        const first = await writeSession(ctx, appId, { text: 'It stung.' });
        expect(first).toMatchObject({ continued: false, session: { number: 1, on: '2026-11-10' } });
        const more = await writeSession(ctx, appId, { text: 'And then I went for a walk.' });
        expect(more).toMatchObject({
          continued: true,
          session: { number: 1, text: 'It stung.\n\nAnd then I went for a walk.' },
        });
        clock.advanceDays(2);
        const second = await writeSession(ctx, appId, { text: 'It meant a lot.' });
        expect(second.session).toMatchObject({
          number: 2,
          on: '2026-11-12',
          prompt: 'What did this job mean to you, beyond the job itself?',
        });
        expect((await getWriting(ctx, appId)).sessions.map((s) => s.number)).toEqual([1, 2]);
      });
    });

    it('stops after five sessions on five days, the last about what to take forward', async () => {
      await withRejected(async (ctx, appId, clock) => {
        for (let i = 1; i <= 5; i++) {
          const view = await getWriting(ctx, appId);
          expect(view.next?.number).toBe(i);
          await writeSession(ctx, appId, { text: `Day ${i}.` });
          clock.advanceDays(1);
        }
        const done = await getWriting(ctx, appId);
        expect(done.next).toBeNull();
        expect(done.sessions[4]?.prompt).toMatch(/take forward/);
        await expect(writeSession(ctx, appId, { text: 'More.' })).rejects.toMatchObject({ code: 'conflict' });
      });
    });

    it('is only for applications that got a no, and deletes what was written', async () => {
      await withRejected(async (ctx, appId) => {
        const open = await createTestApplication(ctx, { company: 'Globex' });
        await expect(getWriting(ctx, open.id)).rejects.toThrow(
          'Globex has no rejection on record; the writing is for after a no.',
        );
        await expect(writeSession(ctx, 'missing', { text: 'x' })).rejects.toMatchObject({
          code: 'application_not_found',
        });
        const { session } = await writeSession(ctx, appId, { text: 'Private words.' });
        await deleteWritingSession(ctx, session.id);
        await expect(deleteWritingSession(ctx, session.id)).rejects.toMatchObject({ code: 'not_found' });
        await writeSession(ctx, appId, { text: 'Again.' });
        expect(await deleteWriting(ctx, appId)).toEqual({ deleted: 1 });
        expect((await getWriting(ctx, appId)).sessions).toEqual([]);
      });
    });

    it('stays out of the backup unless included, and a restore without it keeps it', async () => {
      await withRejected(async (ctx, appId) => {
        await writeSession(ctx, appId, { text: 'Only for me.' });
        const plain = await exportBackup(ctx);
        expect(plain.sections.writing).toBeUndefined();
        expect(JSON.stringify(plain)).not.toContain('Only for me.');
        const full = await exportBackup(ctx, { includePrivate: true });
        expect(
          (full.sections.writing as { sessions: { applicationId: string; text: string }[] }).sessions,
        ).toContainEqual(expect.objectContaining({ applicationId: appId, text: 'Only for me.' }));

        // Replacing everything with a backup that has no writing keeps the writing here.
        await importBackup(ctx, plain, { replace: true });
        expect((await getWriting(ctx, appId)).sessions.map((s) => s.text)).toEqual(['Only for me.']);

        // A backup that includes it restores it elsewhere.
        const other = await openTestContext(database, fixedClock(NOW));
        try {
          await importBackup(other.ctx, full);
          expect((await getWriting(other.ctx, appId)).sessions.map((s) => s.text)).toEqual(['Only for me.']);
        } finally {
          await other.close();
        }
      });
    });

    it('offers the reframe card with the helpline page the user set', async () => {
      await withRejected(async (ctx) => {
        expect((await getReframe(ctx)).helplineUrl).toBeNull();
        await updateSettings(ctx, { helplineUrl: 'https://example.org/helpline' });
        const card = await getReframe(ctx);
        expect(card.helplineUrl).toBe('https://example.org/helpline');
        expect(card.traps).toHaveLength(3);
      });
    });
  });
}
