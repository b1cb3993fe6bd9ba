import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractJobPosting } from './job-page.ts';

const page = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/job-boards/${name}`, import.meta.url), 'utf8');

/** Each board's page as a signed-in browser shows it (no JSON-LD), and where it lives. */
const BOARDS = [
  {
    file: 'linkedin.html',
    url: 'https://www.linkedin.com/jobs/view/3998877/',
    board: 'linkedin',
    fields: {
      company: 'Northwind Analytics',
      role: 'Data Analyst',
      location: 'Berlin, Germany',
      workMode: 'hybrid',
    },
    says: 'Build dashboards for ridership',
  },
  {
    file: 'indeed.html',
    url: 'https://www.indeed.com/viewjob?jk=a1b2c3',
    board: 'indeed',
    fields: {
      company: 'Bluefin Logistics',
      role: 'Backend Developer',
      location: 'Austin, TX 78701',
      workMode: 'onsite',
    },
    says: '- Design and run Go services on Postgres',
  },
  {
    file: 'greenhouse.html',
    url: 'https://job-boards.greenhouse.io/tidewater/jobs/7001',
    board: 'greenhouse',
    fields: {
      company: 'Tidewater Systems',
      role: 'Site Reliability Engineer',
      location: 'Remote - Canada',
      workMode: 'remote',
    },
    says: 'Automate Kubernetes upgrades',
  },
  {
    file: 'lever.html',
    url: 'https://jobs.lever.co/harbor-health/9f1c',
    board: 'lever',
    fields: {
      company: 'Harbor Health',
      role: 'Product Designer',
      location: 'London, United Kingdom',
      workMode: 'hybrid',
    },
    says: 'Test prototypes with patients',
  },
  {
    file: 'workday.html',
    url: 'https://lakeshore.wd5.myworkdayjobs.com/en-US/Careers/job/Chicago-IL/Staff-Accountant_R-2291',
    board: 'workday',
    fields: {
      company: 'Lakeshore Foods',
      role: 'Staff Accountant',
      location: 'Chicago, IL',
      workMode: 'hybrid',
    },
    says: 'Close the books each month',
  },
  {
    file: 'ashby.html',
    url: 'https://jobs.ashbyhq.com/ferncrest/5e0d',
    board: 'ashby',
    fields: {
      company: 'Ferncrest',
      role: 'Machine Learning Engineer',
      location: 'Amsterdam',
      workMode: 'hybrid',
    },
    says: 'Train and ship segmentation models',
  },
] as const;

describe('job boards by their page structure', () => {
  for (const b of BOARDS) {
    it(`reads ${b.board}`, () => {
      const r = extractJobPosting(page(b.file), b.url);
      expect(r).toMatchObject({ found: true, source: 'board', board: b.board, channel: 'job_board' });
      expect(r.fields).toMatchObject({ ...b.fields, jobUrl: b.url });
      expect(r.fields.jobDescription).toContain(b.says);
      // The header, buttons and navigation around the description stay out of it.
      expect(r.fields.jobDescription).not.toMatch(/Easy Apply|Apply for this job|Messaging|Find jobs/);
    });
  }

  it('knows a board page saved under a custom careers domain by its structure', () => {
    const r = extractJobPosting(page('workday.html'), 'https://careers.lakeshorefoods.example/job/R-2291');
    expect(r).toMatchObject({ source: 'board', board: 'workday', channel: 'direct_outreach' });
    expect(r.fields.role).toBe('Staff Accountant');
  });

  it('prefers JSON-LD, then falls back to readable text', () => {
    const ld = extractJobPosting(page('json-ld.html'), 'https://copperleaf.example/careers/frontend');
    expect(ld).toMatchObject({
      source: 'json-ld',
      fields: {
        company: 'Copperleaf Studio',
        role: 'Frontend Engineer',
        location: 'Lyon, FR',
        salaryMin: 52000,
      },
    });
    const plain = extractJobPosting(page('plain.html'), 'https://pebblepost.example/careers/support');
    expect(plain).toMatchObject({
      source: 'text',
      fields: { company: 'Pebble Post', role: 'Support Engineer', location: 'Dublin, Ireland' },
    });
  });

  it('does not take a page that only names a board class for a job', () => {
    const r = extractJobPosting('<html><body><div class="posting-headline"></div><p>Hello</p></body></html>');
    expect(r.found).toBe(false);
  });
});
