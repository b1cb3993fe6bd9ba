import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJobPage, importJobPage, jobPageToApplicationInput } from './job-page-import.ts';
import { startPageServer } from './test-page-server.ts';

const page = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/job-pages/${name}`, import.meta.url));

describe('job page import', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => ({ base, server } = await startPageServer()));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page and reads its JSON-LD posting into application fields', async () => {
    const extract = await importJobPage({ url: `${base}/ats-graph.html` });
    expect(extract.source).toBe('json-ld');
    expect(jobPageToApplicationInput(extract)).toMatchObject({
      company: 'Quillfeather Labs',
      role: 'Senior Platform Engineer',
      workMode: 'remote',
      salaryMin: 70000,
      salaryMax: 90000,
      salaryCurrency: 'EUR',
      jobDescription: expect.stringContaining('Own our Kubernetes clusters'),
    });
  });

  it('falls back to the page text when there is no posting data', async () => {
    const extract = await importJobPage({ url: `${base}/careers-text.html` });
    expect(extract.source).toBe('text');
    expect(jobPageToApplicationInput(extract).role).toBeTruthy();
  });

  it('names the status of a failed fetch, refuses pages without a job, oversize pages and non-web addresses', async () => {
    await expect(importJobPage({ url: `${base}/missing.html` })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: `Could not fetch ${base}/missing.html: the site answered 404 Not Found.`,
    });
    await expect(importJobPage({ url: `${base}/blog-post.html` })).rejects.toMatchObject({
      code: 'no_job_posting',
      message: expect.stringMatching(/^No job posting found on this page: /),
    });
    await expect(importJobPage({ html: page('blog-post.html').toString('utf8') })).rejects.toMatchObject({
      code: 'no_job_posting',
    });
    await expect(fetchJobPage(`${base}/big`)).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(fetchJobPage('file:///etc/passwd')).rejects.toThrow('url: must be an http(s) URL');
  });
});
