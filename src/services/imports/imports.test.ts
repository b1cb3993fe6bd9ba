import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import type { Store } from '../../store/connect.ts';
import { getApplicationOrThrow, listApplications } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import type { ServiceContext } from '../context.ts';
import { listActionItems } from '../recovery/post-mortem.ts';
import { exportApplicationsCsv } from './csv-export.ts';
import { applyMailMessage, dismissMailMessage, importMailFile, listMailReview } from './mail-import.ts';
import { commitSpreadsheetImport, previewSpreadsheetImport } from './spreadsheet-import.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/imports/${name}`, import.meta.url)));
const mailFixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/mail/${name}`, import.meta.url)));
const sharedMail = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/mail/email-agent/${name}`, import.meta.url)));
const csv = (text: string) => new TextEncoder().encode(text);

for (const database of databases) {
  describe(`getting data in on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    const fresh = async () => {
      await store.close();
      ({ store, ctx } = await openTestContext(database, new Date('2026-07-20T10:00:00Z')));
    };
    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, new Date('2026-07-20T10:00:00Z')));
    });
    afterAll(async () => store.close());

    it('previews then imports a tracker CSV with stages, outcomes and a history insights can read', async () => {
      const file = csv(
        'Company,Job Title,Date Applied,Status,Date Closed,Job Link\n' +
          'Northwind,Data Analyst,2026-05-02,Phone screen,,https://jobs.example.com/1\n' +
          'Fabrikam,Backend Engineer,2026-05-03,Rejected after final round,2026-06-10,\n' +
          'Contoso,SRE,2026-05-04,Offer,,\n',
      );
      const preview = await previewSpreadsheetImport(ctx, file, 'tracker.csv');
      expect(preview.toCreate.map((r) => [r.line, r.application.stage, r.application.outcome])).toEqual([
        [2, 'screening', null],
        [3, 'interviewing', 'rejected'],
        [4, 'offer', null],
      ]);
      expect(preview.stageLabels).toContainEqual({
        label: 'Rejected after final round',
        stage: 'interviewing',
        outcome: 'rejected',
        rows: 1,
      });
      expect(
        (await listApplications(ctx, { status: 'all', sort: 'updated', limit: 10, offset: 0 })).total,
      ).toBe(0);

      const report = await commitSpreadsheetImport(ctx, file, 'tracker.csv');
      expect(report.created).toBe(3);
      const fab = await getApplicationOrThrow(ctx, report.applicationIds[1]!);
      expect(fab).toMatchObject({
        company: 'Fabrikam',
        stage: 'interviewing',
        furthestStage: 'interviewing',
        outcome: 'rejected',
        closedOn: '2026-06-10',
        appliedOn: '2026-05-03',
      });
      expect(fab.events.map((e) => [e.type, e.occurredOn])).toEqual([
        ['created', '2026-05-03'],
        ['outcome_set', '2026-06-10'],
      ]);
      const north = await getApplicationOrThrow(ctx, report.applicationIds[0]!);
      expect(north).toMatchObject({ stage: 'screening', jobUrl: 'https://jobs.example.com/1' });

      // Importing the same file again adds nothing.
      const again = await commitSpreadsheetImport(ctx, file, 'tracker.csv');
      expect(again.created).toBe(0);
      expect(again.skippedDuplicates.map((d) => [d.line, d.reason])).toEqual([
        [2, 'already in Rebound'],
        [3, 'already in Rebound'],
        [4, 'already in Rebound'],
      ]);
      expect(
        (await listApplications(ctx, { status: 'all', sort: 'updated', limit: 10, offset: 0 })).total,
      ).toBe(3);
    });

    it('reads the quirky real-world files: BOM, UTF-16, Windows-1252, semicolons, tabs, quoted newlines', async () => {
      await fresh();
      const files = [
        'linkedin-job-applications.csv',
        'template-utf16.txt',
        'template-windows-1252.csv',
        'huntr-semicolon.csv',
        'teal-export.tsv',
        'quoted-newlines.csv',
      ];
      const created: Record<string, number> = {};
      for (const f of files)
        created[f] = (await commitSpreadsheetImport(ctx, fixture(f), f, { skipInvalid: true })).created;
      expect(created).toEqual({
        'linkedin-job-applications.csv': 3,
        'template-utf16.txt': 2,
        'template-windows-1252.csv': 2,
        'huntr-semicolon.csv': 3,
        'teal-export.tsv': 3,
        'quoted-newlines.csv': 3,
      });
      const all = (
        await listApplications(ctx, { status: 'all', limit: 100, offset: 0, sort: 'company', order: 'asc' })
      ).items;
      expect(all.map((a) => a.company)).toEqual(
        expect.arrayContaining([
          'Société Générale',
          'Müller & Söhne',
          'Northwind Traders',
          "Margie's Travel",
        ]),
      );
      const margie = all.find((a) => a.company === "Margie's Travel")!;
      expect(margie).toMatchObject({ outcome: 'ghosted', appliedOn: '2023-07-06' });
      const muller = all.find((a) => a.company === 'Müller & Söhne')!;
      expect(muller).toMatchObject({ stage: 'interviewing', appliedOn: '2023-07-08' });
    });

    it('is all or nothing by default, and skips unreadable rows only when asked', async () => {
      await fresh();
      const file = fixture('problem-rows.csv');
      const preview = await previewSpreadsheetImport(ctx, file, 'problem-rows.csv');
      expect(preview.invalid.map((e) => e.line)).toEqual([3, 4, 5, 6]);
      expect(preview.invalid[2]!.message).toBe('line 5: unknown stage "Interveiw" (column "Status")');
      expect(preview.duplicates.map((d) => d.line)).toEqual([7]);
      await expect(commitSpreadsheetImport(ctx, file, 'problem-rows.csv')).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining(
          '4 row(s) of problem-rows.csv cannot be imported, so nothing was imported: line 3: company is empty',
        ),
      });
      expect(
        (await listApplications(ctx, { status: 'all', sort: 'updated', limit: 10, offset: 0 })).total,
      ).toBe(0);
      const report = await commitSpreadsheetImport(ctx, file, 'problem-rows.csv', { skipInvalid: true });
      expect(report.created).toBe(1);
      expect(report.skippedInvalid.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    });

    it('suggests mapping the status when refused rows fail only on an unknown status label', async () => {
      await fresh();
      const file = csv(
        'Company,Role,Date Applied,Status\n' +
          'Tailspin,QA Lead,2026-06-01,Interveiw\n' +
          ',SRE,2026-06-02,Applied\n' +
          'Contoso,Analyst,2026-06-03,Interveiw\n' +
          ',Designer,2026-06-04,Ofer\n',
      );
      const refusal = commitSpreadsheetImport(ctx, file, 'typo.csv');
      await expect(refusal).rejects.toMatchObject({ code: 'invalid_input' });
      const message = ((await refusal.catch((e: Error) => e)) as Error).message;
      expect(message).toMatch(/^4 row\(s\) of typo.csv cannot be imported, so nothing was imported: /);
      // Line 5 also has no company, so only lines 2 and 4 fail on the status alone.
      expect(message).toMatch(
        / 2 of them only have a status Rebound does not know \("Interveiw"\): map the status in the preview\.$/,
      );
      const cli = commitSpreadsheetImport(ctx, file, 'typo.csv', {
        mapStatusHint: (labels) => labels.map((l) => `--stage "${l}=stage"`).join(' '),
      });
      await expect(cli).rejects.toThrow(/\(skip invalid rows\)\. 2 of them .*: --stage "Interveiw=stage"\.$/);

      const companyOnly = csv('Company,Role,Status\n,SRE,Applied\n');
      await expect(commitSpreadsheetImport(ctx, companyOnly, 'plain.csv')).rejects.toThrow(
        /\(skip invalid rows\)\.$/,
      );
    });

    it("reads status labels the user's way: a mapped typo imports at its stage with its history", async () => {
      await fresh();
      const file = csv(
        'Company,Role,Date Applied,Status,Date Closed\n' +
          'Tailspin,QA Lead,2026-06-01,Interveiw,\n' +
          'Contoso,SRE,2026-06-02,No response,2026-07-01\n' +
          'Fabrikam,Analyst,2026-06-03,Phone screen,\n',
      );
      const guessed = await previewSpreadsheetImport(ctx, file, 'typo.csv');
      expect(guessed.invalid).toEqual([
        { line: 2, message: 'line 2: unknown stage "Interveiw" (column "Status")' },
      ]);

      // The user reads "Interveiw" as an interview and "No response" as a rejection at the screening.
      const stageMap = {
        interveiw: { stage: 'interviewing' },
        'No response': { stage: 'screening', outcome: 'rejected' },
      };
      const preview = await previewSpreadsheetImport(ctx, file, 'typo.csv', { stageMap });
      expect(preview.invalid).toEqual([]);
      expect(preview.stageLabels).toEqual([
        { label: 'Interveiw', stage: 'interviewing', outcome: null, rows: 1 },
        { label: 'No response', stage: 'screening', outcome: 'rejected', rows: 1 },
        { label: 'Phone screen', stage: 'screening', outcome: null, rows: 1 },
      ]);

      const report = await commitSpreadsheetImport(ctx, file, 'typo.csv', { stageMap });
      expect(report.created).toBe(3);
      const tailspin = await getApplicationOrThrow(ctx, report.applicationIds[0]!);
      expect(tailspin).toMatchObject({ stage: 'interviewing', furthestStage: 'interviewing', outcome: null });
      expect(tailspin.events.map((e) => [e.type, e.occurredOn])).toEqual([['created', '2026-06-01']]);
      const contoso = await getApplicationOrThrow(ctx, report.applicationIds[1]!);
      expect(contoso).toMatchObject({ stage: 'screening', furthestStage: 'screening', outcome: 'rejected' });
      expect(contoso.events.map((e) => [e.type, e.occurredOn])).toEqual([
        ['created', '2026-06-02'],
        ['outcome_set', '2026-07-01'],
      ]);
    });

    it('refuses a stage map naming a stage or outcome Rebound does not have, naming the label', async () => {
      const file = csv('Company,Role,Status\nTailspin,QA Lead,Interveiw\n');
      await expect(
        previewSpreadsheetImport(ctx, file, 'typo.csv', { stageMap: { Interveiw: { stage: 'interview' } } }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message:
          'stageMap.Interveiw: unknown stage "interview" (stages: saved, applied, screening, interviewing, offer, accepted)',
        details: [{ path: 'stageMap.Interveiw' }],
      });
      await expect(
        commitSpreadsheetImport(ctx, file, 'typo.csv', {
          stageMap: { Interveiw: { stage: 'applied', outcome: 'lost' } },
        }),
      ).rejects.toThrow('stageMap.Interveiw: unknown outcome "lost"');
    });

    it('reads .xlsx, refuses a truncated one and a file with no recognisable columns, and takes a mapping override', async () => {
      await fresh();
      const xlsx = await previewSpreadsheetImport(ctx, fixture('tracker.xlsx'), 'tracker.xlsx');
      expect(xlsx.toCreate.length).toBeGreaterThan(0);
      expect(xlsx.invalid).toEqual([]);
      await expect(
        previewSpreadsheetImport(ctx, fixture('tracker-truncated.xlsx'), 'tracker-truncated.xlsx'),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('could not read the .xlsx file'),
      });
      const nocols = fixture('no-recognisable-columns.csv');
      const p = await previewSpreadsheetImport(ctx, nocols, 'nocols.csv');
      expect(p.mapping.missing).toEqual(['company', 'role']);
      await expect(commitSpreadsheetImport(ctx, nocols, 'nocols.csv', { skipInvalid: true })).rejects.toThrow(
        'nocols.csv: line 1: no column for the company and role (columns found: "Foo", "Bar", "Baz"). Choose the columns with a mapping (--map company=Column).',
      );
      const mapped = await commitSpreadsheetImport(ctx, nocols, 'nocols.csv', {
        mapping: { company: 'Foo', role: 'bar' },
      });
      expect(mapped.created).toBe(2);
      await expect(
        previewSpreadsheetImport(ctx, nocols, 'nocols.csv', { mapping: { company: 'Employer' } }),
      ).rejects.toThrow('mapping.company: no column "Employer" in this file (columns: "Foo", "Bar", "Baz")');
    });

    it('imports the shared e-mails: a sure rejection closes its application, the rest are queued or set aside, twice is a no-op', async () => {
      await fresh();
      const corp = await createTestApplication(ctx, {
        company: 'Example Corp',
        role: 'Software Engineer',
        appliedOn: '2026-06-20',
      });
      const startup = await createTestApplication(ctx, {
        company: 'Example Startup',
        role: 'Software Engineer',
        appliedOn: '2026-06-25',
      });
      const rejection = await importMailFile(ctx, sharedMail('rejection.eml'), 'rejection.eml');
      expect(rejection.items[0]).toMatchObject({
        kind: 'rejection',
        status: 'applied',
        applicationId: corp.id,
        action: 'outcome_set rejected',
      });
      expect(await getApplicationOrThrow(ctx, corp.id)).toMatchObject({
        outcome: 'rejected',
        closedOn: '2026-07-09',
      });

      const interview = await importMailFile(ctx, sharedMail('interview.eml'), 'interview.eml');
      expect(interview.items[0]).toMatchObject({
        kind: 'interview',
        status: 'applied',
        applicationId: startup.id,
      });
      const s = await getApplicationOrThrow(ctx, startup.id);
      expect(s).toMatchObject({ stage: 'interviewing', lastResponseOn: '2026-07-07' });
      // The invitation waits on the user: a task to answer with their availability.
      const tasks = await listActionItems(ctx, { status: 'open', applicationId: startup.id });
      expect(tasks.map((t) => t.text)).toContain(
        `Reply to ${s.company} with your availability for the interview`,
      );

      const promo = await importMailFile(ctx, sharedMail('prompt-injection.eml'), 'prompt-injection.eml');
      expect(promo.items[0]).toMatchObject({ kind: 'other', status: 'dismissed' });
      // No application at "Example Company": the offer waits for a person.
      const offer = await importMailFile(ctx, sharedMail('offer.eml'), 'offer.eml');
      expect(offer.items[0]).toMatchObject({ kind: 'offer', status: 'pending' });

      const twice = await importMailFile(ctx, sharedMail('rejection.eml'), 'rejection.eml');
      expect(twice).toMatchObject({ messages: 1, applied: 0, alreadyImported: 1 });
      expect(
        (await getApplicationOrThrow(ctx, corp.id)).events.filter((e) => e.type === 'outcome_set'),
      ).toHaveLength(1);

      const queue = await listMailReview(ctx);
      expect(queue.map((m) => m.subject)).toEqual(['Offer of Employment - Software Engineer']);
      const other = await createTestApplication(ctx, {
        company: 'Example Company',
        role: 'Software Engineer',
        appliedOn: '2026-07-01',
      });
      const applied = await applyMailMessage(ctx, queue[0]!.id, { applicationId: other.id });
      expect(applied).toMatchObject({ status: 'applied', applicationId: other.id });
      expect(await getApplicationOrThrow(ctx, other.id)).toMatchObject({
        stage: 'offer',
        lastResponseOn: '2026-07-09',
      });
      await expect(dismissMailMessage(ctx, queue[0]!.id)).rejects.toThrow('This e-mail was already applied.');
      await expect(applyMailMessage(ctx, 'nope', {})).rejects.toMatchObject({
        code: 'mail_message_not_found',
      });
    });

    it('imports an mbox with a broken message in the middle: the rest are read, the broken one reported', async () => {
      await fresh();
      await createTestApplication(ctx, {
        company: 'Harborpoint',
        role: 'Data Engineer',
        appliedOn: '2024-03-01',
      });
      const lumen = await createTestApplication(ctx, {
        company: 'Lumenwave',
        role: 'Data Engineer',
        appliedOn: '2024-03-01',
      });
      const report = await importMailFile(ctx, mailFixture('broken-middle.mbox'), 'broken-middle.mbox');
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({ index: 2 });
      expect(report.errors[0]!.message).toMatch(/^message 2 \(line \d+\)/);
      expect(report.items.map((i) => [i.index, i.kind])).toEqual([
        [1, 'acknowledgement'],
        [3, 'rejection'],
      ]);
      // An acknowledgement is a note, not an employer response: the ghosting clock keeps running.
      const l = await getApplicationOrThrow(ctx, lumen.id);
      expect(l.lastResponseOn).toBeNull();
      expect(l.events.at(-1)).toMatchObject({ type: 'note' });
    });

    it('exports applications as injection-safe CSV, and the review queue survives a backup round trip', async () => {
      await fresh();
      await createTestApplication(ctx, {
        company: '=HYPERLINK("http://x")',
        role: 'Engineer, "Platform"',
        notes: '@mention\nsecond line',
      });
      const text = await exportApplicationsCsv(ctx);
      const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header!.startsWith('id,company,role,channel,kind,applied_on,stage,furthest_stage,outcome')).toBe(
        true,
      );
      expect(row).toContain(
        `,"'=HYPERLINK(""http://x"")","Engineer, ""Platform""",job_board,job,2026-07-20,applied,applied,,`,
      );
      expect(text).toContain(`"'@mention\nsecond line"`);

      await importMailFile(ctx, sharedMail('offer.eml'), 'offer.eml');
      const backup = await exportBackup(ctx);
      expect((backup.sections.imports as { mailMessages: unknown[] }).mailMessages).toHaveLength(1);
      await fresh();
      await importBackup(ctx, backup);
      const again = await exportBackup(ctx);
      expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
      expect((await importMailFile(ctx, sharedMail('offer.eml'), 'offer.eml')).alreadyImported).toBe(1);
    });
  });
}
