/**
 * The bad-files corpus over real HTTP, on both databases: every file built to hurt a reader is
 * refused with a 4xx that names the limit it passed, nothing is written, and the server still
 * answers. The soak run (`npm run soak:files`) sends the large forms and times health checks.
 */

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipWithinLimit } from '../../src/io/file-limits.ts';
import { stopWorkers } from '../../src/services/imports/worker-pool.ts';
import type { Store } from '../../src/store/connect.ts';
import { buildTestApp, openTestContext, type TestApp } from '../support/context.ts';
import { databases } from '../support/databases.ts';
import { type BadFile, badFiles, deepHtml, paddedDocx, trackerCsv } from './generate.ts';

const headers = { host: 'localhost:4477' };

/** Rows a refused file could have left behind. */
export async function writtenRows(store: Store): Promise<number> {
  let total = 0;
  for (const table of ['applications', 'application_events', 'mail_messages', 'resume_versions'] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

export function send(app: TestApp, file: BadFile) {
  return app.inject({
    method: 'POST',
    url: file.route,
    headers,
    payload: { filename: file.filename, contentBase64: file.bytes.toString('base64') },
  });
}

let files: BadFile[];
beforeAll(async () => {
  files = await badFiles({ large: false });
}, 120_000);
afterAll(() => stopWorkers());

for (const database of databases) {
  describe(`bad files on ${database.name}`, () => {
    let app: TestApp;
    let store: Store;
    beforeAll(async () => {
      const opened = await openTestContext(database, new Date('2026-07-20T10:00:00Z'));
      store = opened.store;
      app = await buildTestApp(opened.ctx);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('refuses each with a 4xx naming the limit, writes nothing, and keeps answering', async () => {
      const before = await writtenRows(store);
      const outcomes: string[] = [];
      for (const file of files) {
        const res = await send(app, file);
        const body = res.json() as { error?: { code: string; message: string } };
        outcomes.push(`${file.name}: ${res.statusCode} ${body.error?.message ?? ''}`);
        expect(res.statusCode, file.name).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, file.name).toBeLessThan(500);
        expect(body.error?.message, file.name).toMatch(file.expect);
        expect((await app.inject({ url: '/api/health', headers })).statusCode).toBe(200);
      }
      expect(await writtenRows(store)).toBe(before);
    }, 180_000);

    it('keeps answering while a large file is read off the request thread, and tells how far it is', async () => {
      const csv = trackerCsv(20_000).toString('base64');
      const id = `big-preview-${database.name}`;
      let finished = false;
      const preview = app
        .inject({
          method: 'POST',
          url: '/api/v1/imports/preview',
          headers: { ...headers, 'x-progress-id': id },
          payload: { filename: 'big.csv', contentBase64: csv },
        })
        .then((res) => {
          finished = true;
          return res;
        });
      // Each answer is noted with whether the import had finished by then: before the worker
      // threads, the first health check waited for the whole preview.
      const answeredWhileReading: boolean[] = [];
      const phases = new Set<string>();
      while (!finished && !phases.has('reading') && !phases.has('checking')) {
        const health = await app.inject({ url: '/api/health', headers });
        answeredWhileReading.push(health.statusCode === 200 && !finished);
        const progress = await app.inject({ url: `/api/v1/imports/progress/${id}`, headers });
        if (progress.statusCode === 200) phases.add(progress.json().phase);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(answeredWhileReading[0]).toBe(true);
      expect([...phases].some((p) => ['reading', 'checking'].includes(p))).toBe(true);
      const res = await preview;
      expect(res.statusCode).toBe(200);
      expect(res.json().counts.toCreate).toBe(20_000);
      const after = await app.inject({ url: `/api/v1/imports/progress/${id}`, headers });
      expect(after.json()).toMatchObject({ phase: 'done' });
      expect((await app.inject({ url: '/api/v1/imports/progress/unknown-id-1', headers })).statusCode).toBe(
        404,
      );
    }, 120_000);

    it('takes a 7.9 MB resume, under the 8 MB limit, instead of refusing the body as too large', async () => {
      const resume = unzipWithinLimit(
        readFileSync(new URL('../fixtures/resumes/resume.docx', import.meta.url)),
        () => true,
      )!;
      const docx = paddedDocx(resume, 7.9 * 1024 * 1024);
      expect(docx.length).toBeGreaterThan(7.8 * 1024 * 1024);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/resume/import',
        headers,
        payload: { filename: 'resume.docx', contentBase64: docx.toString('base64') },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    });

    it('reads a page nested 8,000 elements deep instead of overflowing the stack', async () => {
      const html = deepHtml(8_000);
      expect(html.length).toBeGreaterThan(80_000);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/imports/job-page',
        headers,
        payload: { html },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().fields.jobDescription).toContain('Responsibilities and requirements of the role');
    });
  });
}
