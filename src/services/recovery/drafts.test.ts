import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { createContact, getContactOrThrow, saveContactDraft } from '../contacts/contacts.ts';
import type { ServiceContext } from '../context.ts';
import { feedbackEml, getFeedbackRequestOrThrow, updateFeedbackRequest } from './feedback.ts';
import { getRejectionOrThrow, logRejection, updateRejection } from './rejections.ts';

const START = new Date('2026-11-10T10:00:00Z');

for (const database of databases) {
  describe(`the user's own words and place, on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, START));
    });
    afterAll(async () => {
      await store.close();
    });

    async function rejected(company: string) {
      const app = await createTestApplication(ctx, { company, role: 'Engineer', appliedOn: '2026-10-01' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-10' });
      return logRejection(ctx, { applicationId: app.id });
    }

    it('keeps an edited feedback request, sends those words, and refuses edits once sent', async () => {
      const id = (await rejected('Acme')).feedbackRequest!.id;
      const edited = await updateFeedbackRequest(ctx, id, {
        subject: 'A quick question after our call',
        body: 'Hi Dana,\n\nWhat one thing would have made my application stronger?\n\nSam',
      });
      expect(edited.draft).toMatchObject({ subject: 'A quick question after our call', edited: true });
      expect((await getFeedbackRequestOrThrow(ctx, id)).draft.body).toContain(
        'What one thing would have made',
      );
      expect((await feedbackEml(ctx, id)).text).toContain('Subject: A quick question after our call');

      // Back to the template's words.
      const reset = await updateFeedbackRequest(ctx, id, { subject: null, body: null });
      expect(reset.draft.edited).toBe(false);
      expect(reset.draft.subject).not.toBe('A quick question after our call');

      await updateFeedbackRequest(ctx, id, { body: 'My own words.' });
      const sent = await updateFeedbackRequest(ctx, id, { state: 'sent' });
      expect(sent.draft.body).toBe('My own words.');
      await expect(updateFeedbackRequest(ctx, id, { body: 'Later words' })).rejects.toMatchObject({
        code: 'invalid_transition',
        details: [{ path: 'body', message: 'cannot change once sent' }],
      });
    });

    it('says so when the request would go to a no-reply address', async () => {
      const id = (await rejected('Globex')).feedbackRequest!.id;
      expect((await getFeedbackRequestOrThrow(ctx, id)).automaticSender).toBeNull();
      const robot = await createContact(ctx, { name: 'Globex Careers', email: 'no-reply@globex.example' });
      const chosen = await updateFeedbackRequest(ctx, id, { contactId: robot.id });
      expect(chosen.automaticSender).toBe('no-reply@globex.example');
    });

    it('remembers the step of the guided flow the user reached', async () => {
      const rejection = await rejected('Initech');
      expect((await getRejectionOrThrow(ctx, rejection.id)).flowStep ?? null).toBeNull();
      await updateRejection(ctx, rejection.id, { step: 'look-back' });
      expect((await getRejectionOrThrow(ctx, rejection.id)).flowStep).toBe('look-back');
    });

    it("keeps the user's words for a thank-you and a connection note, through export and import", async () => {
      const dana = await createContact(ctx, { name: 'Dana Reyes', email: 'dana@acme.example' });
      await saveContactDraft(ctx, dana.id, 'thank_you', 'Thank you for the chat about Kafka!');
      await saveContactDraft(ctx, dana.id, 'connection_request', 'Hi Dana, good to meet you.');
      await saveContactDraft(ctx, dana.id, 'thank_you', 'Thanks again, Dana.');
      expect((await getContactOrThrow(ctx, dana.id)).drafts).toEqual({
        thank_you: 'Thanks again, Dana.',
        connection_request: 'Hi Dana, good to meet you.',
      });
      const backup = await exportBackup(ctx);
      await saveContactDraft(ctx, dana.id, 'connection_request', null);
      expect((await getContactOrThrow(ctx, dana.id)).drafts).toEqual({ thank_you: 'Thanks again, Dana.' });
      await importBackup(ctx, backup, { replace: true });
      expect((await getContactOrThrow(ctx, dana.id)).drafts.connection_request).toBe(
        'Hi Dana, good to meet you.',
      );
    });
  });
}
