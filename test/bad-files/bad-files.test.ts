/**
 * The bad-files corpus over real HTTP, on both databases: every file built to hurt a reader is
 * refused with a 4xx that names the limit it passed, nothing is written, and the server still
 * answers. The soak run (`npm run soak:files`) sends the large forms and times health checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWorkers } from '../../src/services/imports/worker-pool.ts';
import type { Store } from '../../src/store/connect.ts';
import { buildTestApp, openTestContext, type TestApp } from '../support/context.ts';
import { databases } from '../support/databases.ts';
import { type BadFile, badFiles, deepHtml } from './generate.ts';

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
