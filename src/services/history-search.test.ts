import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { createTestApplication } from '../../test/support/factories.ts';
import type { Store } from '../store/connect.ts';
import { addRound, deleteRound, updateRound } from './application-rounds.ts';
import {
  addEvent,
  deleteNote,
  getApplicationOrThrow,
  listApplications,
  updateApplication,
  updateNote,
} from './applications.ts';
import { createContact, linkContact, updateContact } from './contacts/contacts.ts';
import { fixedClock, type ServiceContext } from './context.ts';
import { commitSpreadsheetImport, previewSpreadsheetImport } from './imports/spreadsheet-import.ts';
import { presentApplication } from './presenters.ts';
import { getPostMortem } from './recovery/post-mortem.ts';
import { countSampleData, loadSampleData, removeSampleData } from './sample-data.ts';

const LINKEDIN = new Uint8Array(
  readFileSync(new URL('../../test/fixtures/imports/linkedin-job-applications.csv', import.meta.url)),
);

const search = async (ctx: ServiceContext, q: string) =>
  (await listApplications(ctx, { q, limit: 100, offset: 0, status: 'all', sort: 'company' })).items.map(
    (a) => a.company,
  );

for (const database of databases) {
  describe(`rounds and notes, edited and deleted, on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await store.close();
    });

    it('edits a round with its time and keeps the old version in the history', async () => {
      const app = await createTestApplication(ctx);
      const withRound = await addRound(ctx, app.id, {
        kind: 'technical',
        scheduledAt: '2026-11-12',
        startTime: '14:30',
        durationMinutes: 60,
      });
      const round = withRound.rounds[0]!;
      expect(round).toMatchObject({ startTime: '14:30', durationMinutes: 60 });
      const edited = await updateRound(ctx, app.id, round.id, {
        kind: 'panel',
        startTime: '15:00',
        who: 'Ana',
      });
      expect(edited.rounds[0]).toMatchObject({
        kind: 'panel',
        startTime: '15:00',
        durationMinutes: 60,
        who: 'Ana',
      });
      const event = edited.events.find((e) => e.type === 'round_edited');
      expect(event?.data).toMatchObject({
        before: { kind: 'technical', startTime: '14:30' },
        after: { kind: 'panel' },
      });
      await expect(updateRound(ctx, app.id, 'nope', { who: 'x' })).rejects.toMatchObject({
        code: 'round_not_found',
      });
    });

    it('deletes a round entered twice: it leaves the post-mortem and no longer counts as a reply', async () => {
      const app = await createTestApplication(ctx, { appliedOn: '2026-10-01' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'interviewing', occurredOn: '2026-10-05' });
      clock.set(new Date('2026-10-20T10:00:00Z'));
      await addRound(ctx, app.id, { kind: 'technical', scheduledAt: '2026-10-07' });
      const twice = await addRound(ctx, app.id, { kind: 'technical', scheduledAt: '2026-10-19' });
      clock.set(new Date('2026-11-10T10:00:00Z'));
      expect(twice.lastResponseOn).toBe('2026-10-19');
      const duplicate = twice.rounds[1]!;
      await addEvent(ctx, app.id, { type: 'outcome_set', outcome: 'rejected', occurredOn: '2026-11-09' });
      const before = await getPostMortem(ctx, app.id);
      const roundItems = (view: typeof before) => view.items.filter((i) => i.kind === 'interview_round');
      expect(roundItems(before)).toHaveLength(2);

      const after = await deleteRound(ctx, app.id, duplicate.id);
      expect(after.rounds.map((r) => r.id)).not.toContain(duplicate.id);
      const deleted = after.events.find((e) => e.type === 'round_deleted');
      expect(deleted?.data).toMatchObject({
        roundId: duplicate.id,
        round: { kind: 'technical', scheduledAt: '2026-10-19' },
      });
      expect(roundItems(await getPostMortem(ctx, app.id))).toHaveLength(1);
      // The closing "no" is the last reply now; the deleted round no longer is one.
      expect(after.lastResponseOn).toBe('2026-11-09');
      await expect(addEvent(ctx, app.id, { type: 'undo', eventId: deleted!.id })).rejects.toMatchObject({
        code: 'invalid_transition',
      });
    });

    it('edits and deletes a timeline note, keeping each earlier text as an event', async () => {
      const app = await createTestApplication(ctx);
      const noted = await addEvent(ctx, app.id, { type: 'note', text: 'Recruiter call went well' });
      const note = noted.events.find((e) => e.type === 'note')!;
      const edited = await updateNote(ctx, app.id, note.id, { text: 'Recruiter call went very well' });
      expect(edited.events.find((e) => e.id === note.id)?.current).toEqual({
        text: 'Recruiter call went very well',
        edited: true,
        deleted: false,
      });
      expect(edited.events.find((e) => e.type === 'note_edited')?.data).toMatchObject({
        previousText: 'Recruiter call went well',
      });
      const gone = await deleteNote(ctx, app.id, note.id);
      expect(gone.events.find((e) => e.id === note.id)?.current?.deleted).toBe(true);
      await expect(deleteNote(ctx, app.id, note.id)).rejects.toMatchObject({ code: 'invalid_transition' });
      const other = gone.events.find((e) => e.type === 'created')!;
      await expect(updateNote(ctx, app.id, other.id, { text: 'x' })).rejects.toMatchObject({
        code: 'event_not_found',
      });
    });
  });

  describe(`search on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, new Date('2026-11-10T10:00:00Z')));
    });
    afterAll(async () => {
      await store.close();
    });

    it('finds notes, timeline notes, job descriptions and contact names, and follows edits', async () => {
      const a = await createTestApplication(ctx, {
        company: 'Alpha Search',
        notes: 'ask about Kafka partitioning',
      });
      const b = await createTestApplication(ctx, {
        company: 'Beta Search',
        jobDescription: 'We run Elixir services',
      });
      const c = await createTestApplication(ctx, { company: 'Gamma Search' });
      const noted = await addEvent(ctx, c.id, { type: 'note', text: 'Spoke with the Zurich office' });
      const contact = await createContact(ctx, { name: 'Priya Natarajan', email: 'priya@example.com' });
      await linkContact(ctx, contact.id, { applicationId: a.id, role: 'recruiter' });

      expect(await search(ctx, 'kafka')).toEqual(['Alpha Search']);
      expect(await search(ctx, 'partition')).toEqual(['Alpha Search']);
      expect(await search(ctx, 'ELIXIR')).toEqual(['Beta Search']);
      expect(await search(ctx, 'zurich')).toEqual(['Gamma Search']);
      expect(await search(ctx, 'priya')).toEqual(['Alpha Search']);
      expect(await search(ctx, 'search')).toEqual(['Alpha Search', 'Beta Search', 'Gamma Search']);
      expect(await search(ctx, 'arch')).toEqual(['Alpha Search', 'Beta Search', 'Gamma Search']);

      await updateApplication(ctx, b.id, { jobDescription: 'We run Go services' });
      expect(await search(ctx, 'elixir')).toEqual([]);
      const note = noted.events.find((e) => e.type === 'note')!;
      await updateNote(ctx, c.id, note.id, { text: 'Spoke with the Geneva office' });
      expect(await search(ctx, 'zurich')).toEqual([]);
      expect(await search(ctx, 'geneva')).toEqual(['Gamma Search']);
      await deleteNote(ctx, c.id, note.id);
      expect(await search(ctx, 'geneva')).toEqual([]);
      await updateContact(ctx, contact.id, { name: 'Priya Raman' });
      expect(await search(ctx, 'raman')).toEqual(['Alpha Search']);
    });

    it('matches % and _ literally', async () => {
      await createTestApplication(ctx, { company: 'R_D Works' });
      await createTestApplication(ctx, { company: 'RxD Works' });
      await createTestApplication(ctx, { company: 'Percent Co', notes: 'offers 100% remote' });
      await createTestApplication(ctx, { company: 'Hundred Co', notes: 'offers 1000 perks' });
      expect(await search(ctx, 'R_D')).toEqual(['R_D Works']);
      expect(await search(ctx, '100%')).toEqual(['Percent Co']);
    });
  });

  describe(`sample data and quiet flags on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, new Date('2026-11-10T10:00:00Z')));
    });
    afterAll(async () => {
      await store.close();
    });

    it('removes the sample applications in one step and leaves the user’s own', async () => {
      const mine = await createTestApplication(ctx, { company: 'My Own Co' });
      const { created } = await loadSampleData(ctx);
      expect(await countSampleData(ctx)).toEqual({ applications: created });
      expect(await removeSampleData(ctx)).toEqual({ removed: created });
      expect(await countSampleData(ctx)).toEqual({ applications: 0 });
      const left = await listApplications(ctx, { limit: 100, offset: 0, status: 'all', sort: 'updated' });
      expect(left.items.map((a) => a.id)).toEqual([mine.id]);
    });

    it('does not call an application entered at screening quiet from its applied date', async () => {
      const app = await createTestApplication(ctx, { stage: 'screening', appliedOn: '2026-09-01' });
      const shown = presentApplication(await getApplicationOrThrow(ctx, app.id), {
        today: '2026-11-10',
        ghostAfterDays: 21,
      });
      expect(shown).toMatchObject({ likelyGhosted: false, daysSilent: 0, lastResponseOn: '2026-11-10' });
      const applied = await createTestApplication(ctx, { stage: 'applied', appliedOn: '2026-09-01' });
      expect(
        presentApplication(await getApplicationOrThrow(ctx, applied.id), {
          today: '2026-11-10',
          ghostAfterDays: 21,
        }).likelyGhosted,
      ).toBe(true);
    });

    it('keeps every type of work', async () => {
      for (const kind of ['job', 'contract', 'freelance', 'internship'] as const) {
        const app = await createTestApplication(ctx, { kind });
        expect((await getApplicationOrThrow(ctx, app.id)).kind).toBe(kind);
      }
    });
  });

  describe(`import finds applications entered by hand, on ${database.name}`, () => {
    it('says they are already in Rebound, and merges, skips or keeps each as chosen', async () => {
      const { store, ctx } = await openTestContext(database, new Date('2023-07-20T10:00:00Z'));
      try {
        // Typed by hand before the LinkedIn export: other case, no legal suffix, a day apart.
        const contoso = await createTestApplication(ctx, {
          company: 'contoso',
          role: 'BI developer',
          appliedOn: '2023-06-14',
        });
        const fabrikam = await createTestApplication(ctx, {
          company: 'Fabrikam Inc.',
          role: 'Analytics Engineer',
          appliedOn: '2023-06-28',
        });
        const preview = await previewSpreadsheetImport(ctx, LINKEDIN, 'linkedin.csv');
        const likely = preview.duplicates.filter((d) => d.existing);
        expect(likely.map((d) => [d.existing!.id, d.action])).toEqual([
          [fabrikam.id, 'skip'],
          [contoso.id, 'skip'],
        ]);
        const contosoLine = likely.find((d) => d.existing!.id === contoso.id)!.line;
        const report = await commitSpreadsheetImport(ctx, LINKEDIN, 'linkedin.csv', {
          duplicates: 'keep',
          duplicateActions: { [String(contosoLine)]: 'merge' },
        });
        expect(report).toMatchObject({ created: 2, merged: 1 });
        const merged = await getApplicationOrThrow(ctx, contoso.id);
        // The file filled in what the hand-typed one left empty; what the user wrote stays.
        expect(merged).toMatchObject({
          company: 'contoso',
          jobUrl: 'https://www.linkedin.com/jobs/view/3650000003/',
        });
        const all = await listApplications(ctx, { limit: 100, offset: 0, status: 'all', sort: 'company' });
        expect(all.total).toBe(4);
        // Imported again: everything is recognised, nothing is added.
        const again = await previewSpreadsheetImport(ctx, LINKEDIN, 'linkedin.csv');
        expect(again.toCreate).toHaveLength(0);
      } finally {
        await store.close();
      }
    });
  });
}
