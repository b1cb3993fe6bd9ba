import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import { isReboundError } from '../../core/errors.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import { listConnections } from '../../store/referrals-repository.ts';
import { addRound } from '../application-rounds.ts';
import { addEvent, getApplicationOrThrow } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { createContact } from '../contacts/contacts.ts';
import { getInsights } from '../insights/insights.ts';
import { loadSampleData, removeSampleData } from '../sample-data.ts';
import { updateSettings } from '../settings.ts';
import { getToday } from '../today/today.ts';
import { setReferralAsk } from './asks.ts';
import { importConnections } from './connections-import.ts';
import { applicationExtras, peopleByApplication, peopleYouKnowFor } from './people.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/connections/${name}`, import.meta.url));

for (const database of databases) {
  describe(`referral paths on ${database.name}`, () => {
    let t: TestContext;
    beforeEach(async () => {
      t = await openTestContext(database, new Date('2026-11-28T10:00:00Z'));
    });
    afterEach(async () => t.close());

    const contactCount = async () => (await contactsRepo.listContacts(t.ctx.db, t.ctx.workspaceId)).length;

    it('imports LinkedIn connections under the notes, then folds a second file into the people already kept', async () => {
      const first = await importConnections(t.ctx, fixture('Connections.csv'), 'Connections.csv');
      expect(first).toMatchObject({ rows: 6, created: 6, merged: 0, skipped: [] });
      const second = await importConnections(t.ctx, fixture('contacts-other.csv'), 'contacts-other.csv');
      // Tobias Lindqvist is in both files with the same email.
      expect(second).toMatchObject({ rows: 4, created: 3, merged: 1 });
      const again = await importConnections(t.ctx, fixture('Connections.csv'), 'Connections.csv');
      expect(again).toMatchObject({ created: 0, merged: 6 });
      expect(await contactCount()).toBe(9);
      const marks = await listConnections(t.ctx.db, t.ctx.workspaceId);
      expect(marks).toHaveLength(9);
      expect(marks.filter((m) => m.source === 'linkedin')).toHaveLength(6);
    });

    it('refuses a file with bad lines, naming each, and writes nothing; skipping imports the rest', async () => {
      const error = await importConnections(t.ctx, fixture('connections-bad-lines.csv'), 'bad.csv').catch(
        (e: unknown) => e,
      );
      expect(isReboundError(error)).toBe(true);
      expect((error as Error).message).toContain('line 4: no name');
      expect((error as Error).message).toContain(
        'line 5: email: "not-an-email" does not look like an email address',
      );
      expect((error as Error).message).toContain('line 6: connected on "sometime last spring" is not a date');
      expect(await contactCount()).toBe(0);
      const report = await importConnections(t.ctx, fixture('connections-bad-lines.csv'), 'bad.csv', {
        skipInvalid: true,
      });
      expect(report.created).toBe(1);
      expect(report.skipped.map((s) => s.line)).toEqual([4, 5, 6]);
      await expect(
        importConnections(t.ctx, Buffer.from('Company,Role\nAcme,Engineer\n'), 'jobs.csv', {
          skipInvalid: true,
        }),
      ).rejects.toThrow(
        'jobs.csv: no header naming people: expected columns like First Name, Last Name (or Name) with Company, Email Address or URL.',
      );
    });

    it('reports progress while writing a large export read on a worker', async () => {
      const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
      for (let i = 0; i < 3000; i++)
        lines.push(
          `Person,Number${i},https://www.linkedin.com/in/person-${i},,Company ${i % 50} Ltd,Engineer,01 Feb 2024`,
        );
      const phases = new Set<string>();
      const report = await importConnections(t.ctx, Buffer.from(lines.join('\n')), 'Connections.csv', {
        onProgress: (p) => phases.add(p.phase),
      });
      expect(report.created).toBe(3000);
      expect([...phases]).toEqual(expect.arrayContaining(['reading', 'writing']));
    });

    it('shows the people the user knows at a saved application, with a drafted ask, and tracks the ask', async () => {
      await updateSettings(t.ctx, { userName: 'Sam Rivera' });
      await importConnections(t.ctx, fixture('Connections.csv'), 'Connections.csv');
      const app = await createTestApplication(t.ctx, {
        company: 'Acme, Inc.',
        role: 'Backend Engineer',
        stage: 'saved',
      });
      const people = await peopleYouKnowFor(t.ctx, app);
      expect(people.map((p) => p.name)).toEqual(['Hannelore Brügger', 'Tobias Lindqvist']);
      expect(people[1]!.draft.subject).toBe(
        'Would you refer me for the Backend Engineer role at Acme, Inc.?',
      );
      expect(people[1]!.draft.body).toMatch(/^Hello Tobias,/);
      expect(people[1]!.draft.body).toMatch(/Sam Rivera$/);
      expect(people[1]!.askState).toBe('Not asked yet');

      const tobias = people[1]!.contactId;
      await setReferralAsk(t.ctx, app.id, { contactId: tobias, status: 'asked', on: '2026-11-20' });
      const after = await setReferralAsk(t.ctx, app.id, { contactId: tobias, status: 'referred' });
      expect(after[1]!.ask).toMatchObject({
        status: 'referred',
        askedOn: '2026-11-20',
        statusOn: '2026-11-28',
      });
      expect(after[1]!.askState).toBe('Referred you');

      await addEvent(t.ctx, app.id, { type: 'stage_changed', stage: 'applied', occurredOn: '2026-11-21' });
      const insights = await getInsights(t.ctx);
      const referral = insights.referrals.byChannel.find((r) => r.channel === 'referral')!;
      expect(referral.applications).toBe(1);
      expect(insights.referrals.asks).toMatchObject({ asks: 1, declined: 0, waiting: 0 });
      expect(insights.referrals.asks.referred.successes).toBe(1);

      const closed = await addEvent(t.ctx, app.id, { type: 'outcome_set', outcome: 'withdrawn' });
      expect(await peopleYouKnowFor(t.ctx, closed)).toEqual([]);
    });

    it('draws the channel finding from the same counts the channels card shows', async () => {
      const add = async (
        channel: 'recruiter' | 'job_board' | 'direct_outreach',
        n: number,
        interview: boolean,
      ) => {
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const a = await createTestApplication(t.ctx, {
            company: `${channel} ${interview} ${i}`,
            channel,
            appliedOn: '2026-09-01',
          });
          if (interview)
            await addEvent(t.ctx, a.id, {
              type: 'stage_changed',
              stage: 'interviewing',
              occurredOn: '2026-09-10',
            });
          ids.push(a.id);
        }
        return ids;
      };
      await add('recruiter', 3, true);
      await add('recruiter', 3, false);
      // A recruiter application someone referred the user for is on the card's referral line.
      const [referred] = await add('recruiter', 1, false);
      const contact = await createContact(t.ctx, { name: 'Ada Referrer', email: 'ada@example.com' });
      await setReferralAsk(t.ctx, referred!, { contactId: contact.id, status: 'referred', on: '2026-09-02' });
      await add('job_board', 6, false);
      await add('direct_outreach', 2, true);
      // Saved, never sent: not an application of its channel on either.
      await createTestApplication(t.ctx, { company: 'Saved Co', channel: 'recruiter', stage: 'saved' });

      const insights = await getInsights(t.ctx);
      const card = new Map(insights.referrals.byChannel.map((r) => [r.channel, r]));
      expect(card.get('recruiter')).toMatchObject({ applications: 6, interviews: { successes: 3 } });
      const finding = insights.findings.find((f) => f.id === 'channel-yield')!;
      expect(finding.text).toBe(
        'Recruiter turned 3 of 6 applications into interviews; job board 0 of 6 (small sample). Shifting some time toward recruiter is worth a try. Direct outreach 2 of 2 looks better still, but with only 2 so far that is too few to go on (5 or more needed).',
      );
      for (const side of ['best', 'worst'] as const) {
        const row = card.get(finding.evidence[side] as 'recruiter' | 'job_board')!;
        expect(finding.evidence[`${side}Applications`]).toBe(row.applications);
        expect(finding.evidence[`${side}Interviews`]).toBe(row.interviews.successes);
      }
    });

    it('refuses an ask about someone unknown or in the future', async () => {
      const app = await createTestApplication(t.ctx);
      await expect(setReferralAsk(t.ctx, app.id, { contactId: 'nobody', status: 'asked' })).rejects.toThrow(
        /No contact with id nobody/,
      );
      await expect(
        setReferralAsk(t.ctx, app.id, { contactId: 'nobody', status: 'asked', on: '2026-12-01' }),
      ).rejects.toThrow(/on: the ask cannot be in the future/);
    });

    it('sets a quiet application against the user’s own reply times, on the application and on Today', async () => {
      for (const [i, days] of [3, 5, 8, 12].entries()) {
        const a = await createTestApplication(t.ctx, { company: `Replied ${i}`, appliedOn: '2026-09-01' });
        await addEvent(t.ctx, a.id, {
          type: 'response',
          occurredOn: `2026-09-${String(1 + days).padStart(2, '0')}`,
        });
      }
      const quiet = await createTestApplication(t.ctx, { company: 'Quiet Ltd', appliedOn: '2026-11-01' });
      const { responseWait } = await applicationExtras(t.ctx, quiet);
      expect(responseWait.quiet?.text).toBe(
        'Most replies you got came within 9 days; this one has been quiet for 27 days. That is longer than most of your replies took.',
      );
      const today = await getToday(t.ctx);
      const item = today.items.find((i) => i.applicationId === quiet.id);
      expect(item?.detail).toMatch(
        /^Most replies you got came within 9 days; this one has been quiet for 27 days\./,
      );

      const insights = await getInsights(t.ctx);
      expect(insights.responseTimes.firstResponse).toMatchObject({
        n: 4,
        minDays: 3,
        maxDays: 12,
        fewAnswers: true,
      });
      expect(insights.responseTimes.typicalReplyDays).toBe(9);
    });

    it('flags an application past the notice rule after an interview', async () => {
      const app = await createTestApplication(t.ctx, { company: 'Fabrikam', appliedOn: '2026-10-01' });
      await addRound(t.ctx, app.id, { kind: 'technical', scheduledAt: '2026-11-06' });
      const before = await getInsights(t.ctx);
      expect(before.responseTimes).toMatchObject({ noticeDays: null, pastNotice: [] });

      await updateSettings(t.ctx, { noticeDays: 14 });
      const times = (await getInsights(t.ctx)).responseTimes;
      expect(times.pastNotice).toEqual([
        {
          applicationId: app.id,
          company: 'Fabrikam',
          role: 'Backend Engineer',
          interviewOn: '2026-11-06',
          silentDays: 22,
        },
      ]);
      const { responseWait } = await applicationExtras(t.ctx, await getApplicationOrThrow(t.ctx, app.id));
      expect(responseWait.notice).toMatchObject({ pastNotice: true, silentDays: 22 });
      expect(responseWait.notice?.text).toBe(
        '22 days since the interview: past the 14 days your notice rule gives an employer to answer.',
      );
    });

    it('sample data shows people you know and asks, and removing it takes them away', async () => {
      await loadSampleData(t.ctx);
      const insights = await getInsights(t.ctx);
      expect(insights.referrals.asks).toMatchObject({ asks: 3, declined: 1, waiting: 1 });
      expect(
        insights.referrals.byChannel.find((r) => r.channel === 'referral')!.applications,
      ).toBeGreaterThan(0);
      expect(insights.responseTimes.firstResponse.n).toBeGreaterThan(0);
      // Whatever the channel finding says, its counts are the channels card's.
      const channelFinding = insights.findings.find((f) => f.id === 'channel-yield');
      for (const side of channelFinding ? (['best', 'worst'] as const) : []) {
        const row = insights.referrals.byChannel.find((r) => r.channel === channelFinding!.evidence[side])!;
        expect(channelFinding!.evidence[`${side}Applications`]).toBe(row.applications);
        expect(channelFinding!.evidence[`${side}Interviews`]).toBe(row.interviews.successes);
      }
      const board = await peopleByApplication(t.ctx);
      expect(board.length).toBeGreaterThanOrEqual(1);
      await removeSampleData(t.ctx);
      expect(await contactCount()).toBe(0);
      expect(await peopleByApplication(t.ctx)).toEqual([]);
    });

    it('keeps connections and asks through a backup and a restore', async () => {
      await importConnections(t.ctx, fixture('Connections.csv'), 'Connections.csv');
      const app = await createTestApplication(t.ctx, { company: 'Tailspin Toys', stage: 'saved' });
      const [kwame] = await peopleYouKnowFor(t.ctx, app);
      await setReferralAsk(t.ctx, app.id, { contactId: kwame!.contactId, status: 'agreed' });
      const backup = await exportBackup(t.ctx);
      await importBackup(t.ctx, backup, { replace: true });
      expect(await listConnections(t.ctx.db, t.ctx.workspaceId)).toHaveLength(6);
      const [again] = await peopleYouKnowFor(t.ctx, app);
      expect(again).toMatchObject({ name: 'Kwame Asante', askState: 'Agreed to refer you' });
    });
  });
}
