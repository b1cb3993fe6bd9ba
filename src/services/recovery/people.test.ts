import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { addEvent } from '../applications.ts';
import { createContact, linkContact, listApplicationPeople, unlinkContact } from '../contacts/contacts.ts';
import type { ServiceContext } from '../context.ts';
import { getFeedbackRequestOrThrow } from './feedback.ts';
import { logRejection } from './rejections.ts';

const START = new Date('2026-11-10T10:00:00Z');

for (const database of databases) {
  describe(`the people of an application, on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, START));
    });
    afterAll(async () => {
      await store.close();
    });

    it('lists who was part of the process with their part, refuses the same link twice and unlinks', async () => {
      const app = await createTestApplication(ctx, { company: 'Acme', role: 'Engineer' });
      const dana = await createContact(ctx, { name: 'Dana Reyes', email: 'dana@acme.example' });
      const lee = await createContact(ctx, { name: 'Lee Park', linkedinUrl: 'linkedin.com/in/leepark' });
      await linkContact(ctx, dana.id, { applicationId: app.id, role: 'recruiter' });
      const interviewer = await linkContact(ctx, lee.id, { applicationId: app.id, role: 'interviewer' });

      const people = await listApplicationPeople(ctx, app.id);
      expect(people.map((p) => [p.contact.name, p.link.role])).toEqual([
        ['Dana Reyes', 'recruiter'],
        ['Lee Park', 'interviewer'],
      ]);

      await expect(
        linkContact(ctx, dana.id, { applicationId: app.id, role: 'recruiter' }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: 'Dana Reyes is already linked to this application as recruiter.',
      });
      // The same person in another part is fine (a recruiter who also interviewed).
      await linkContact(ctx, dana.id, { applicationId: app.id, role: 'interviewer' });

      await unlinkContact(ctx, interviewer.id);
      expect((await listApplicationPeople(ctx, app.id)).map((p) => p.contact.name)).toEqual([
        'Dana Reyes',
        'Dana Reyes',
      ]);
      await expect(unlinkContact(ctx, interviewer.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(listApplicationPeople(ctx, 'nope')).rejects.toMatchObject({
        code: 'application_not_found',
      });
    });

    it('a recruiter linked after the rejection becomes who the drafted feedback request goes to', async () => {
      const app = await createTestApplication(ctx, {
        company: 'Globex',
        role: 'Designer',
        appliedOn: '2026-10-01',
      });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-10' });
      const rejection = await logRejection(ctx, { applicationId: app.id });
      const requestId = rejection.feedbackRequest!.id;
      expect((await getFeedbackRequestOrThrow(ctx, requestId)).contactId).toBeNull();

      const referrer = await createContact(ctx, { name: 'Ana Ruiz', email: 'ana@example.com' });
      await linkContact(ctx, referrer.id, { applicationId: app.id, role: 'referrer' });
      expect((await getFeedbackRequestOrThrow(ctx, requestId)).contactId).toBeNull();

      const recruiter = await createContact(ctx, { name: 'Sam Ito', email: 'sam@globex.example' });
      await linkContact(ctx, recruiter.id, { applicationId: app.id, role: 'recruiter' });
      const request = await getFeedbackRequestOrThrow(ctx, requestId);
      expect(request.contactId).toBe(recruiter.id);
      expect(request.draft.to).toBe('sam@globex.example');
    });
  });
}
