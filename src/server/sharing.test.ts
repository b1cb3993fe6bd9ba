import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signUp } from '../../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { SHARE_SCOPES } from '../core/accounts/scopes.ts';
import { writeInstanceSetting } from '../store/accounts-repository.ts';
import { SHARED_READS } from './access.ts';

// The coach's side of sharing over real HTTP, on both databases (PostgreSQL first): the seeker's
// view log, notes kept from a coach without the notes scope, the caseload's signals and order,
// coach notes' privacy, weekly check-ins, and cohorts (consent, suppression, the analyst, CSV).
const NOW = new Date('2026-11-27T10:00:00Z'); // a Friday

/** "you", "your"… as a word of its own ("thank-you" is not one). */
const YOU = /(?<![\w-])(you|your|yours|yourself|you're|you've)(?![\w-])/i;

/**
 * Where a response carries words that are not Rebound's about the seeker: the seeker's own (notes,
 * reasons, wins they wrote, their post-mortem's first-person questions), drafts in their voice to
 * someone else, and the employer's posting. Everything else is written by Rebound for its reader.
 */
const NOT_OURS = [
  /\.draft\./, // a referral ask or feedback request, from the seeker to someone else
  /\.jobDescription$/,
  /\.skills\[\]\.sentence$/, // a sentence of the posting
  /\.data\./, // an event's own words (a note, a reply's summary, a reason)
  /\.notes$/,
  /\.reasonGiven$/,
  /\/post-mortem \.items\[\]\.(title|prompts)/, // the seeker's self-review, in their first person
];

/** Every string of a response with where it was found ("route .path[].to.it"). */
function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) for (const v of value) strings(v, `${path}[]`, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
}

for (const database of ['postgres', 'sqlite'] as const) {
  describe(`coaching and cohorts on ${database}`, () => {
    let server: TestServer;
    let admin: Caller;
    let casey: Caller; // coach
    let cory: Caller; // another coach
    const people = new Map<string, Caller>();
    const url = () => server.url;

    async function person(key: string): Promise<Caller> {
      let p = people.get(key);
      if (!p) {
        p = await signUp(url(), { email: `${key}@example.org`, name: key[0]!.toUpperCase() + key.slice(1) });
        people.set(key, p);
      }
      return p;
    }

    async function addApp(who: Caller, body: Record<string, unknown>): Promise<string> {
      const res = await call(url(), who, '/api/v1/applications', { method: 'POST', body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    }

    async function event(who: Caller, id: string, body: Record<string, unknown>): Promise<void> {
      const res = await call(url(), who, `/api/v1/applications/${id}/events`, { method: 'POST', body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }

    async function share(who: Caller, coachEmail: string, scopes: string[]): Promise<string> {
      const res = await call(url(), who, '/api/v1/shares', { method: 'POST', body: { coachEmail, scopes } });
      expect(res.status).toBe(201);
      return res.body.id;
    }

    beforeAll(async () => {
      server = await startTestServer({ database, hosted: true, now: NOW });
      admin = await signUp(url(), { email: 'ada@example.org', name: 'Ada' });
      await writeInstanceSetting(server.store.db, 'openSignup', true);
      casey = await signUp(url(), { email: 'casey@example.org', name: 'Casey' });
      cory = await signUp(url(), { email: 'cory@example.org', name: 'Cory' });
    });
    afterAll(async () => server.close());

    it('logs each read a coach makes, for the seeker, newest first', async () => {
      const sam = await person('sam');
      const id = await addApp(sam, {
        company: 'Northwind',
        role: 'Analyst',
        stage: 'applied',
        appliedOn: '2026-11-20',
      });
      const shareId = await share(sam, 'casey@example.org', ['applications']);
      expect((await call(url(), sam, '/api/v1/shares/views')).body.items).toEqual([]);

      expect((await call(url(), casey, '/api/v1/applications', { workspace: sam.workspaceId })).status).toBe(
        200,
      );
      server.setNow(new Date(NOW.getTime() + 60_000));
      expect(
        (await call(url(), casey, `/api/v1/applications/${id}`, { workspace: sam.workspaceId })).status,
      ).toBe(200);
      // A refused read is not a view.
      expect((await call(url(), casey, '/api/v1/insights', { workspace: sam.workspaceId })).status).toBe(403);
      server.setNow(NOW);

      const log = await call(url(), sam, '/api/v1/shares/views');
      expect(log.body.items).toEqual([
        expect.objectContaining({
          shareId,
          coachEmail: 'casey@example.org',
          viewerName: 'Casey',
          scope: 'applications',
          what: `GET /api/v1/applications/${id}`,
        }),
        expect.objectContaining({ shareId, what: 'GET /api/v1/applications', viewerName: 'Casey' }),
      ]);
      expect((await call(url(), sam, `/api/v1/shares/views?shareId=${shareId}`)).body.items).toHaveLength(2);
      expect((await call(url(), sam, '/api/v1/shares/views?shareId=other')).body.items).toEqual([]);
      // The coach has no log of their own to read, and cannot read the seeker's.
      expect((await call(url(), casey, '/api/v1/shares/views')).body.items).toEqual([]);
      expect((await call(url(), casey, '/api/v1/shares/views', { workspace: sam.workspaceId })).status).toBe(
        403,
      );
    });

    it('keeps notes from a coach without the notes scope, and shows them once it is shared', async () => {
      const sam = await person('sam');
      const id = await addApp(sam, {
        company: 'Contoso',
        role: 'Engineer',
        stage: 'applied',
        appliedOn: '2026-11-18',
        notes: 'Salary expectations: private',
      });
      await event(sam, id, {
        type: 'note',
        text: 'Felt nervous about the salary talk',
        occurredOn: '2026-11-19',
      });
      await event(sam, id, {
        type: 'outcome_set',
        outcome: 'rejected',
        reason: 'I think I rambled',
        occurredOn: '2026-11-21',
      });

      const detail = await call(url(), casey, `/api/v1/applications/${id}`, { workspace: sam.workspaceId });
      expect(detail.status).toBe(200);
      const text = JSON.stringify(detail.body);
      for (const secret of ['nervous', 'rambled', 'Salary expectations']) expect(text).not.toContain(secret);
      const note = detail.body.events.find((e: { type: string }) => e.type === 'note');
      expect(note).toMatchObject({ redacted: true, data: { text: '(not shared)' } });
      expect(detail.body.events.find((e: { type: string }) => e.type === 'outcome_set').data).toMatchObject({
        outcome: 'rejected',
        reason: null,
      });
      // Nor can a search tell which application's notes say what.
      const probe = await call(url(), casey, '/api/v1/applications?q=nervous', {
        workspace: sam.workspaceId,
      });
      expect(probe.status).toBe(403);
      expect(probe.body.error.details[0].path).toBe('q');
      expect((await call(url(), sam, '/api/v1/applications?q=nervous')).body.items).toHaveLength(1);
      const events = await call(url(), casey, `/api/v1/applications/${id}/events`, {
        workspace: sam.workspaceId,
      });
      expect(events.body.items).toHaveLength(detail.body.events.length);
      expect(JSON.stringify(events.body)).not.toContain('nervous');
      // The seeker reads their own words.
      expect(JSON.stringify((await call(url(), sam, `/api/v1/applications/${id}`)).body)).toContain(
        'nervous',
      );

      const notesShare = await share(sam, 'casey@example.org', ['notes']);
      const shown = await call(url(), casey, `/api/v1/applications/${id}`, { workspace: sam.workspaceId });
      expect(JSON.stringify(shown.body)).toContain('nervous');
      expect(shown.body.notes).toBe('Salary expectations: private');
      await call(url(), sam, `/api/v1/shares/${notesShare}`, { method: 'DELETE' });
      const hiddenAgain = await call(url(), casey, `/api/v1/applications/${id}/events`, {
        workspace: sam.workspaceId,
      });
      expect(JSON.stringify(hiddenAgain.body)).not.toContain('nervous');
    });

    it('lists the caseload with signals from shared scopes only, most urgent first', async () => {
      const sam = await person('sam'); // two rejections from the test above (one 11-21) plus three more
      for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) {
        const id = await addApp(sam, {
          company: `Reject ${day}`,
          role: 'x',
          stage: 'applied',
          appliedOn: '2026-11-02',
        });
        await event(sam, id, { type: 'outcome_set', outcome: 'rejected', occurredOn: day });
      }
      // Everyone signs up now (a session left idle for two weeks would end).
      const [quinn, stella, cora] = [await person('quinn'), await person('stella'), await person('cora')];
      // Quinn went quiet 17 days ago and missed last week's goal; the goal she set this week was
      // not part of last week's plan, so it is not counted as missed.
      server.setNow(new Date('2026-11-10T09:00:00Z'));
      await addApp(quinn, { company: 'Fabrikam', role: 'Ops', stage: 'applied', appliedOn: '2026-11-09' });
      const goal = (body: Record<string, unknown>) =>
        call(url(), quinn, '/api/v1/goals', { method: 'POST', body });
      expect((await goal({ kind: 'applications', target: 5 })).status).toBe(201);
      server.setNow(NOW);
      expect((await goal({ kind: 'custom', target: 2, label: 'mock interviews' })).status).toBe(201);
      await share(quinn, 'casey@example.org', ['applications', 'goals']);
      // Stella is interviewing at one company since October, active otherwise.
      const stuck = await addApp(stella, {
        company: 'Litware',
        role: 'Dev',
        stage: 'applied',
        appliedOn: '2026-10-01',
      });
      await event(stella, stuck, { type: 'stage_changed', stage: 'interviewing', occurredOn: '2026-10-20' });
      await share(stella, 'casey@example.org', ['applications']);
      // Cora has all of it too, but shares contacts only: no signal may come from the rest.
      server.setNow(new Date('2026-10-01T09:00:00Z'));
      const coraStuck = await addApp(cora, {
        company: 'Adatum',
        role: 'QA',
        stage: 'applied',
        appliedOn: '2026-09-01',
      });
      await event(cora, coraStuck, {
        type: 'stage_changed',
        stage: 'interviewing',
        occurredOn: '2026-09-20',
      });
      server.setNow(NOW);
      for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) {
        const id = await addApp(cora, {
          company: `No ${day}`,
          role: 'x',
          stage: 'applied',
          appliedOn: '2026-11-02',
        });
        await event(cora, id, { type: 'outcome_set', outcome: 'rejected', occurredOn: day });
      }
      await share(cora, 'casey@example.org', ['contacts']);

      const res = await call(url(), casey, '/api/v1/caseload');
      expect(res.status).toBe(200);
      const rows = res.body as {
        name: string;
        attention: { kind: string; reason: string }[];
        lastActivityAt: string | null;
      }[];
      expect(rows.map((r) => r.name)).toEqual(['Sam', 'Quinn', 'Stella', 'Cora']);
      const kinds = Object.fromEntries(rows.map((r) => [r.name, r.attention.map((a) => a.kind)]));
      expect(kinds).toEqual({
        Sam: ['rejection_run'],
        Quinn: ['quiet', 'plan_missed'],
        Stella: ['stalled'],
        Cora: [],
      });
      const reasons = Object.fromEntries(rows.map((r) => [r.name, r.attention.map((a) => a.reason)]));
      expect(reasons.Sam![0]).toMatch(/^4 rejections in the last 7 days/);
      expect(reasons.Quinn![0]).toBe('No activity for 17 days (last on 2026-11-10).');
      expect(reasons.Quinn![1]).toBe("Last week's plan: 0 of 1 goal met (applications: 0 of 5).");
      expect(reasons.Stella![0]).toBe('Litware has been at interviewing for 38 days.');
      expect(rows.find((r) => r.name === 'Cora')!.lastActivityAt).toBeNull();
      // A shorter quiet threshold is the caller's to choose; a bad one names the field.
      const bad = await call(url(), casey, '/api/v1/caseload?quietDays=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('quietDays');
      // Another coach has no caseload from these shares.
      expect((await call(url(), cory, '/api/v1/caseload')).body).toEqual([]);
    });

    it('keeps a coach note private unless the coach shares it, and from other coaches always', async () => {
      const sam = await person('sam');
      const ws = sam.workspaceId;
      const privateNote = await call(url(), casey, `/api/v1/caseload/${ws}/notes`, {
        method: 'POST',
        body: { text: 'Seems discouraged; go gently', sharedWithSeeker: false },
      });
      expect(privateNote.status).toBe(201);
      const sharedNote = await call(url(), casey, `/api/v1/caseload/${ws}/notes`, {
        method: 'POST',
        body: { text: 'Great progress on your pitch!', sharedWithSeeker: true },
      });
      expect(sharedNote.body).toMatchObject({ coachName: 'Casey', sharedWithSeeker: true });

      const seen = await call(url(), sam, '/api/v1/coach-notes');
      expect(seen.body.items.map((n: { text: string }) => n.text)).toEqual(['Great progress on your pitch!']);
      expect(JSON.stringify(seen.body)).not.toContain('discouraged');
      const mine = await call(url(), casey, `/api/v1/caseload/${ws}/notes`);
      expect(mine.body.items.map((n: { text: string }) => n.text).sort()).toEqual([
        'Great progress on your pitch!',
        'Seems discouraged; go gently',
      ]);

      // Another coach: refused without a share, and sees none of Casey's notes with one.
      expect((await call(url(), cory, `/api/v1/caseload/${ws}/notes`)).status).toBe(403);
      const coryShare = await share(sam, 'cory@example.org', ['applications']);
      expect((await call(url(), cory, `/api/v1/caseload/${ws}/notes`)).body.items).toEqual([]);
      const steal = await call(url(), cory, `/api/v1/coach-notes/${privateNote.body.id}`, {
        method: 'DELETE',
      });
      expect(steal.status).toBe(404);
      // The seeker cannot delete the coach's note either, nor read it through the coach's route.
      expect(
        (await call(url(), sam, `/api/v1/coach-notes/${privateNote.body.id}`, { method: 'DELETE' })).status,
      ).toBe(404);
      expect((await call(url(), sam, `/api/v1/caseload/${ws}/notes`)).status).toBe(403);
      await call(url(), sam, `/api/v1/shares/${coryShare}`, { method: 'DELETE' });

      expect(
        (await call(url(), casey, `/api/v1/coach-notes/${privateNote.body.id}`, { method: 'DELETE' })).status,
      ).toBe(204);
      expect((await call(url(), casey, `/api/v1/caseload/${ws}/notes`)).body.items).toHaveLength(1);
    });

    it('lets a coach propose a weekly step and the seeker accept it in their words, or decline', async () => {
      const sam = await person('sam');
      const ws = sam.workspaceId;
      const noScope = await call(url(), casey, `/api/v1/caseload/${ws}/proposals`, {
        method: 'POST',
        body: { text: 'Two mock interviews', weekOf: '2026-12-02' },
      });
      expect(noScope.status).toBe(403);
      await share(sam, 'casey@example.org', ['goals', 'insights']);
      const past = await call(url(), casey, `/api/v1/caseload/${ws}/proposals`, {
        method: 'POST',
        body: { text: 'Too late', weekOf: '2026-11-01' },
      });
      expect(past.status).toBe(400);
      expect(past.body.error.details[0].path).toBe('weekOf');

      const proposed = await call(url(), casey, `/api/v1/caseload/${ws}/proposals`, {
        method: 'POST',
        body: { text: 'Two mock interviews', weekOf: '2026-12-02' },
      });
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({
        weekOf: '2026-11-30',
        status: 'proposed',
        coachName: 'Casey',
        answer: null,
      });
      const second = await call(url(), casey, `/api/v1/caseload/${ws}/proposals`, {
        method: 'POST',
        body: { text: 'Ten cold e-mails', weekOf: '2026-11-27' },
      });

      const inbox = await call(url(), sam, '/api/v1/proposals');
      expect(inbox.body.items.map((p: { text: string; status: string }) => [p.text, p.status])).toEqual([
        ['Ten cold e-mails', 'proposed'],
        ['Two mock interviews', 'proposed'],
      ]);
      // Only the seeker answers: the coach's attempt finds nothing of theirs.
      expect(
        (await call(url(), casey, `/api/v1/proposals/${proposed.body.id}/accept`, { method: 'POST' })).status,
      ).toBe(404);

      const accepted = await call(url(), sam, `/api/v1/proposals/${proposed.body.id}/accept`, {
        method: 'POST',
        body: { text: 'One mock interview' },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', answer: 'One mock interview' });
      // The step is for the week of 30 Nov: it is among that week's goals, not this week's.
      expect(JSON.stringify((await call(url(), sam, '/api/v1/goals')).body)).not.toContain('mock interview');
      const nextWeek = await call(url(), sam, '/api/v1/goals?week=2026-12-02');
      const step = nextWeek.body.items.find((g: { id: string }) => g.id === accepted.body.goalId);
      expect(step).toMatchObject({ label: 'One mock interview', weekStart: '2026-11-30' });
      expect(JSON.stringify(nextWeek.body)).not.toContain('Two mock interviews');
      // Said as a step planned for a week still to come, not with its words standing in for a unit ("0 of 1 One mock…").
      expect(step.progress.message).toBe('Planned; the week has not started yet.');
      expect(step.progress.unit).toBe('times');
      // The weekly review names the step beside how far it is (the message alone
      // says nothing of what), for Sam and for the coach reading about Sam.
      const review = await call(url(), sam, '/api/v1/review?week=2026-12-02');
      expect(
        review.body.goals.find((g: { goalId: string }) => g.goalId === accepted.body.goalId),
      ).toMatchObject({
        title: 'One mock interview',
        step: true,
        message: 'Planned; the week has not started yet.',
      });
      expect(review.body.markdown).toContain(
        '- [ ] One mock interview: Planned; the week has not started yet.',
      );
      const coachReview = await call(url(), casey, '/api/v1/review?week=2026-12-02', { workspace: ws });
      expect(coachReview.body.markdown).toContain('## What Sam did');
      expect(coachReview.body.markdown).toContain(
        '- [ ] One mock interview: Planned; the week has not started yet.',
      );
      // Nor does it linger in the weeks after.
      const after = await call(url(), sam, '/api/v1/goals?week=2026-12-07');
      expect(JSON.stringify(after.body)).not.toContain('mock interview');
      const twice = await call(url(), sam, `/api/v1/proposals/${proposed.body.id}/accept`, {
        method: 'POST',
      });
      expect(twice.status).toBe(409);

      const declined = await call(url(), sam, `/api/v1/proposals/${second.body.id}/decline`, {
        method: 'POST',
      });
      expect(declined.body).toMatchObject({ status: 'declined', goalId: null });
      expect(JSON.stringify((await call(url(), sam, '/api/v1/goals')).body)).not.toContain('cold e-mails');
      const coachView = await call(url(), casey, `/api/v1/caseload/${ws}/proposals`);
      expect(coachView.body.items.map((p: { status: string }) => p.status)).toEqual(['declined', 'accepted']);
    });

    it('counts only consenting cohort members, suppresses groups under 5, exports CSV, and keeps the analyst to aggregates', async () => {
      const cohort = await call(url(), admin, '/api/v1/cohorts', {
        method: 'POST',
        body: { name: 'Spring 2026' },
      });
      expect(cohort.status).toBe(201);
      const cid = cohort.body.id;
      expect(
        (await call(url(), casey, '/api/v1/cohorts', { method: 'POST', body: { name: 'Mine' } })).status,
      ).toBe(403);

      const members: Caller[] = [];
      for (let i = 1; i <= 7; i++) {
        const m = await person(`member${i}`);
        members.push(m);
        const id = await addApp(m, {
          company: `Co ${i}`,
          role: 'Dev',
          stage: 'applied',
          appliedOn: '2026-11-02',
          channel: 'job_board',
        });
        await event(m, id, {
          type: 'stage_changed',
          stage: 'interviewing',
          occurredOn: `2026-11-${String(2 + i).padStart(2, '0')}`,
        });
        await addApp(m, {
          company: `Other ${i}`,
          role: 'Dev',
          stage: 'applied',
          appliedOn: '2026-11-03',
          channel: 'job_board',
        });
        const tags = i <= 5 ? ['veterans'] : ['youth'];
        const invited = await call(url(), admin, `/api/v1/cohorts/${cid}/members`, {
          method: 'POST',
          body: { email: `member${i}@example.org`, tags },
        });
        expect(invited.status).toBe(201);
        expect(invited.body.status).toBe('invited');
      }
      const unknown = await call(url(), admin, `/api/v1/cohorts/${cid}/members`, {
        method: 'POST',
        body: { email: 'nobody@example.org', tags: [] },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.details[0].path).toBe('email');

      // Nobody said yes yet: nothing is counted, everything is suppressed.
      const before = await call(url(), admin, `/api/v1/cohorts/${cid}/insights`);
      expect(before.body.groups.every((g: { suppressed: boolean }) => g.suppressed)).toBe(true);

      for (const [i, m] of members.entries()) {
        const invitations = await call(url(), m, '/api/v1/cohort-invitations');
        expect(invitations.body.items).toEqual([
          expect.objectContaining({ cohortName: 'Spring 2026', invitedByName: 'Ada', status: 'invited' }),
        ]);
        const answer = i === 6 ? 'decline' : 'accept'; // member7 (youth) says no
        const res = await call(
          url(),
          m,
          `/api/v1/cohort-invitations/${invitations.body.items[0].id}/${answer}`,
          {
            method: 'POST',
          },
        );
        expect(res.status).toBe(200);
      }
      // Nobody answers for someone else.
      const first = (await call(url(), members[6]!, '/api/v1/cohort-invitations')).body.items[0].id;
      expect(
        (await call(url(), members[0]!, `/api/v1/cohort-invitations/${first}/accept`, { method: 'POST' }))
          .status,
      ).toBe(404);

      const insights = await call(url(), admin, `/api/v1/cohorts/${cid}/insights`);
      expect(insights.status).toBe(200);
      const groups = Object.fromEntries(insights.body.groups.map((g: { key: string }) => [g.key, g]));
      expect(Object.keys(groups)).toEqual(['all', 'tag:veterans', 'tag:youth']);
      expect(groups.all).toMatchObject({ suppressed: false, members: 6, applications: 12 });
      expect(groups.all.funnel.find((s: { stage: string }) => s.stage === 'interviewing').reached).toBe(6);
      expect(groups.all.timeToFirstInterview).toEqual({ medianDays: 3.5, n: 6 });
      expect(groups['tag:veterans']).toMatchObject({ suppressed: false, members: 5, applications: 10 });
      expect(groups['tag:youth']).toEqual(
        expect.objectContaining({
          suppressed: true,
          members: null,
          funnel: null,
          note: 'fewer than 5 people',
        }),
      );

      const csv = await call(url(), admin, `/api/v1/cohorts/${cid}/insights.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = String(csv.body)
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      expect(lines[0]).toBe('group,members,measure,key,value,n');
      expect(lines).toContain('all,6,applications,,12,');
      expect(lines).toContain('tag:veterans,5,funnel_reached,interviewing,5,');
      expect(lines).toContain('tag:youth,,suppressed,,fewer than 5 people,');
      expect(lines.filter((l) => l.startsWith('tag:youth'))).toHaveLength(1);

      // The analyst: cohort aggregates only; nothing of anyone, shared with them or their own.
      const ana = await person('ana');
      await server.store.db
        .updateTable('users')
        .set({ role: 'analyst' })
        .where('id', '=', ana.userId)
        .execute();
      await share(members[0]!, 'ana@example.org', ['applications', 'insights']);
      expect((await call(url(), ana, `/api/v1/cohorts/${cid}/insights`)).status).toBe(200);
      expect((await call(url(), ana, `/api/v1/cohorts/${cid}/insights.csv`)).status).toBe(200);
      expect((await call(url(), ana, '/api/v1/cohorts')).body.items).toEqual([
        expect.objectContaining({ name: 'Spring 2026', members: 6, invited: 0 }),
      ]);
      expect((await call(url(), ana, '/api/v1/me')).body.user.role).toBe('analyst');
      for (const [path, workspace] of [
        ['/api/v1/applications', members[0]!.workspaceId],
        ['/api/v1/insights', members[0]!.workspaceId],
        ['/api/v1/applications', undefined],
        ['/api/v1/backup', undefined],
        ['/api/v1/caseload', undefined],
        [`/api/v1/cohorts/${cid}/members`, undefined],
        ['/api/v1/shares/views', undefined],
      ] as const) {
        const res = await call(url(), ana, path, workspace ? { workspace } : {});
        expect(res.status, path).toBe(403);
      }
      expect(
        (
          await call(url(), ana, '/api/v1/applications', {
            method: 'POST',
            body: { company: 'x', role: 'y' },
          })
        ).status,
      ).toBe(403);
      // A seeker or a coach reads no cohort numbers.
      expect((await call(url(), members[0]!, `/api/v1/cohorts/${cid}/insights`)).status).toBe(403);
      expect((await call(url(), casey, '/api/v1/cohorts')).status).toBe(403);
      // A member who takes back their yes stops counting.
      const inv = (await call(url(), members[0]!, '/api/v1/cohort-invitations')).body.items[0].id;
      await call(url(), members[0]!, `/api/v1/cohort-invitations/${inv}/decline`, { method: 'POST' });
      const after = await call(url(), admin, `/api/v1/cohorts/${cid}/insights`);
      expect(after.body.groups[0]).toMatchObject({ members: 5, applications: 10 });
      expect(after.body.groups[1]).toMatchObject({ key: 'tag:veterans', suppressed: true });
    });

    it("writes what a coach reads about a seeker in the seeker's name, and the seeker's own view as it was", async () => {
      const name = 'Dr. Amara Okafor-Reyes';
      const amara = await signUp(url(), { email: 'amara@example.org', name });
      const cleo = await signUp(url(), { email: 'cleo@example.org', name: 'Cleo' });
      const sample = await call(url(), amara, '/api/v1/sample-data', { method: 'POST', body: {} });
      expect(sample.status).toBe(201);
      // A hard week: three more no's and a low mood, so the load signal (read from moods) speaks.
      for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) {
        const id = await addApp(amara, { company: `Refusal ${day}`, role: 'x', stage: 'applied' });
        await event(amara, id, { type: 'outcome_set', outcome: 'rejected', occurredOn: day });
      }
      const low = await call(url(), amara, '/api/v1/journal', {
        method: 'POST',
        body: { text: 'A rough week', mood: 1 },
      });
      expect([200, 201]).toContain(low.status);
      await share(amara, 'cleo@example.org', [...SHARE_SCOPES]);

      // Cleo reads every route a coach may read, each application, contact and rejection.
      const read = (path: string) => call(url(), cleo, path, { workspace: amara.workspaceId });
      const ids = async (path: string) =>
        ((await read(path)).body.items as { id: string }[]).map((i) => i.id);
      const idsOf: Record<string, string[]> = {
        applications: await ids('/api/v1/applications?status=all&limit=500'),
        contacts: await ids('/api/v1/contacts'),
        rejections: await ids('/api/v1/rejections'),
        'feedback-requests': await ids('/api/v1/feedback-requests'),
        'informational-interviews': await ids('/api/v1/informational-interviews'),
      };
      const found: { path: string; text: string }[] = [];
      const answered = new Set<string>();
      for (const route of Object.keys(SHARED_READS)) {
        const list = /^\/api\/v1\/([a-z-]+)\/:id/.exec(route)?.[1];
        for (const id of list ? idsOf[list]! : ['']) {
          const res = await read(route.replace(':id', id));
          if (res.status !== 200) continue;
          answered.add(route);
          strings(res.body, `${route} `, found);
        }
      }
      expect(answered.size).toBeGreaterThanOrEqual(Object.keys(SHARED_READS).length - 2);
      const ours = found.filter((f) => !NOT_OURS.some((rx) => rx.test(f.path)));
      const addressed = ours.filter((f) => YOU.test(f.text)).map((f) => `${f.path}: ${f.text}`);
      expect([...new Set(addressed)]).toEqual([]);

      // Findings speak of her by name; the weekly review too, without what her moods say.
      const insights = await read('/api/v1/insights');
      const findings = (insights.body.findings as { text: string }[]).map((f) => f.text);
      expect(findings.some((t) => t.includes("Dr. Amara Okafor-Reyes' "))).toBe(true);
      const review = await read('/api/v1/review');
      expect(review.body.markdown).toContain(`## What ${name} did`);
      expect(review.body.markdown).not.toMatch(/mood/i);
      expect(review.body.load).toBeUndefined();

      // Amara's own reads are worded for her, as always.
      const own = await call(url(), amara, '/api/v1/insights');
      const ownFindings = (own.body.findings as { text: string }[]).map((f) => f.text);
      expect(ownFindings.some((t) => /\byour\b/i.test(t))).toBe(true);
      expect(ownFindings.join(' ')).not.toContain(name);
      expect(own.body.findings.map((f: { id: string }) => f.id)).toEqual(
        insights.body.findings.map((f: { id: string }) => f.id),
      );
      const ownReview = await call(url(), amara, '/api/v1/review');
      expect(ownReview.body.markdown).toContain('## What you did');
      expect(ownReview.body.markdown).toContain('your mood has been lower than usual');
      expect(ownReview.body.load.level).toBe('heavy');
    });

    it('tells a coach whether a share of theirs ended, or there never was one', async () => {
      const penny = await person('penny');
      const quill = await person('quill');
      const ended = await share(penny, 'casey@example.org', ['applications']);
      expect((await call(url(), penny, `/api/v1/shares/${ended}`, { method: 'DELETE' })).status).toBe(200);
      const cases = [
        [penny.workspaceId, 'no longer shared with you', /ended the share/],
        [quill.workspaceId, 'not shared with you', /No job search with that id is shared with you/],
        ['no-such-workspace', 'not shared with you', /No job search with that id is shared with you/],
      ] as const;
      for (const [ws, detail, message] of cases) {
        const read = await call(url(), casey, '/api/v1/applications', { workspace: ws });
        expect(read.status, ws).toBe(403);
        expect(read.body.error.message, ws).toMatch(message);
        expect(read.body.error.details, ws).toEqual([{ path: 'headers.rebound-workspace', message: detail }]);
        const notes = await call(url(), casey, `/api/v1/caseload/${ws}/notes`);
        expect(notes.status, ws).toBe(403);
        expect(notes.body.error.details, ws).toEqual([{ path: 'workspaceId', message: detail }]);
      }
    });
  });
}
