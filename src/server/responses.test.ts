import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startChatServer } from '../../test/support/chat-server.ts';
import { openTestContext, type TestContext } from '../../test/support/context.ts';
import { databases } from '../../test/support/databases.ts';
import { startDovecot } from '../../test/support/dovecot.ts';
import { buildApplicationInput } from '../../test/support/factories.ts';
import { hasTool } from '../../test/support/tools.ts';
import { keyFileSecretBox } from '../io/secret-box.ts';
import { fixedClock } from '../services/context.ts';
import { writeInstanceSetting } from '../store/accounts-repository.ts';
import { buildServer } from './app.ts';

/**
 * One real call to every route of the OpenAPI document, with realistic data, each response
 * checked against the schema the route declares (the server checks every response under test,
 * and answers 500 when one drifts). A route added without a call here fails the last test.
 */

const headers = { host: 'localhost:4477', 'x-rebound': '1' };
const b64 = (text: string) => Buffer.from(text).toString('base64');

const JOB_TEXT = [
  'Backend Engineer at Example Corp',
  'Requirements:',
  '- 3+ years of TypeScript and Node.js',
  '- PostgreSQL and SQL',
  'Nice to have:',
  '- Kubernetes, Docker',
].join('\n');

const CSV = [
  'Company,Position,Status,Date Applied,Location',
  'Northwind,Data Analyst,Applied,2026-10-02,Remote',
  'Contoso,Platform Engineer,Interviewing,2026-10-05,Berlin',
].join('\n');

const offerMail = (company: string) =>
  [
    `From: "Hiring Team" <jobs@${company.toLowerCase()}.example>`,
    'To: me@example.com',
    `Subject: Offer of Employment - Software Engineer at ${company}`,
    'Date: Mon, 09 Nov 2026 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `We are delighted to offer you the position of Software Engineer at ${company}.`,
    'Please find the offer letter attached; we would like your answer within a week.',
    '',
  ].join('\r\n');

const JOB_PAGE = `<html><head><script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Site Reliability Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Fabrikam' },
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Lisbon' } },
  employmentType: 'FULL_TIME',
  description: 'Run our platform. Requirements: Linux, Terraform, Go.',
})}</script></head><body></body></html>`;

for (const database of databases) {
  describe(`every route's response matches its declared schema on ${database.name}`, () => {
    let opened: TestContext;
    let app: Awaited<ReturnType<typeof buildServer>>;
    let keyDir: string;
    const called = new Set<string>();

    /** Calls a route (named by its pattern), expects success, and returns the JSON body (or text). */
    async function call(
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      route: string,
      params: Record<string, string> = {},
      payload?: unknown,
      query = '',
      extraHeaders: Record<string, string> = {},
    ) {
      called.add(`${method} ${route}`);
      const url =
        route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? '')) + query;
      const res = await app.inject({
        method,
        url,
        headers: { ...headers, ...extraHeaders },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      const type = String(res.headers['content-type'] ?? '');
      return type.includes('json') ? res.json() : res.body;
    }

    /** The same on a hosted server over the same database, as the caller whose cookie is given. */
    let hostedApp: Awaited<ReturnType<typeof buildServer>>;
    async function callHosted(
      cookie: string | null,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      route: string,
      params: Record<string, string> = {},
      payload?: unknown,
    ) {
      called.add(`${method} ${route}`);
      const url = route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
      const res = await hostedApp.inject({
        method,
        url,
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      const set = res.cookies.find((c) => c.name === 'rebound_session');
      const json = String(res.headers['content-type'] ?? '').includes('json');
      return {
        body: res.statusCode === 204 ? null : json ? res.json() : res.body,
        cookie: set ? `rebound_session=${set.value}` : cookie,
      };
    }

    beforeAll(async () => {
      opened = await openTestContext(database, fixedClock(new Date('2026-11-10T10:00:00Z')));
      keyDir = mkdtempSync(join(tmpdir(), 'rebound-key-'));
      app = await buildServer({
        context: opened.ctx,
        webRoot: null,
        checkResponses: true,
        secrets: keyFileSecretBox(join(keyDir, 'rebound-secret.key')),
      });
      hostedApp = await buildServer({
        context: opened.ctx,
        webRoot: null,
        checkResponses: true,
        hosted: true,
      });
    });
    afterAll(async () => {
      await app.close();
      await hostedApp.close();
      await opened.close();
      rmSync(keyDir, { recursive: true, force: true });
    });

    it('calls every account and sharing route of a hosted server', async () => {
      expect((await call('GET', '/api/v1/me')).mode).toBe('local');
      const password = 'correct horse battery';
      const { cookie } = await callHosted(
        null,
        'POST',
        '/api/v1/auth/sign-up',
        {},
        { email: 'ada@example.org', password, name: 'Ada' },
      );
      const signedIn = await callHosted(
        null,
        'POST',
        '/api/v1/auth/sign-in',
        {},
        { email: 'ada@example.org', password },
      );
      expect((await callHosted(signedIn.cookie, 'GET', '/api/v1/me')).body.user.role).toBe('admin');
      const token = (await callHosted(cookie, 'POST', '/api/v1/tokens', {}, { name: 'CLI' })).body;
      expect((await callHosted(cookie, 'GET', '/api/v1/tokens')).body.items).toHaveLength(1);
      await callHosted(cookie, 'DELETE', '/api/v1/tokens/:id', { id: token.id });
      const share = (
        await callHosted(
          cookie,
          'POST',
          '/api/v1/shares',
          {},
          { coachEmail: 'casey@example.org', scopes: ['applications', 'goals'], endsOn: '2027-01-31' },
        )
      ).body;
      expect((await callHosted(cookie, 'GET', '/api/v1/shares')).body.items).toHaveLength(1);
      await callHosted(cookie, 'DELETE', '/api/v1/shares/:id', { id: share.id });
      await callHosted(signedIn.cookie, 'POST', '/api/v1/auth/sign-out');

      // Invitations, the admin's pages, passwords and the calendar feed.
      const invited = (
        await callHosted(
          cookie,
          'POST',
          '/api/v1/invitations',
          {},
          { email: 'sam@example.org', role: 'seeker' },
        )
      ).body;
      const invitation = new URL(invited.link).searchParams.get('invitation')!;
      expect((await callHosted(cookie, 'GET', '/api/v1/invitations')).body.items.length).toBeGreaterThan(0);
      expect(
        (await callHosted(null, 'GET', '/api/v1/auth/invitations/:token', { token: invitation })).body,
      ).toMatchObject({
        email: 'sam@example.org',
      });
      const sam = (
        await callHosted(
          null,
          'POST',
          '/api/v1/auth/sign-up',
          {},
          { email: 'sam@example.org', password, name: 'Sam', invitation },
        )
      ).body.user;
      const withdrawn = (
        await callHosted(
          cookie,
          'POST',
          '/api/v1/invitations',
          {},
          { email: 'kim@example.org', role: 'coach' },
        )
      ).body;
      await callHosted(cookie, 'DELETE', '/api/v1/invitations/:id', { id: withdrawn.id });
      expect((await callHosted(cookie, 'GET', '/api/v1/admin/settings')).body.openSignup).toBe(false);
      await callHosted(cookie, 'PATCH', '/api/v1/admin/settings', {}, { openSignup: true });
      expect((await callHosted(cookie, 'GET', '/api/v1/admin/users')).body.items).toHaveLength(2);
      await callHosted(cookie, 'PATCH', '/api/v1/admin/users/:id', { id: sam.id }, { role: 'coach' });
      const reset = (
        await callHosted(cookie, 'POST', '/api/v1/admin/users/:id/password-reset', { id: sam.id })
      ).body;
      await callHosted(null, 'POST', '/api/v1/auth/password-reset', {}, { email: 'sam@example.org' });
      await callHosted(
        null,
        'POST',
        '/api/v1/auth/password-reset/complete',
        {},
        { token: new URL(reset.link).searchParams.get('token'), password: 'a new password for sam' },
      );
      await callHosted(
        cookie,
        'POST',
        '/api/v1/auth/password',
        {},
        { currentPassword: password, newPassword: 'another long password' },
      );
      const { calendarPath } = (await callHosted(cookie, 'POST', '/api/v1/auth/calendar-secret')).body;
      expect(
        (await callHosted(null, 'GET', '/api/v1/calendar/:secret', { secret: calendarPath.split('/').pop() }))
          .body,
      ).toContain('BEGIN:VCALENDAR');
      await callHosted(cookie, 'POST', '/api/v1/auth/sign-out-everywhere');
    });

    it('calls every coaching and cohort route of a hosted server', async () => {
      const password = 'correct horse battery';
      await writeInstanceSetting(opened.ctx.db, 'openSignup', true);
      const admin =
        // The account test above changed Ada's password.
        (
          await callHosted(
            null,
            'POST',
            '/api/v1/auth/sign-in',
            {},
            { email: 'ada@example.org', password: 'another long password' },
          )
        ).cookie;
      const seekerUp = await callHosted(
        null,
        'POST',
        '/api/v1/auth/sign-up',
        {},
        { email: 'sol@example.org', password, name: 'Sol' },
      );
      const seeker = seekerUp.cookie;
      const workspaceId = seekerUp.body.user.workspaceId as string;
      const coach = (
        await callHosted(
          null,
          'POST',
          '/api/v1/auth/sign-up',
          {},
          { email: 'cy@example.org', password, name: 'Cy' },
        )
      ).cookie;
      const share = (
        await callHosted(
          seeker,
          'POST',
          '/api/v1/shares',
          {},
          { coachEmail: 'cy@example.org', scopes: ['goals'] },
        )
      ).body;
      expect((await callHosted(seeker, 'GET', '/api/v1/shares/views')).body.items).toEqual([]);
      expect((await callHosted(coach, 'GET', '/api/v1/caseload')).body).toEqual([
        expect.objectContaining({ workspaceId, shareId: share.id, name: 'Sol' }),
      ]);
      const note = (
        await callHosted(
          coach,
          'POST',
          '/api/v1/caseload/:workspaceId/notes',
          { workspaceId },
          { text: 'Kind words', sharedWithSeeker: true },
        )
      ).body;
      expect(
        (await callHosted(coach, 'GET', '/api/v1/caseload/:workspaceId/notes', { workspaceId })).body.items,
      ).toHaveLength(1);
      expect((await callHosted(seeker, 'GET', '/api/v1/coach-notes')).body.items).toHaveLength(1);
      await callHosted(coach, 'DELETE', '/api/v1/coach-notes/:id', { id: note.id });
      const proposals = [];
      for (const text of ['Two mock interviews', 'Ten cold e-mails'])
        proposals.push(
          (
            await callHosted(
              coach,
              'POST',
              '/api/v1/caseload/:workspaceId/proposals',
              { workspaceId },
              { text, weekOf: '2026-11-16' },
            )
          ).body,
        );
      expect(
        (await callHosted(coach, 'GET', '/api/v1/caseload/:workspaceId/proposals', { workspaceId })).body
          .items,
      ).toHaveLength(2);
      expect((await callHosted(seeker, 'GET', '/api/v1/proposals')).body.items).toHaveLength(2);
      await callHosted(
        seeker,
        'POST',
        '/api/v1/proposals/:id/accept',
        { id: proposals[0].id },
        { text: 'One mock interview' },
      );
      await callHosted(seeker, 'POST', '/api/v1/proposals/:id/decline', { id: proposals[1].id });

      const cohort = (await callHosted(admin, 'POST', '/api/v1/cohorts', {}, { name: 'Autumn' })).body;
      await callHosted(
        admin,
        'POST',
        '/api/v1/cohorts/:id/members',
        { id: cohort.id },
        { email: 'sol@example.org', tags: ['evening'] },
      );
      expect(
        (await callHosted(admin, 'GET', '/api/v1/cohorts/:id/members', { id: cohort.id })).body.items,
      ).toHaveLength(1);
      const invitation = (await callHosted(seeker, 'GET', '/api/v1/cohort-invitations')).body.items[0];
      await callHosted(seeker, 'POST', '/api/v1/cohort-invitations/:id/accept', { id: invitation.id });
      expect((await callHosted(admin, 'GET', '/api/v1/cohorts')).body.items[0].members).toBe(1);
      expect(
        (await callHosted(admin, 'GET', '/api/v1/cohorts/:id/insights', { id: cohort.id })).body.groups[0]
          .suppressed,
      ).toBe(true);
      expect(
        (await callHosted(admin, 'GET', '/api/v1/cohorts/:id/insights.csv', { id: cohort.id })).body,
      ).toContain('suppressed');
      await callHosted(seeker, 'POST', '/api/v1/cohort-invitations/:id/decline', { id: invitation.id });
    });

    it('calls every route with realistic data', async () => {
      await call('GET', '/api/health');
      await call('GET', '/api/v1/meta');
      await call('GET', '/api/v1/settings');
      await call('PATCH', '/api/v1/settings', {}, { ghostAfterDays: 21, userName: 'Sam Lee' });
      expect((await call('POST', '/api/v1/sample-data')).created).toBeGreaterThan(0);
      expect((await call('GET', '/api/v1/sample-data')).applications).toBeGreaterThan(0);

      // Applications and their history.
      const app1 = await call(
        'POST',
        '/api/v1/applications',
        {},
        buildApplicationInput({
          company: 'Example Corp',
          stage: 'applied',
          appliedOn: '2026-10-20',
          jobDescription: JOB_TEXT,
          salaryMin: 60_000,
          salaryMax: 75_000,
          salaryCurrency: 'EUR',
          tags: ['backend'],
        }),
      );
      const id = app1.id as string;
      await call('GET', '/api/v1/applications', {}, undefined, '?limit=50&sort=company');
      await call('GET', '/api/v1/applications/:id', { id });
      await call('PATCH', '/api/v1/applications/:id', { id }, { priority: 4, location: 'Remote' });
      await call(
        'POST',
        '/api/v1/applications/:id/events',
        { id },
        { type: 'stage_changed', stage: 'screening' },
      );
      await call('POST', '/api/v1/applications/:id/rounds', { id }, { kind: 'phone', who: 'Dana Reyes' });
      await call(
        'POST',
        '/api/v1/applications/:id/events',
        { id },
        { type: 'note', text: 'Good first call.' },
      );
      const events = await call('GET', '/api/v1/applications/:id/events', { id });
      expect(events.items.map((e: { type: string }) => e.type)).toContain('round_added');
      // Corrections to the history: edit a round and a note (each recorded as an event).
      const roundId = (await call('GET', '/api/v1/applications/:id', { id })).rounds[0].id as string;
      await call('PATCH', '/api/v1/applications/:id/rounds/:roundId', { id, roundId }, { who: 'Dana (EM)' });
      const noteId = (events.items as { id: string; type: string }[]).find((e) => e.type === 'note')!.id;
      await call(
        'PATCH',
        '/api/v1/applications/:id/notes/:eventId',
        { id, eventId: noteId },
        { text: 'Good first call; ask about on-call.' },
      );
      const doomed = await call('POST', '/api/v1/applications', {}, buildApplicationInput());
      await call('DELETE', '/api/v1/applications/:id', { id: doomed.id });

      // Contacts.
      const contact = await call(
        'POST',
        '/api/v1/contacts',
        {},
        { name: 'Dana Reyes', email: 'dana@example.com', role: 'Recruiter', company: 'Example Corp' },
      );
      const contactId = contact.id as string;
      await call('GET', '/api/v1/contacts');
      await call('PATCH', '/api/v1/contacts/:id', { id: contactId }, { howMet: 'Ran my phone screen' });
      await call(
        'POST',
        '/api/v1/contacts/:id/links',
        { id: contactId },
        { applicationId: id, role: 'recruiter' },
      );
      const person = await call(
        'POST',
        '/api/v1/applications/:id/people',
        { id },
        { contactId, role: 'referrer' },
      );
      await call('GET', '/api/v1/applications/:id/people', { id });
      await call(
        'PUT',
        '/api/v1/contacts/:id/drafts/:kind',
        { id: contactId, kind: 'thank_you' },
        { body: 'Thank you for your time today.' },
      );
      await call('DELETE', '/api/v1/contact-links/:id', { id: person.id });

      // Recovery: a rejection, its pause, the feedback request and the look back.
      const rejection = await call(
        'POST',
        '/api/v1/rejections',
        {},
        {
          applicationId: id,
          channel: 'email',
          reasonTags: ['position_filled'],
          reasonGiven: 'Filled internally.',
        },
      );
      const rejectionId = rejection.id as string;
      await call('GET', '/api/v1/rejections');
      await call('GET', '/api/v1/rejections/:id', { id: rejectionId });

      // Writing after a no (private) and the reframe card.
      await call('GET', '/api/v1/writing/:applicationId', { applicationId: id });
      const writing = await call(
        'POST',
        '/api/v1/writing/:applicationId',
        { applicationId: id },
        { text: 'It stung.' },
      );
      await call('DELETE', '/api/v1/writing/sessions/:id', { id: writing.id });
      await call('POST', '/api/v1/writing/:applicationId', { applicationId: id }, { text: 'Again, gently.' });
      await call('DELETE', '/api/v1/writing/:applicationId', { applicationId: id });
      await call('GET', '/api/v1/reframe');
      await call(
        'PATCH',
        '/api/v1/rejections/:id',
        { id: rejectionId },
        { reasonTags: ['position_filled', 'salary'] },
      );
      await call('GET', '/api/v1/applications/:id/rejection', { id });
      await call(
        'POST',
        '/api/v1/rejections/:id/journal',
        { id: rejectionId },
        { text: 'A quiet evening.', mood: 3 },
      );
      await call('GET', '/api/v1/recovery/meta');
      await call(
        'POST',
        '/api/v1/reason-tags',
        {},
        { key: 'too_far', label: 'Too far to travel', side: 'me' },
      );
      await call('GET', '/api/v1/feedback-requests');
      const feedbackId = rejection.feedbackRequestId as string;
      await call('GET', '/api/v1/feedback-requests/:id', { id: feedbackId });
      await call('PATCH', '/api/v1/feedback-requests/:id', { id: feedbackId }, { contactId });
      expect(await call('GET', '/api/v1/feedback-requests/:id/eml', { id: feedbackId })).toContain(
        'Subject:',
      );
      await call('PATCH', '/api/v1/feedback-requests/:id', { id: feedbackId }, { state: 'sent' });
      await call(
        'PATCH',
        '/api/v1/feedback-requests/:id',
        { id: feedbackId },
        { state: 'answered', answer: 'Your testing answers were thin.' },
      );
      expect((await call('GET', '/api/v1/ai/reply-summaries/:id', { id: feedbackId })).summary).toBeNull();
      expect(
        (await call('PUT', '/api/v1/ai/reply-summaries/:id', { id: feedbackId }, { summary: '- Testing' }))
          .summary,
      ).toBe('- Testing');
      await call('DELETE', '/api/v1/ai/reply-summaries/:id', { id: feedbackId });
      const look = await call('GET', '/api/v1/applications/:id/post-mortem', { id });
      await call(
        'PUT',
        '/api/v1/applications/:id/post-mortem',
        { id },
        { items: [{ key: look.items[0].key, rating: 'weak', note: 'Rushed it.' }] },
      );
      await call('GET', '/api/v1/action-items', {}, undefined, '?status=all');
      const task = await call(
        'POST',
        '/api/v1/action-items',
        {},
        { text: 'Practise a system design', dueOn: '2026-11-14' },
      );
      await call('PATCH', '/api/v1/action-items/:id', { id: task.id }, { status: 'done' });

      // Keeping in touch, Today and the calendar.
      await call('POST', '/api/v1/contacts/:id/cadence', { id: contactId }, { applicationId: id });
      await call('POST', '/api/v1/contacts/:id/interactions', { id: contactId }, { kind: 'thank_you' });
      await call('GET', '/api/v1/contacts/:id', { id: contactId });
      expect(await call('GET', '/api/v1/contacts.vcf')).toContain('BEGIN:VCARD');
      await call('GET', '/api/v1/today');
      await call('GET', '/api/v1/today/quiet', {}, undefined, '?limit=5');
      await call('GET', '/api/v1/today/groups/:group', { group: 'upcoming' }, undefined, '?limit=5');
      expect(await call('GET', '/api/v1/calendar.ics')).toContain('BEGIN:VCALENDAR');

      // Insights, channels and time.
      await call('GET', '/api/v1/insights');
      await call('GET', '/api/v1/review');
      await call('GET', '/api/v1/channels');
      await call('GET', '/api/v1/channels/plan');
      await call('PUT', '/api/v1/channels/plan', {}, { hoursPerWeek: 10 });
      const log = await call(
        'POST',
        '/api/v1/time-logs',
        {},
        { channel: 'networking', minutes: 45, loggedOn: '2026-11-09' },
      );
      await call('GET', '/api/v1/time-logs');
      await call('DELETE', '/api/v1/time-logs/:id', { id: log.id });

      // Goals and wellbeing.
      const goal = await call(
        'POST',
        '/api/v1/goals',
        {},
        { kind: 'custom', target: 3, label: 'mock interviews' },
      );
      await call('GET', '/api/v1/goals');
      await call('PATCH', '/api/v1/goals/:id', { id: goal.id }, { target: 2 });
      await call('POST', '/api/v1/goals/:id/progress', { id: goal.id }, { amount: 1 });
      await call('DELETE', '/api/v1/goals/:id', { id: goal.id });
      const win = await call('POST', '/api/v1/wins', {}, { text: 'Finished the take-home on time' });
      await call('GET', '/api/v1/wins');
      await call('DELETE', '/api/v1/wins/:id', { id: win.id });
      await call('POST', '/api/v1/journal', {}, { mood: 4, text: 'Better day.' });
      await call('GET', '/api/v1/journal');
      await call('PUT', '/api/v1/wellbeing/routine', {}, { routine: 'A walk after lunch' });
      const pause = await call(
        'POST',
        '/api/v1/breaks',
        {},
        { startsOn: '2026-11-20', endsOn: '2026-11-22' },
      );
      await call('GET', '/api/v1/breaks');
      await call('GET', '/api/v1/wellbeing');
      await call('DELETE', '/api/v1/breaks/:id', { id: pause.id });

      // The weekly plan.
      const step = await call(
        'POST',
        '/api/v1/week/steps',
        {},
        {
          day: '2026-11-10',
          time: '09:00',
          where: 'library',
          what: '2 applications',
          minutes: 90,
          channel: 'job_board',
        },
      );
      await call('GET', '/api/v1/week');
      await call('GET', '/api/v1/week/suggestions', {}, undefined, '?week=2026-11-16');
      await call('POST', '/api/v1/week/steps/:id/done', { id: step.id });
      await call('POST', '/api/v1/week/steps/:id/reopen', { id: step.id });
      await call(
        'POST',
        '/api/v1/week/steps/:id/move',
        { id: step.id },
        { day: '2026-11-11', time: '10:00' },
      );
      await call('POST', '/api/v1/week/steps/:id/drop', { id: step.id });
      await call('DELETE', '/api/v1/week/steps/:id', { id: step.id });

      // Skills.
      await call(
        'POST',
        '/api/v1/resume/import',
        {},
        { text: 'Backend engineer. TypeScript, Node.js, SQL, Docker.' },
      );
      await call('GET', '/api/v1/resume');
      await call('GET', '/api/v1/resume/versions');
      await call('POST', '/api/v1/resume/skills', {}, { name: 'PostgreSQL', level: 'advanced' });
      await call('POST', '/api/v1/skills/extract', {}, { text: JOB_TEXT });
      await call('POST', '/api/v1/skills/score', {}, { jobDescription: JOB_TEXT });
      await call('GET', '/api/v1/skills/gaps');
      const skill = await call(
        'POST',
        '/api/v1/skills/custom',
        {},
        { name: 'Internal RPC', aliases: ['irpc'] },
      );
      await call('GET', '/api/v1/skills/custom');
      await call('DELETE', '/api/v1/skills/custom/:id', { id: skill.id });
      const open = await call(
        'POST',
        '/api/v1/applications',
        {},
        buildApplicationInput({ jobDescription: JOB_TEXT }),
      );
      await call('GET', '/api/v1/applications/:id/skills', { id: open.id });
      await call('PUT', '/api/v1/applications/:id/resume-version', { id: open.id }, {});
      const plan = await call(
        'POST',
        '/api/v1/learning-plan',
        {},
        { skill: 'Kubernetes', kind: 'course', hours: 10 },
      );
      await call('GET', '/api/v1/learning-plan');
      const done = await call('PATCH', '/api/v1/learning-plan/:id', { id: plan.id }, { status: 'done' });
      expect(done.completion).not.toBeNull();
      await call('GET', '/api/v1/paths');
      const talk = await call(
        'POST',
        '/api/v1/informational-interviews',
        {},
        {
          contactName: 'Ari Kim',
          heldOn: '2026-11-05',
          company: 'Fabrikam',
          learned: 'They hire SREs in spring.',
        },
      );
      await call('GET', '/api/v1/informational-interviews');
      await call('GET', '/api/v1/informational-interviews/:id', { id: talk.id });
      await call(
        'PATCH',
        '/api/v1/informational-interviews/:id',
        { id: talk.id },
        { followUps: 'Send the article' },
      );
      await call('DELETE', '/api/v1/informational-interviews/:id', { id: talk.id });

      // Getting data in and out.
      const file = { filename: 'tracker.csv', contentBase64: b64(CSV) };
      const progressId = 'responses-test-upload';
      expect(
        (await call('POST', '/api/v1/imports/preview', {}, file, '', { 'x-progress-id': progressId })).counts
          .toCreate,
      ).toBe(2);
      await call('GET', '/api/v1/imports/progress/:id', { id: progressId });
      expect((await call('POST', '/api/v1/imports/commit', {}, file)).created).toBe(2);
      await call('POST', '/api/v1/imports/job-page', {}, { html: JOB_PAGE });
      await call(
        'POST',
        '/api/v1/mail/import',
        {},
        { filename: 'a.eml', contentBase64: b64(offerMail('Tailspin')) },
      );
      await call(
        'POST',
        '/api/v1/mail/import',
        {},
        { filename: 'b.eml', contentBase64: b64(offerMail('Wingtip')) },
      );
      const queue = await call('GET', '/api/v1/mail/review', {}, undefined, '?status=all');
      expect(queue.items.length).toBeGreaterThanOrEqual(2);
      await call(
        'POST',
        '/api/v1/mail/review/:id/apply',
        { id: queue.items[0].id },
        { applicationId: open.id },
      );
      await call('POST', '/api/v1/mail/review/:id/dismiss', { id: queue.items[1].id });
      // Referral paths: a connections export, the people you know at an application, an ask.
      const connections = [
        'Notes:',
        '"Some email addresses may be missing."',
        '',
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Ines,Varga,https://www.linkedin.com/in/ines-varga,,Example Corporation,Staff Engineer,03 Jun 2025',
      ].join('\r\n');
      expect(
        (
          await call(
            'POST',
            '/api/v1/imports/connections',
            {},
            {
              filename: 'Connections.csv',
              contentBase64: b64(connections),
            },
          )
        ).created,
      ).toBe(1);
      const saved = await call(
        'POST',
        '/api/v1/applications',
        {},
        buildApplicationInput({ company: 'EXAMPLE', stage: 'saved' }),
      );
      const known = await call('GET', '/api/v1/applications/:id/people-you-know', { id: saved.id });
      expect(known.items.map((p: { name: string }) => p.name)).toContain('Ines Varga');
      const ines = known.items.find((p: { name: string }) => p.name === 'Ines Varga').contactId as string;
      await call(
        'PUT',
        '/api/v1/applications/:id/referral-ask',
        { id },
        { contactId: ines, status: 'asked' },
      );
      await call('GET', '/api/v1/referrals/people');
      await call(
        'POST',
        '/api/v1/mail/import',
        {},
        { filename: 'c.eml', contentBase64: b64(offerMail('Litware')) },
      );
      const pending = (await call('GET', '/api/v1/mail/review')).items.map((m: { id: string }) => m.id);
      expect(
        (await call('POST', '/api/v1/mail/review/batch', {}, { ids: pending, action: 'dismiss' })).done,
      ).toHaveLength(pending.length);
      expect(await call('GET', '/api/v1/export/applications.csv')).toContain('Example Corp');
      const backup = await call('GET', '/api/v1/backup');
      await call('DELETE', '/api/v1/applications/:id/rounds/:roundId', { id, roundId });
      await call('DELETE', '/api/v1/applications/:id/notes/:eventId', { id, eventId: noteId });
      await call('DELETE', '/api/v1/sample-data');
      await call('DELETE', '/api/v1/contacts/:id', { id: contactId });
      await call('POST', '/api/v1/backup', {}, backup, '?replace=true');
    });

    it('calls your own model’s routes against a local chat-completions server', async () => {
      const chat = await startChatServer();
      try {
        expect((await call('GET', '/api/v1/ai/endpoint')).configured).toBe(false);
        await call(
          'PUT',
          '/api/v1/ai/endpoint',
          {},
          { baseUrl: chat.baseUrl, model: 'echo', apiKey: 'sk-1' },
        );
        const rewrite = await call(
          'POST',
          '/api/v1/ai/rewrite',
          {},
          { feature: 'rewrite_thank_you', text: 'Hi' },
        );
        expect(rewrite.draft).toBe('REWRITTEN: Hi');
        expect((await call('GET', '/api/v1/ai/calls')).items).toHaveLength(1);
        expect((await call('DELETE', '/api/v1/ai/endpoint')).hasKey).toBe(false);
      } finally {
        await chat.close();
      }
    });

    it('calls the mail sync routes against a real IMAP server', async () => {
      const mailRoutes = ['GET', 'PUT', 'PATCH', 'DELETE'].map((m) => `${m} /api/v1/mail/account`);
      // Without Dovecot the skip is recorded (and fails CI, which requires it).
      if (!hasTool('dovecot')) {
        for (const r of [...mailRoutes, 'POST /api/v1/mail/sync']) called.add(r);
        return;
      }
      const imap = await startDovecot({ casey: 'app-pass' });
      try {
        expect((await call('GET', '/api/v1/mail/account')).account).toBeNull();
        const saved = await call(
          'PUT',
          '/api/v1/mail/account',
          {},
          { host: '127.0.0.1', port: imap.port, security: 'plain', username: 'casey', secret: 'app-pass' },
        );
        expect(saved).toMatchObject({
          account: { hasSecret: true, folders: ['INBOX'] },
          serverFolders: ['INBOX'],
        });
        await call('PATCH', '/api/v1/mail/account', {}, { scheduleMinutes: 30 });
        const report = await call('POST', '/api/v1/mail/sync', {}, undefined, '', {
          'x-progress-id': 'sync-progress-1',
        });
        expect(report.nothingNew).toBe(true);
        await call('DELETE', '/api/v1/mail/account');
      } finally {
        await imap.close();
      }
    }, 60_000);

    it('has called every route of the OpenAPI document', async () => {
      const doc = (await app.inject({ url: '/api/openapi.json', headers })).json() as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(routes.filter((r) => !called.has(r))).toEqual([]);
      // Every route that answers with a body describes it.
      const undescribed = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => {
            const ok = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
            return (
              ok.length === 0 ||
              ok.some(([code, r]) => code !== '204' && !(r as { content?: unknown }).content)
            );
          })
          .map(([m]) => `${m.toUpperCase()} ${path}`),
      );
      expect(undescribed).toEqual([]);
    });
  });
}

describe('the response check', () => {
  it('answers 500 when a response does not match its declared schema, and names the field', async () => {
    const opened = await openTestContext(databases[0]!, new Date('2026-11-10T10:00:00Z'));
    const app = await buildServer({ context: opened.ctx, webRoot: null, checkResponses: true });
    app.get(
      '/api/test/drift',
      { schema: { response: { 200: z.object({ count: z.number() }) } } },
      // A presenter that drifted from its schema (the compiler would catch this one; JSON from elsewhere may not).
      async () => ({ count: 'three' }) as unknown as { count: number },
    );
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const res = await app.inject({ url: '/api/test/drift', headers });
      expect(res.statusCode).toBe(500);
      expect(errors.join('\n')).toMatch(/GET \/api\/test\/drift .*count/);
    } finally {
      console.error = original;
      await app.close();
      await opened.close();
    }
  });
});
