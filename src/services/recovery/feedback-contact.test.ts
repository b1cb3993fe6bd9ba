import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { writeSettings } from '../../store/workspace-repository.ts';
import { addEvent } from '../applications.ts';
import { createContact } from '../contacts/contacts.ts';
import type { ServiceContext } from '../context.ts';
import {
  feedbackEml,
  getFeedbackRequestOrThrow,
  setFeedbackContact,
  updateFeedbackRequest,
} from './feedback.ts';
import { logRejection } from './rejections.ts';

const START = new Date('2026-11-10T10:00:00Z');

for (const database of databases) {
  describe(`choosing who a feedback request goes to, on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;

    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, START));
      await writeSettings(ctx.db, ctx.workspaceId, { userName: 'Sam Lee' });
    });
    afterAll(async () => {
      await store.close();
    });

    /** A rejection after a screening call, with no one linked: the draft starts unaddressed. */
    async function draftedRequest(company: string): Promise<string> {
      const app = await createTestApplication(ctx, { company, role: 'Engineer', appliedOn: '2026-10-01' });
      await addEvent(ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-10' });
      const rejection = await logRejection(ctx, { applicationId: app.id });
      return rejection.feedbackRequest!.id;
    }

    it('addresses the draft to the chosen contact, signed with the user’s name, and keeps them when sent', async () => {
      const id = await draftedRequest('Acme');
      expect((await getFeedbackRequestOrThrow(ctx, id)).draft.to).toBeNull();
      const dana = await createContact(ctx, { name: 'Dana Reyes', email: 'dana@acme.example' });

      const chosen = await updateFeedbackRequest(ctx, id, { contactId: dana.id });
      expect(chosen).toMatchObject({ state: 'drafted', contactId: dana.id });
      expect(chosen.draft).toMatchObject({ to: 'dana@acme.example', toName: 'Dana Reyes' });
      expect(chosen.draft.body).toContain('Hello Dana Reyes,');
      expect(chosen.draft.body.trimEnd()).toMatch(/Sam Lee$/);
      expect(chosen.mailto).toMatch(/^mailto:dana@acme\.example\?subject=/);
      expect((await feedbackEml(ctx, id)).text).toContain('To: "Dana Reyes" <dana@acme.example>');

      // Marked sent without naming anyone (as Today does): the choice stays, and so do the words.
      const sent = await updateFeedbackRequest(ctx, id, { state: 'sent' });
      expect(sent).toMatchObject({ state: 'sent', contactId: dana.id });
      expect(sent.draft.to).toBe('dana@acme.example');
      expect(sent.draft.body).toContain('Hello Dana Reyes,');
    });

    it('clears the contact with null', async () => {
      const id = await draftedRequest('Beta');
      const lee = await createContact(ctx, { name: 'Lee Park', email: 'lee@beta.example' });
      await setFeedbackContact(ctx, id, lee.id);
      const cleared = await setFeedbackContact(ctx, id, null);
      expect(cleared.contactId).toBeNull();
      expect(cleared.draft.to).toBeNull();
      expect(cleared.draft.body).not.toContain('Lee Park');
    });

    it('refuses a contact that does not exist, naming contactId, and changes nothing', async () => {
      const id = await draftedRequest('Gamma');
      await expect(setFeedbackContact(ctx, id, 'nobody')).rejects.toMatchObject({
        code: 'contact_not_found',
        message: 'contactId: no contact with id nobody.',
        details: [{ path: 'contactId', message: 'not found' }],
      });
      expect((await getFeedbackRequestOrThrow(ctx, id)).contactId).toBeNull();
    });

    it('refuses to change who it went to once it was sent', async () => {
      const id = await draftedRequest('Delta');
      const kim = await createContact(ctx, { name: 'Kim Ode', email: 'kim@delta.example' });
      await updateFeedbackRequest(ctx, id, { state: 'sent' });
      await expect(updateFeedbackRequest(ctx, id, { contactId: kim.id })).rejects.toMatchObject({
        code: 'invalid_transition',
        message: 'contactId: this request is already sent, so who it went to stays as it was.',
        details: [{ path: 'contactId', message: 'cannot change once sent' }],
      });
      expect((await getFeedbackRequestOrThrow(ctx, id)).contactId).toBeNull();
    });
  });
}
