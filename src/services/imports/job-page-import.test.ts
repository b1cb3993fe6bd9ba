import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchFailedMessage,
  fetchJobPage,
  importJobPage,
  jobPageToApplicationInput,
} from './job-page-import.ts';

/** The page server runs on this machine: these tests turn local fetches on, as a local user can. */
const local = { allowLocalAddresses: true };

import { startPageServer } from './test-page-server.ts';

const page = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/job-pages/${name}`, import.meta.url));

describe('job page import', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => ({ base, server } = await startPageServer()));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page and reads its JSON-LD posting into application fields', async () => {
    const extract = await importJobPage({ url: `${base}/ats-graph.html` }, local);
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
    const extract = await importJobPage({ url: `${base}/careers-text.html` }, local);
    expect(extract.source).toBe('text');
    expect(jobPageToApplicationInput(extract).role).toBeTruthy();
  });

  it('names the status of a failed fetch, refuses pages without a job, oversize pages and non-web addresses', async () => {
    await expect(importJobPage({ url: `${base}/missing.html` }, local)).rejects.toMatchObject({
      code: 'fetch_failed',
      message: fetchFailedMessage(`${base}/missing.html`),
    });
    await expect(importJobPage({ url: `${base}/blog-post.html` }, local)).rejects.toMatchObject({
      code: 'no_job_posting',
      message: expect.stringMatching(/^No job posting found on this page: /),
    });
    await expect(importJobPage({ html: page('blog-post.html').toString('utf8') })).rejects.toMatchObject({
      code: 'no_job_posting',
    });
    await expect(fetchJobPage(`${base}/big`, local)).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(fetchJobPage('file:///etc/passwd')).rejects.toThrow('url: must be an http(s) URL');
  });
});
