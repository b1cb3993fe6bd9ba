import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestContext, type TestApp } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { extractionResponseSchema } from '../core/skills/input.ts';
import { fixedClock } from '../services/context.ts';
import type { Store } from '../store/connect.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/resumes');

for (const database of databases) {
  describe(`skills API on ${database.name}`, () => {
    let store: Store;
    let app: TestApp;
    const clock = fixedClock(new Date('2026-11-10T10:00:00Z'));
    const headers = { host: 'localhost:4477', 'x-rebound': '1' };

    beforeAll(async () => {
      const opened = await openTestContext(database, clock);
      store = opened.store;
      app = await buildTestApp(opened.ctx, store);
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
      app.inject({ method, url, headers, payload: payload as object });
    const get = (url: string) => app.inject({ url, headers });

    it('extracts skills with spans and refuses bad text with a clear message', async () => {
      const res = await send('POST', '/api/v1/skills/extract', {
        text: 'We run Kubernetes and k8s-native tools',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().skills).toEqual([
        {
          name: 'Kubernetes',
          category: 'platform',
          categoryLabel: 'Platforms and infrastructure',
          required: true,
          importance: 'mentioned',
          reason: 'part of the work described',
          sentence: 'We run Kubernetes and k8s-native tools',
          spans: [
            [7, 17],
            [22, 25],
          ],
          matched: ['Kubernetes', 'k8s'],
        },
      ]);
      // The response is what the OpenAPI document says it is.
      expect(extractionResponseSchema.safeParse(res.json()).success).toBe(true);
      const nice = await send('POST', '/api/v1/skills/extract', {
        text: 'You have 3+ years of Python. Terraform would be a bonus.',
      });
      expect(
        nice
          .json()
          .skills.map((s: { name: string; required: boolean; reason: string }) => [
            s.name,
            s.required,
            s.reason,
          ]),
      ).toEqual([
        ['Python', true, 'says "You have"'],
        ['Terraform', false, 'says "bonus"'],
      ]);
      const doc = (await get('/api/openapi.json')).json();
      const documented =
        doc.paths['/api/v1/skills/extract'].post.responses['200'].content['application/json'].schema;
      expect(documented.properties.skills.items.required).toEqual(
        expect.arrayContaining(['name', 'category', 'required', 'spans', 'sentence']),
      );
      const missing = await send('POST', '/api/v1/skills/extract', {});
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toEqual({
        code: 'invalid_input',
        message: 'Invalid body: text: required',
        details: [{ path: 'text', message: 'required' }],
      });
      const binary = await send('POST', '/api/v1/skills/extract', { text: 'abc\u0000def' });
      expect(binary.json().error.message).toBe('text: must not contain a NUL character (\\u0000)');
      const huge = await send('POST', '/api/v1/skills/extract', { text: 'a'.repeat(200_001) });
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.details).toEqual([
        { path: 'text', message: 'is too long: at most 200,000 characters; paste the part that matters' },
      ]);
    });

    it('imports a resume (base64 file or text), adds skills as versions, and lists them', async () => {
      expect((await get('/api/v1/resume')).json()).toMatchObject({ version: null, skills: [] });
      const pdf = readFileSync(join(FIXTURES, 'resume.pdf')).toString('base64');
      const imported = await send('POST', '/api/v1/resume/import', {
        filename: 'resume.pdf',
        contentBase64: pdf,
      });
      expect(imported.statusCode).toBe(201);
      expect(imported.json()).toMatchObject({ version: 'resume-v1', filename: 'resume.pdf' });
      // The text read from the PDF comes back with spans on it, for highlighting.
      const { text, extraction } = imported.json() as {
        text: string;
        extraction: { skills: { name: string; spans: [number, number][] }[] };
      };
      const docker = extraction.skills.find((s) => s.name === 'Docker');
      expect(docker?.spans.map(([start, end]) => text.slice(start, end))).toEqual(['Docker']);
      expect((await get('/api/v1/resume')).json()).toMatchObject({ text, extraction });
      const scanned = readFileSync(join(FIXTURES, 'scanned.pdf')).toString('base64');
      const refused = await send('POST', '/api/v1/resume/import', {
        filename: 'scan.pdf',
        contentBase64: scanned,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'invalid_input',
        message: 'this PDF has no text layer; paste the text instead',
      });
      const added = await send('POST', '/api/v1/resume/skills', { name: 'kubernetes', level: 'expert' });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ version: 'resume-v2', changed: true });
      expect(added.json().skills.at(-1)).toEqual({
        name: 'Kubernetes',
        category: 'platform',
        level: 'expert',
        source: 'manual',
      });
      const badLevel = await send('POST', '/api/v1/resume/skills', { name: 'Go', level: 'guru' });
      expect(badLevel.json().error.details).toEqual([
        { path: 'level', message: 'must be one of: beginner, intermediate, advanced, expert' },
      ]);
      const versions = (await get('/api/v1/resume/versions')).json().items;
      expect(versions.map((v: { label: string }) => v.label)).toEqual(['resume-v2', 'resume-v1']);
    });

    it('scores a job before saving, then per application, and remembers the resume version sent', async () => {
      const jd = 'Requirements:\n- Kubernetes\n- Apache Kafka';
      const score = await send('POST', '/api/v1/skills/score', { jobDescription: jd });
      expect(score.json()).toMatchObject({
        score: 50,
        matched: ['Kubernetes'],
        missing: ['Apache Kafka'],
        resumeVersion: 'resume-v2',
      });
      const created = await send('POST', '/api/v1/applications', {
        company: 'Streamly',
        role: 'Platform Engineer',
        jobDescription: jd,
      });
      const id = created.json().id;
      expect(created.json().resumeVersion).toBe('resume-v2');
      const skills = await get(`/api/v1/applications/${id}/skills`);
      expect(skills.json()).toMatchObject({
        applicationId: id,
        score: 50,
        required: { matched: ['Kubernetes'], missing: ['Apache Kafka'] },
      });
      const picked = await send('PUT', `/api/v1/applications/${id}/resume-version`, {});
      expect(picked.json()).toEqual({ applicationId: id, resumeVersion: 'resume-v2' });
      const unknown = await send('PUT', `/api/v1/applications/${id}/resume-version`, { label: 'resume-v9' });
      expect(unknown.json().error.message).toBe('label: no resume version called resume-v9');
      expect((await get('/api/v1/applications/nope/skills')).statusCode).toBe(404);
    });

    it('ranks gaps, plans one, and finishing it re-scores open applications', async () => {
      const closed = await send('POST', '/api/v1/applications', {
        company: 'Kafkaesque',
        role: 'Data Engineer',
        jobDescription: 'Requirements:\n- Apache Kafka\n- Scala',
      });
      await send('POST', `/api/v1/applications/${closed.json().id}/events`, {
        type: 'outcome_set',
        outcome: 'rejected',
      });
      const gaps = (await get('/api/v1/skills/gaps')).json();
      expect(gaps.gaps.map((g: { skill: string }) => g.skill)).toEqual(
        expect.arrayContaining(['Apache Kafka', 'Scala']),
      );
      expect(gaps.gaps[0].applications[0]).toMatchObject({
        company: 'Kafkaesque',
        role: 'Data Engineer',
        kind: 'job',
      });

      const badKind = await send('POST', '/api/v1/learning-plan', { skill: 'Apache Kafka', kind: 'podcast' });
      expect(badKind.json().error.details).toEqual([
        { path: 'kind', message: 'must be one of: course, certification, project, workshop' },
      ]);
      const planned = await send('POST', '/api/v1/learning-plan', {
        skill: 'Apache Kafka',
        kind: 'course',
        hours: 12,
        targetOn: '2026-12-20',
      });
      expect(planned.statusCode).toBe(201);
      const done = await send('PATCH', `/api/v1/learning-plan/${planned.json().id}`, { status: 'done' });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({
        status: 'done',
        progress: 100,
        completion: { resumeVersion: 'resume-v3', addedToResume: true },
      });
      expect(done.json().completion.rescored).toEqual([
        {
          applicationId: expect.any(String),
          company: 'Streamly',
          role: 'Platform Engineer',
          before: 50,
          after: 100,
        },
      ]);
      expect((await get('/api/v1/learning-plan')).json().items).toHaveLength(1);
      const missing = await send('PATCH', '/api/v1/learning-plan/nope', { progress: 10 });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error).toMatchObject({
        code: 'plan_item_not_found',
        message: 'No learning-plan item with id nope.',
      });
      const badProgress = await send('PATCH', `/api/v1/learning-plan/${planned.json().id}`, {
        progress: 120,
      });
      expect(badProgress.json().error.details).toEqual([{ path: 'progress', message: 'must be 0 to 100' }]);
    });

    it('refuses a custom alias that means another skill with 409, naming it', async () => {
      const res = await send('POST', '/api/v1/skills/custom', { name: 'Kube stuff', aliases: ['k8s'] });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'conflict',
        message: 'alias "k8s" already means Kubernetes',
      });
      expect((await get('/api/v1/skills/custom')).json().items).toEqual([]);
      expect(
        (await send('POST', '/api/v1/skills/custom', { name: 'Gleam', aliases: ['gleam-lang'] })).statusCode,
      ).toBe(201);
    });

    it('keeps informational interviews and shows other paths', async () => {
      const noName = await send('POST', '/api/v1/informational-interviews', { heldOn: '2026-11-01' });
      expect(noName.json().error.details).toEqual([
        { path: 'contactName', message: 'name the person, or pick one of your contacts' },
      ]);
      const created = await send('POST', '/api/v1/informational-interviews', {
        contactName: 'Sam',
        heldOn: '2026-11-01',
        learned: 'Contracts are common.',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(
        (await send('PATCH', `/api/v1/informational-interviews/${id}`, { followUps: 'Intro to Kim' })).json(),
      ).toMatchObject({ followUps: 'Intro to Kim' });
      expect((await get(`/api/v1/informational-interviews/${id}`)).json().contactName).toBe('Sam');
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/v1/informational-interviews/${id}`, headers }))
          .statusCode,
      ).toBe(204);
      expect((await get(`/api/v1/informational-interviews/${id}`)).statusCode).toBe(404);
      const paths = (await get('/api/v1/paths')).json();
      expect(paths.transferable.length).toBeGreaterThan(0);
      expect(paths.adjacentRoles.map((r: { role: string }) => r.role)).toContain('Platform Engineer');
    });
  });
}
