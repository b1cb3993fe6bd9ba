import { describe, expect, it } from 'vitest';
import { guessChannelFromSource, guessChannelFromUrl } from './channel.ts';
import { dedupeKey, normaliseUrl } from './dedupe-key.ts';
import { guessMapping } from './guess-mapping.ts';
import { buildImportPreview, type ImportTable } from './import-preview.ts';
import { parseSalary } from './salary.ts';

const today = '2024-06-01';
function preview(headers: string[], ...rows: string[][]) {
  const table: ImportTable = { headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
  return buildImportPreview(table, guessMapping(headers), { today });
}

describe('buildImportPreview', () => {
  it('turns a row into application fields, stage and outcome', () => {
    const p = preview(
      ['Company', 'Role', 'Status', 'Date Applied', 'Link', 'Location', 'Salary', 'Tags', 'Source', 'Notes'],
      [
        'Acme',
        'Engineer',
        'Rejected',
        '2024-05-02',
        'https://jobs.lever.co/acme/1',
        'Remote (EU)',
        '$120k - $140k',
        'backend; go',
        'Referral from Sam',
        'kind people',
      ],
    );
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({
      line: 2,
      application: {
        fields: {
          company: 'Acme',
          role: 'Engineer',
          jobUrl: 'https://jobs.lever.co/acme/1',
          location: 'Remote (EU)',
          workMode: 'remote',
          salaryMin: 120000,
          salaryMax: 140000,
          salaryCurrency: 'USD',
          notes: 'kind people',
          channel: 'referral',
          kind: 'job',
          appliedOn: '2024-05-02',
          tags: ['backend', 'go'],
        },
        stage: 'applied',
        outcome: 'rejected',
        outcomeOn: today,
      },
    });
  });

  it('keeps a company website column as its domain, and leaves out a cell that is not one', () => {
    const p = preview(
      ['Company', 'Role', 'Company Website'],
      ['Halvorsen Motors', 'Engineer', 'https://www.HVM.com/careers'],
      ['Quire', 'Writer', 'ask Sam'],
    );
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.application.fields.website)).toEqual(['hvm.com', null]);
  });

  it('uses a closed-date column for the outcome day', () => {
    const p = preview(
      ['Company', 'Role', 'Status', 'Rejection date'],
      ['Acme', 'Engineer', 'Rejected', '2024-05-20'],
    );
    expect(p.rows[0]!.application.outcomeOn).toBe('2024-05-20');
  });

  it('names the line and column of an empty company or role and of an unknown stage', () => {
    const p = preview(
      ['Company', 'Role', 'Status'],
      ['', 'Engineer', 'Applied'],
      ['Acme', '  ', 'Applied'],
      ['Acme', 'SRE', 'Interveiw'],
    );
    expect(p.rows).toEqual([]);
    expect(p.errors).toEqual([
      { line: 2, message: 'line 2: company is empty (column "Company")' },
      { line: 3, message: 'line 3: role is empty (column "Role")' },
      { line: 4, message: 'line 4: unknown stage "Interveiw" (column "Status")' },
    ]);
  });

  it('without a status column, a row with an applied date is applied and one without is the default', () => {
    const p = preview(['Company', 'Role', 'Applied'], ['Acme', 'A', '2024-01-02'], ['Acme', 'B', '']);
    expect(p.rows.map((r) => r.application.stage)).toEqual(['applied', 'applied']);
    const saved = buildImportPreview(
      {
        headers: ['Saved Date', 'Job Url', 'Job Title', 'Company Name'],
        rows: [{ line: 2, cells: ['6/1/24', 'https://www.linkedin.com/jobs/view/1', 'Dev', 'Acme'] }],
      },
      guessMapping(['Saved Date', 'Job Url', 'Job Title', 'Company Name']),
      { today },
    );
    expect(saved.layout?.id).toBe('linkedin-saved-jobs');
    expect(saved.rows[0]!.application).toMatchObject({
      stage: 'saved',
      savedOn: '2024-06-01',
      fields: { channel: 'job_board' },
    });
  });

  it('reads a Teal status written as a JSON object', () => {
    const p = preview(
      ['id', 'company_name', 'role', 'statusName'],
      ['1', 'Acme', 'Dev', '{"name":"Interviewing"}'],
    );
    expect(p.rows[0]!.application.stage).toBe('interviewing');
  });

  it('gives the same key to the same application however it is written, and reports repeats in one file', () => {
    const a = dedupeKey({
      company: 'Acme, Inc.',
      role: 'Senior  Engineer',
      appliedOn: '2024-01-02',
      jobUrl: 'https://www.acme.com/jobs/1/?utm_source=x',
    });
    const b = dedupeKey({
      company: 'ACME',
      role: 'senior engineer',
      appliedOn: '2024-01-02',
      jobUrl: 'acme.com/jobs/1',
    });
    expect(a).toBe(b);
    expect(a).not.toBe(
      dedupeKey({
        company: 'Acme',
        role: 'Senior Engineer',
        appliedOn: '2024-01-03',
        jobUrl: 'acme.com/jobs/1',
      }),
    );
    const p = preview(['Company', 'Role'], ['Acme', 'Dev'], ['Acme Inc', 'dev']);
    expect(p.rows).toHaveLength(1);
    expect(p.errors).toEqual([{ line: 3, message: 'line 3: same application as line 2' }]);
  });

  it('reports a file whose columns it cannot place', () => {
    const p = preview(['Foo', 'Bar'], ['1', '2']);
    expect(p.rows).toEqual([]);
    expect(p.errors[0]!.message).toBe(
      'line 1: no column for the company and role (columns found: "Foo", "Bar")',
    );
  });
});

describe('channel guesses', () => {
  it('treats job boards and ATS hosts as job_board, other sites as the company itself', () => {
    expect(guessChannelFromUrl('https://www.linkedin.com/jobs/view/1')).toBe('job_board');
    expect(guessChannelFromUrl('https://boards.greenhouse.io/acme/jobs/2')).toBe('job_board');
    expect(guessChannelFromUrl('acme.myworkdayjobs.com/en-US/careers/job/3')).toBe('job_board');
    expect(guessChannelFromUrl('https://careers.acme.com/jobs/4')).toBe('direct_outreach');
    expect(guessChannelFromUrl('')).toBe('other');
    expect(guessChannelFromUrl('not a link')).toBe('other');
  });

  it('reads a free-text source', () => {
    expect(guessChannelFromSource('LinkedIn')).toBe('job_board');
    expect(guessChannelFromSource('Referral from Sam')).toBe('referral');
    expect(guessChannelFromSource('Agency recruiter')).toBe('recruiter');
    expect(guessChannelFromSource('Company website')).toBe('direct_outreach');
    expect(guessChannelFromSource('Meetup')).toBe('networking');
    expect(guessChannelFromSource('???')).toBeNull();
  });
});

describe('parseSalary', () => {
  it.each([
    ['$120,000 - $140,000', { min: 120000, max: 140000, currency: 'USD' }],
    ['120-140k', { min: 120000, max: 140000, currency: null }],
    ['£45k', { min: 45000, max: 45000, currency: 'GBP' }],
    ['€50.000', { min: 50000, max: 50000, currency: 'EUR' }],
    ['CHF 110k–125k', { min: 110000, max: 125000, currency: 'CHF' }],
    ['competitive', { min: null, max: null, currency: null }],
  ])('%s', (input, expected) => {
    expect(parseSalary(input)).toEqual(expected);
  });

  it('normalises links for comparison', () => {
    expect(normaliseUrl('https://www.Acme.com/jobs/1/?utm_source=li&id=7#apply')).toBe(
      'acme.com/jobs/1?id=7',
    );
  });
});
