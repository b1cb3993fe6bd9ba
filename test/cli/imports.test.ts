import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStageFlags } from '../../src/cli/commands/spreadsheet-import.ts';
import { rebound, tempDatabase } from './run.ts';

const SHARED = new URL('../fixtures/mail/email-agent/', import.meta.url);
const JOB_PAGES = new URL('../fixtures/job-pages/', import.meta.url);

describe('rebound import / mail / export --format csv', () => {
  const { dir, db } = tempDatabase('rebound-cli-imports-');

  it('mail classify prints the JSON contract', async () => {
    const res = await rebound(['mail', 'classify', new URL('rejection.eml', SHARED).pathname, '--json']);
    expect(res.code).toBe(0);
    const out = res.json();
    expect(Object.keys(out).sort()).toEqual(['confidence', 'evidence', 'kind']);
    expect(out.kind).toBe('rejection');
    expect(out.confidence).toBeGreaterThan(0.7);
    expect(out.confidence).toBeLessThanOrEqual(1);
    expect(out.evidence.length).toBeGreaterThan(0);
  });

  it('mail import and mail review --why say which phrases and signals decided each mail', async () => {
    const mdb = join(dir, 'mail-why.db');
    for (const role of ['Data Analyst', 'Analytics Engineer'])
      expect(
        (await rebound(['add', '--db', mdb, '--company', 'Northwind Analytics', '--role', role])).code,
      ).toBe(0);
    const recorded = join(dir, 'recorded.eml');
    writeFileSync(
      recorded,
      "From: Northwind Analytics <no-reply@us.greenhouse-mail.io>\nSubject: Analytics Engineer at Northwind Analytics\nMessage-ID: <w1@t>\n\nThank you for applying. You haven't been selected to continue.\n",
    );
    const text = await rebound(['mail', 'import', recorded, '--db', mdb]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('→ applied: outcome_set rejected');
    expect(text.stdout).toContain('reads as it does because it says: "haven\'t been selected"');
    expect(text.stdout).toContain(
      'matched because: sender\'s name says Northwind Analytics; subject names Northwind Analytics; role "Analytics Engineer" named',
    );
    const unsure = join(dir, 'unsure.eml');
    writeFileSync(
      unsure,
      'From: Northwind Analytics <no-reply@us.greenhouse-mail.io>\nSubject: Thank you from Northwind Analytics\nMessage-ID: <w2@t>\n\nUnfortunately we will not be moving forward with your application.\n',
    );
    const json = (await rebound(['mail', 'import', unsure, '--db', mdb, '--json'])).json();
    expect(json.items[0]).toMatchObject({ status: 'pending', applicationId: null });
    expect(json.items[0].matchReasons.at(-1)).toBe(
      'you have 2 applications there and the mail does not say which role',
    );
    const review = await rebound(['mail', 'review', '--db', mdb, '--why']);
    expect(review.stdout).toContain("matched because: sender's name says Northwind Analytics");
    expect(review.stdout).toContain('the mail does not say which role');
  });

  it('imports a tracker CSV through `rebound import`, then exports the applications as CSV', async () => {
    const csv = join(dir, 'tracker.csv');
    writeFileSync(
      csv,
      'Company,Role,Status,Date Applied\nAcme,Engineer,Rejected,2026-01-05\n=cmd(),Analyst,Phone screen,2026-01-06\n,Nobody,Applied,2026-01-07\n',
    );
    const res = await rebound(['import', csv, '--db', db, '--skip-invalid', '--json']);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({
      created: 2,
      skippedInvalid: [{ line: 4, message: 'line 4: company is empty (column "Company")' }],
    });
    const exported = await rebound(['export', '--format', 'csv', '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(',Acme,Engineer,');
    expect(exported.stdout).toContain(`,'=cmd(),Analyst,`);
    expect(exported.stdout).toMatch(/,Acme,Engineer,\w+,job,2026-01-05,applied,applied,rejected,/);
  });

  it('reads status labels the user maps with --stage, and names the flag for a bad one', async () => {
    const csv = join(dir, 'typo.csv');
    writeFileSync(
      csv,
      'Company,Role,Status,Date Applied\nTailspin,QA Lead,Interveiw,2026-01-05\nContoso,SRE,No response,2026-01-06\n',
    );
    const res = await rebound([
      'import',
      csv,
      '--db',
      db,
      '--dry-run',
      '--stage',
      'Interveiw=interviewing',
      '--stage',
      'No response=applied:withdrawn',
      '--json',
    ]);
    expect(res.code).toBe(0);
    const preview = res.json();
    expect(preview.invalid).toEqual([]);
    expect(
      preview.toCreate.map((r: { company: string; stage: string; outcome: string | null }) => [
        r.company,
        r.stage,
        r.outcome,
      ]),
    ).toEqual([
      ['Tailspin', 'interviewing', null],
      ['Contoso', 'applied', 'withdrawn'],
    ]);
    const refused = await rebound(['import', csv, '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('read it your way with --stage "Interveiw=stage"');
    expect(() => parseStageFlags(['Interveiw=interview'])).toThrow(
      '--stage: unknown stage "interview" for "Interveiw"',
    );
    expect(() => parseStageFlags(['No response=applied:silent'])).toThrow(
      '--stage: unknown outcome "silent" for "No response"',
    );
  });

  it('fills `add` from a saved job page, explicit flags winning, and refuses an oversized import before reading it', async () => {
    const added = await rebound([
      'add',
      '--from-html',
      new URL('ats-graph.html', JOB_PAGES).pathname,
      '--role',
      'Platform Engineer',
      '--db',
      db,
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({
      company: 'Quillfeather Labs',
      role: 'Platform Engineer',
      workMode: 'remote',
      salaryCurrency: 'EUR',
    });
    expect(added.json().jobDescription).toContain('Own our Kubernetes clusters');

    const huge = join(dir, 'huge.csv');
    // A sparse 200 MB file: its size is on disk at once, its bytes never need writing.
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);
    const refused = await rebound(['import', huge, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('huge.csv is 200.0 MB; the limit for this import is 50 MB');
  });
});
