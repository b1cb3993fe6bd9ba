import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { listMailSenders, rememberMailSender } from '../../store/mail-senders-repository.ts';
import { getApplicationOrThrow } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { createContact, linkContact } from '../contacts/contacts.ts';
import type { ServiceContext } from '../context.ts';
import { applyMailMessage, importMailFile, listMailReview } from './mail-import.ts';

const eml = (from: string, subject: string, body: string, id: string) =>
  new TextEncoder().encode(
    `From: ${from}\nSubject: ${subject}\nDate: Mon, 13 Jul 2026 09:00:00 +0000\nMessage-ID: <${id}@test.example>\n\n${body}\n`,
  );

for (const database of databases) {
  describe(`matching mail to applications on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, new Date('2026-07-20T10:00:00Z')));
      const add = async (key: string, company: string, role: string, extra = {}) => {
        ids[key] = (
          await createTestApplication(ctx, { company, role, appliedOn: '2026-07-01', ...extra })
        ).id;
      };
      await add('da', 'Northwind Analytics', 'Data Analyst');
      await add('ae', 'Northwind Analytics', 'Analytics Engineer');
      await add('hv', 'Halvorsen Motors', 'Software Engineer', { website: 'https://www.hvm.com/careers' });
    });
    afterAll(async () => store.close());

    it('records an ATS rejection on the application whose role it names, and says why', async () => {
      const report = await importMailFile(
        ctx,
        eml(
          'Northwind Analytics <no-reply@us.greenhouse-mail.io>',
          'Your application for Analytics Engineer',
          'Hi Sam,\n\nThank you for applying to the Analytics Engineer role at Northwind Analytics. We have\ndecided not to move\nforward with your application.\n\nNorthwind Analytics',
          'r1',
        ),
        'r1.eml',
      );
      expect(report.items[0]).toMatchObject({ status: 'applied', kind: 'rejection', applicationId: ids.ae });
      expect(report.items[0]!.matchReasons).toEqual([
        "sender's name says Northwind Analytics",
        'text names Northwind Analytics',
        'role "Analytics Engineer" named',
      ]);
      expect((await getApplicationOrThrow(ctx, ids.ae!)).outcome).toBe('rejected');
      expect((await getApplicationOrThrow(ctx, ids.da!)).outcome).toBeNull();
    });

    it("keeps a mail that does not say which of the company's roles for review, with the reason", async () => {
      const report = await importMailFile(
        ctx,
        eml(
          'Northwind Analytics <no-reply@us.greenhouse-mail.io>',
          'Thank you from Northwind Analytics',
          'Unfortunately we will not be moving forward with your application.',
          'r2',
        ),
        'r2.eml',
      );
      expect(report.items[0]).toMatchObject({ status: 'pending', applicationId: null });
      const [queued] = await listMailReview(ctx);
      expect(queued!.matchReasons.at(-1)).toBe(
        'you have 2 applications there and the mail does not say which role',
      );
    });

    it('matches the company by its website field', async () => {
      const report = await importMailFile(
        ctx,
        eml(
          'Joy Okafor <j.okafor@hvm.com>',
          'Software Engineer: next steps',
          "We'd like to invite you to a video interview next week.",
          'r3',
        ),
        'r3.eml',
      );
      expect(report.items[0]).toMatchObject({ status: 'applied', kind: 'interview', applicationId: ids.hv });
      expect(report.items[0]!.matchReasons[0]).toBe("sent from hvm.com, the company's website");
    });

    it('learns from a confirmed match: the sender and its domain, the website, and the next mail from there', async () => {
      const first = await importMailFile(
        ctx,
        eml(
          'Dana <dana@nwa-talent.com>',
          'Data Analyst',
          'Unfortunately we have decided to pursue other candidates.',
          'r4',
        ),
        'r4.eml',
      );
      expect(first.items[0]).toMatchObject({ status: 'pending', applicationId: null });
      await applyMailMessage(ctx, first.items[0]!.id!, { applicationId: ids.da });
      expect((await listMailSenders(ctx.db, ctx.workspaceId)).map((s) => [s.sender, s.company])).toEqual([
        ['dana@nwa-talent.com', 'Northwind Analytics'],
        ['nwa-talent.com', 'Northwind Analytics'],
      ]);
      expect((await getApplicationOrThrow(ctx, ids.da!)).website).toBe('nwa-talent.com');

      const next = await importMailFile(
        ctx,
        eml(
          'Lee <lee@nwa-talent.com>',
          'Analytics Engineer',
          "We'd like to invite you to an interview for the Analytics Engineer role.",
          'r5',
        ),
        'r5.eml',
      );
      // The domain is now the application's website; the address is a sender confirmed before.
      expect(next.items[0]!.matchReasons).toContain("sent from nwa-talent.com, the company's website");
      expect(next.items[0]!.applicationId).toBe(ids.ae);
      const again = await importMailFile(
        ctx,
        eml(
          'Dana <dana@nwa-talent.com>',
          'Re: Data Analyst',
          'Unfortunately the role has been filled.',
          'r6',
        ),
        'r6.eml',
      );
      expect(again.items[0]).toMatchObject({ status: 'applied', applicationId: ids.da });
      expect(again.items[0]!.matchReasons[0]).toBe(
        'sent by dana@nwa-talent.com, whom you matched to Northwind Analytics before',
      );
    });

    it('matches mail from a contact linked to the application, even from a personal address', async () => {
      const helen = await createContact(ctx, { name: 'Helen Cole', email: 'h.cole.recruits@gmail.com' });
      await linkContact(ctx, helen.id, { applicationId: ids.hv!, role: 'recruiter' });
      const report = await importMailFile(
        ctx,
        eml(
          'Helen <h.cole.recruits@gmail.com>',
          'Quick update',
          "I'm sorry to say the team has decided to go with another candidate.",
          'r7',
        ),
        'r7.eml',
      );
      expect(report.items[0]).toMatchObject({ applicationId: ids.hv, kind: 'rejection' });
      expect(report.items[0]!.matchReasons).toEqual(['sent by h.cole.recruits@gmail.com, a contact there']);
    });

    it('moves a sender confirmed again for another company, counting confirmations', async () => {
      const restored = await openTestContext(database, new Date('2026-07-20T10:00:00Z'));
      try {
        const { db, workspaceId } = restored.ctx;
        await rememberMailSender(db, workspaceId, 'agency.example', 'Acme', '2026-07-01T00:00:00.000Z');
        await rememberMailSender(db, workspaceId, 'agency.example', 'Globex', '2026-07-02T00:00:00.000Z');
        expect(await listMailSenders(db, workspaceId)).toEqual([
          {
            sender: 'agency.example',
            company: 'Globex',
            confirmations: 2,
            updatedAt: '2026-07-02T00:00:00.000Z',
          },
        ]);
      } finally {
        await restored.store.close();
      }
    });

    it('keeps confirmed senders and match reasons through a backup', async () => {
      const backup = await exportBackup(ctx);
      const restored = await openTestContext(database, new Date('2026-07-20T10:00:00Z'));
      try {
        await importBackup(restored.ctx, JSON.parse(JSON.stringify(backup)));
        expect(await listMailSenders(restored.ctx.db, restored.ctx.workspaceId)).toHaveLength(2);
        const queued = await listMailReview(restored.ctx, 'all');
        expect(queued.some((m) => m.matchReasons.includes('text names Northwind Analytics'))).toBe(true);
      } finally {
        await restored.store.close();
      }
    });
  });
}
