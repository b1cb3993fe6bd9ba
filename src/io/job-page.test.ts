import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractJobPosting, guessChannelFromUrl, htmlToPlainText } from './job-page.ts';

const page = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/job-pages/${name}`, import.meta.url), 'utf8');

describe('extractJobPosting', () => {
  it('reads a JobPosting inside @graph, with escaped HTML in the description', () => {
    const r = extractJobPosting(
      page('ats-graph.html'),
      'https://boards.greenhouse.io/quillfeather/jobs/4471',
    );
    expect(r).toMatchObject({
      found: true,
      source: 'json-ld',
      channel: 'job_board',
      employmentType: 'FULL_TIME',
      fields: {
        company: 'Quillfeather Labs',
        role: 'Senior Platform Engineer',
        location: 'Lisbon, PT; Porto, Portugal',
        workMode: 'remote',
        salaryMin: 70000,
        salaryMax: 90000,
        salaryCurrency: 'EUR',
        jobUrl: 'https://boards.greenhouse.io/quillfeather/jobs/4471',
      },
    });
    expect(r.fields.jobDescription).toBe(
      'We run the build farm & deploy tooling for 40 teams.\n\nWhat you will do\n\n- Own our Kubernetes clusters\n- Make CI fast',
    );
  });

  it('reads a JobPosting from a top-level array and annualises an hourly wage', () => {
    const r = extractJobPosting(page('array-hourly.html'), 'https://careers.brightpath.example/jobs/88');
    expect(r.fields).toMatchObject({
      company: 'Brightpath Logistics',
      role: 'Warehouse Team Lead (Nights)',
      location: 'Leeds, West Yorkshire, GB',
      workMode: 'onsite',
      salaryMin: 32240,
      salaryMax: 32240,
      salaryCurrency: 'GBP',
      jobUrl: 'https://careers.brightpath.example/jobs/88',
    });
    expect(r.employmentType).toBe('PART_TIME, TEMPORARY');
    expect(r.channel).toBe('direct_outreach');
    expect(r.fields.jobDescription).not.toContain('<p>');
  });

  it('falls back to the readable text of a careers page without JSON-LD', () => {
    const r = extractJobPosting(page('careers-text.html'));
    expect(r).toMatchObject({
      found: true,
      source: 'text',
      channel: 'direct_outreach',
      fields: {
        role: 'Product Analyst',
        company: 'Orchard Row',
        location: 'Utrecht, Netherlands (hybrid, two days in the office)',
        workMode: 'hybrid',
        jobUrl: 'https://orchardrow.example/careers/product-analyst',
      },
    });
    expect(r.fields.jobDescription).toContain('- SQL you are proud of');
    expect(r.fields.jobDescription).not.toContain('tracking');
    expect(r.fields.jobDescription).not.toContain('Home');
  });

  it('ignores JSON-LD it cannot parse and reads the text instead', () => {
    const r = extractJobPosting(page('broken-jsonld.html'));
    expect(r).toMatchObject({
      found: true,
      source: 'text',
      fields: { role: 'Support Engineer', company: 'Tidewater Systems' },
    });
  });

  it('says why when the page holds no job', () => {
    const r = extractJobPosting(page('blog-post.html'), 'https://bakes.example/sourdough');
    expect(r.found).toBe(false);
    expect(r.reason).toMatch(/no job posting/);
    expect(r.fields.role).toBeNull();
  });
});

describe('guessChannelFromUrl', () => {
  it('tells job boards from company sites', () => {
    expect(guessChannelFromUrl('https://www.indeed.com/viewjob?jk=1')).toBe('job_board');
    expect(guessChannelFromUrl('https://jobs.lever.co/acme/2')).toBe('job_board');
    expect(guessChannelFromUrl('https://www.glassdoor.co.uk/job-listing/x')).toBe('job_board');
    expect(guessChannelFromUrl('https://acme.com/careers/3')).toBe('direct_outreach');
    expect(guessChannelFromUrl(undefined)).toBe('other');
  });
});

describe('htmlToPlainText', () => {
  it('keeps paragraphs and lists, drops scripts and styles, decodes entities', () => {
    const html =
      '<style>p{}</style><h2>Hi &amp; welcome</h2><p>We&#8217;re glad.<br>Line two</p><ul><li>one</li><li>two</li></ul><script>x()</script>';
    expect(htmlToPlainText(html)).toBe('Hi & welcome\n\nWe’re glad.\nLine two\n\n- one\n- two');
  });
});
