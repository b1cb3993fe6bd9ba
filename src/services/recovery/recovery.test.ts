import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { addRound } from '../application-rounds.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import {
  createContact,
  deleteContact,
  getContactOrThrow,
  linkContact,
  logInteraction,
  setCadence,
} from '../contacts/contacts.ts';
import { fixedClock, type ServiceContext } from '../context.ts';
import { calendarIcs, getToday } from '../today/today.ts';
import { openWorkspace } from '../workspace.ts';
import { feedbackEml, getFeedbackRequestOrThrow, updateFeedbackRequest } from './feedback.ts';
import {
  createActionItem,
  getPostMortem,
  listActionItems,
  savePostMortem,
  updateActionItem,
} from './post-mortem.ts';
import { addJournalEntry, getApplicationRejectionOrThrow, logRejection } from './rejections.ts';

const START = new Date('2026-11-10T10:00:00Z'); // a Tuesday

for (const database of databases) {
  describe(`recovery loop on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const clock = fixedClock(START);

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, clock));
    });
    afterAll(async () => {
      await store.close();
    });

    async function interviewedApp(company = 'Acme') {
      const app = await createTestApplication(ctx, { company, role: 'Engineer', appliedOn: '2026-10-01' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'interviewing', occurredOn: '2026-10-10' });
      await addRound(ctx, app.id, { kind: 'technical', scheduledAt: '2026-10-12' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-13' });
      return app;
    }

    it('a rejection starts the loop: record with stage reached, feedback due in 48 h, pause end on Today', async () => {
      clock.set(START);
      const app = await interviewedApp();
      const contact = await createContact(ctx, {
        name: 'Dana Reyes',
        role: 'Engineering manager',
        email: 'dana@acme.example',
      });
      await linkContact(ctx, contact.id, { applicationId: app.id, role: 'hiring_manager' });
      await addEvent(ctx, app.id, {
        type: 'outcome_set',
        outcome: 'rejected',
        reason: 'More senior candidate',
      });

      const rejection = await getApplicationRejectionOrThrow(ctx, app.id);
      expect(rejection).toMatchObject({
        stageReached: 'interviewing',
        reasonGiven: 'More senior candidate',
        coolOffHours: 48,
        coolOffEndsAt: '2026-11-12T10:00:00.000Z',
      });
      expect(rejection.feedbackRequest).toMatchObject({
        state: 'drafted',
        dueAt: '2026-11-12T10:00:00.000Z',
        contactId: contact.id,
      });

      const today = await getToday(ctx);
      expect(today.coolingOff).toBe(true);
      expect(today.upcoming.map((e) => e.id)).toEqual(
        expect.arrayContaining([
          `cool_off_end:${rejection.id}`,
          `feedback_send:${rejection.feedbackRequest!.id}`,
        ]),
      );
      expect(today.held.map((e) => e.id)).toContain(`post_mortem:${app.id}`);

      const draft = await getFeedbackRequestOrThrow(ctx, rejection.feedbackRequest!.id);
      expect(draft.draft.body).toContain('Hello Dana Reyes,');
      expect(draft.draft.to).toBe('dana@acme.example');
      expect(draft.mailto).toMatch(/^mailto:dana@acme\.example\?subject=/);
      const eml = await feedbackEml(ctx, draft.id);
      expect(eml.text).toContain('X-Unsent: 1');
      expect(eml.filename).toBe('feedback-request-acme.eml');

      const journal = await addJournalEntry(ctx, { text: 'Tired, but okay.', mood: 3 }, rejection.id);
      expect((await getApplicationRejectionOrThrow(ctx, app.id)).journal.map((j) => j.id)).toEqual([
        journal.id,
      ]);

      // When the pause is over, the look back comes back.
      clock.set(new Date('2026-11-12T11:00:00Z'));
      const after = await getToday(ctx);
      expect(after.coolingOff).toBe(false);
      expect(after.today.map((e) => e.id)).toEqual(
        expect.arrayContaining([`post_mortem:${app.id}`, `feedback_send:${rejection.feedbackRequest!.id}`]),
      );
    });

    it('takes a chosen pause, tags and channel in the same step, and refuses an unknown tag without writing', async () => {
      clock.set(START);
      const app = await createTestApplication(ctx);
      await expect(logRejection(ctx, { applicationId: app.id, reasonTags: ['sallary'] })).rejects.toThrow(
        'reasonTags.0: unknown tag "sallary"',
      );
      await expect(getApplicationRejectionOrThrow(ctx, app.id)).rejects.toMatchObject({
        code: 'rejection_not_found',
      });
      const r = await logRejection(ctx, {
        applicationId: app.id,
        channel: 'portal',
        reasonTags: ['salary'],
        coolOffHours: 24,
      });
      expect(r).toMatchObject({
        channel: 'portal',
        reasonTags: ['salary'],
        coolOffEndsAt: '2026-11-11T10:00:00.000Z',
        stageReached: 'applied',
      });
      await expect(logRejection(ctx, { applicationId: app.id })).rejects.toMatchObject({
        code: 'application_closed',
      });
    });

    it('moves feedback drafted → sent → answered and keeps the answer word for word', async () => {
      clock.set(START);
      const app = await interviewedApp('Beta');
      const r = await logRejection(ctx, { applicationId: app.id });
      const id = r.feedbackRequest!.id;
      await expect(updateFeedbackRequest(ctx, id, { state: 'answered', answer: 'x' })).rejects.toThrow(
        'feedback: cannot go from drafted to answered',
      );
      const sent = await updateFeedbackRequest(ctx, id, { state: 'sent' });
      expect(sent).toMatchObject({
        state: 'sent',
        sentAt: START.toISOString(),
        followUpDueAt: '2026-11-17T10:00:00.000Z',
      });
      expect(sent.body).toContain('Beta');
      clock.set(new Date('2026-11-17T12:00:00Z'));
      expect((await getToday(ctx)).today.map((e) => e.id)).toContain(`feedback_chase:${id}`);
      const answer = '  Strong coding.\nSystem design   needed more depth.  ';
      const answered = await updateFeedbackRequest(ctx, id, {
        state: 'answered',
        answer,
        themes: [{ theme: 'skill', name: 'system design' }],
      });
      expect(answered).toMatchObject({
        state: 'answered',
        answer,
        themes: [{ theme: 'skill', name: 'system design' }],
      });
      expect((await getToday(ctx)).today.map((e) => e.id)).not.toContain(`feedback_chase:${id}`);
      await expect(updateFeedbackRequest(ctx, id, { state: 'no_reply' })).rejects.toMatchObject({
        code: 'invalid_transition',
      });
    });

    it('turns a weak step of the look back into a dated action item, and refuses a stage never reached', async () => {
      clock.set(START);
      const app = await interviewedApp('Gamma');
      await logRejection(ctx, { applicationId: app.id, coolOffHours: 'skip' });
      const view = await getPostMortem(ctx, app.id);
      expect(view.items.map((i) => i.key)).toEqual([
        'jd_match',
        'resume',
        'screening_call',
        'round_1',
        'follow_up',
      ]);
      await expect(
        savePostMortem(ctx, app.id, { items: [{ key: 'offer_talks', rating: 'weak' }] }),
      ).rejects.toThrow('items.0.key: "offer_talks" belongs to offer, which this application did not reach');
      const saved = await savePostMortem(ctx, app.id, {
        items: [
          { key: 'round_1', rating: 'weak', note: 'froze on graphs' },
          { key: 'resume', rating: 'well' },
        ],
      });
      expect(saved.items.find((i) => i.key === 'round_1')).toMatchObject({
        rating: 'weak',
        note: 'froze on graphs',
      });
      expect(saved.actionItems).toHaveLength(1);
      const [action] = saved.actionItems;
      expect(action).toMatchObject({ sourceKey: 'round_1', dueOn: '2026-11-12', status: 'open' });
      expect(action!.text).toContain('(round 1)');
      // Saving again does not duplicate the task.
      expect(
        (await savePostMortem(ctx, app.id, { items: [{ key: 'round_1', rating: 'weak' }] })).actionItems,
      ).toHaveLength(1);
      // While another pause still runs, the task rests; once every pause is over it shows.
      clock.set(new Date('2026-11-12T08:00:00Z'));
      expect((await getToday(ctx)).held.map((e) => e.id)).toContain(`action_item:${action!.id}`);
      clock.set(new Date('2026-11-12T12:00:00Z'));
      const today = await getToday(ctx);
      expect(today.today.map((e) => e.id)).toContain(`action_item:${action!.id}`);
      expect(today.overdue.concat(today.today).map((e) => e.id)).not.toContain(`post_mortem:${app.id}`);
      await updateActionItem(ctx, action!.id, { status: 'done' });
      expect((await getToday(ctx)).today.map((e) => e.id)).not.toContain(`action_item:${action!.id}`);
      expect(await listActionItems(ctx, { status: 'open', applicationId: app.id })).toEqual([]);
    });

    it('refuses a contact with no way to reach them', async () => {
      await expect(createContact(ctx, { name: 'Sam' })).rejects.toThrow(
        'email: add an email, a LinkedIn URL or a phone number so you can reach them',
      );
    });

    it('keeps in touch: connection request on Today three days later, and on after the application closes', async () => {
      clock.set(START);
      const app = await createTestApplication(ctx, { company: 'Delta' });
      const contact = await createContact(ctx, { name: 'Priya Shah', linkedinUrl: 'linkedin.com/in/priya' });
      await setCadence(ctx, contact.id, { applicationId: app.id });
      expect((await getToday(ctx)).today.map((e) => e.id)).toContain(`contact_touch:${contact.id}:thank_you`);
      await logInteraction(ctx, contact.id, { kind: 'thank_you' });
      await addEvent(ctx, app.id, { type: 'outcome_set', outcome: 'rejected' });

      clock.advanceDays(3);
      const today = await getToday(ctx);
      const connect = today.today.find((e) => e.id === `contact_touch:${contact.id}:connection_request`);
      expect(connect).toMatchObject({ dueAt: '2026-11-13T09:00:00.000Z', contactId: contact.id });
      expect(connect!.detail!.length).toBeLessThanOrEqual(300);
      expect(connect!.detail).toContain('Delta');
      await logInteraction(ctx, contact.id, { kind: 'connection_request' });

      clock.advanceDays(90);
      const later = await getToday(ctx);
      expect(
        [...later.overdue, ...later.today, ...later.upcoming].some(
          (e) => e.id === `contact_touch:${contact.id}:value`,
        ),
      ).toBe(true);
    });

    it('deleting a contact removes its plan; a plan on a deleted contact is refused', async () => {
      clock.set(START);
      const contact = await createContact(ctx, { name: 'Lee', phone: '+44 20 7946 0000' });
      await setCadence(ctx, contact.id, {});
      await deleteContact(ctx, contact.id);
      const ids = (await getToday(ctx)).today.map((e) => e.id);
      expect(ids.some((id) => id.includes(contact.id))).toBe(false);
      await expect(setCadence(ctx, contact.id, {})).rejects.toMatchObject({ code: 'contact_not_found' });
      await expect(getContactOrThrow(ctx, contact.id)).rejects.toThrow(`No contact with id ${contact.id}`);
    });

    it('reopening keeps the rejection record in history and clears its pending steps', async () => {
      clock.set(START);
      const app = await createTestApplication(ctx);
      const r = await logRejection(ctx, { applicationId: app.id });
      clock.set(new Date('2026-11-11T10:00:00Z'));
      await addEvent(ctx, app.id, { type: 'reopened' });
      const kept = await getApplicationRejectionOrThrow(ctx, app.id);
      expect(kept).toMatchObject({
        id: r.id,
        reopenedAt: '2026-11-11T10:00:00.000Z',
        stageReached: 'applied',
      });
      const all = (await getToday(ctx)).upcoming.concat((await getToday(ctx)).today).map((e) => e.id);
      expect(all).not.toContain(`cool_off_end:${r.id}`);
      await addEvent(ctx, app.id, { type: 'outcome_set', outcome: 'rejected' });
      expect((await getApplicationRejectionOrThrow(ctx, app.id)).id).not.toBe(r.id);
    });

    it('writes an .ics that parses, with the right dates', async () => {
      clock.set(START);
      await createActionItem(ctx, { text: 'Practise the one-minute introduction', dueOn: '2026-11-20' });
      const ics = await calendarIcs(ctx);
      const comp = new ICAL.Component(ICAL.parse(ics));
      const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.length).toBeGreaterThan(0);
      const action = events.find((e) => e.summary === 'Practise the one-minute introduction');
      expect(action?.startDate.isDate).toBe(true);
      expect(action?.startDate.toString()).toBe('2026-11-20');
      const touch = events.find((e) => e.summary === 'Send Priya Shah a connection request');
      expect(touch).toBeUndefined(); // already logged
      const send = events.find((e) => e.summary.startsWith('Send your feedback request to Acme'));
      expect(send?.startDate.toJSDate().toISOString()).toBe('2026-11-12T10:00:00.000Z');
    });

    it('round-trips recovery data through a backup without loss', async () => {
      const backup = await exportBackup(ctx);
      const section = backup.sections.recovery as Record<string, unknown[]>;
      expect(section.rejections!.length).toBeGreaterThan(3);
      expect(section.contacts!.length).toBeGreaterThan(1);
      const other = await database.open();
      try {
        const ctx2 = { ...(await openWorkspace(other, { clock })), timeZone: 'UTC' };
        await importBackup(ctx2, JSON.parse(JSON.stringify(backup)));
        const again = await exportBackup(ctx2);
        expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
        await importBackup(ctx2, JSON.parse(JSON.stringify(backup)), { replace: true });
        expect((await exportBackup(ctx2)).sections.recovery).toEqual(backup.sections.recovery);
      } finally {
        await other.close();
      }
    });
  });
}
