import { describe, expect, it } from 'vitest';
import type { Channel } from '../applications/application.ts';
import { addDays } from '../dates.ts';
import { yieldByChannel } from '../referrals/asks.ts';
import { summarizeApplication } from './app-summary.ts';
import { buildFindings } from './compute.ts';
import { history } from './test-factories.ts';
import type { InsightApplication } from './types.ts';

const today = '2026-11-30';

/** `n` applications through `channel`, sent `daysAgo` days before today, shaped by `fate`. */
function batch(
  prefix: string,
  n: number,
  fate: 'rejected-early' | 'rejected-late' | 'interview' | 'reply' | 'silent',
  { channel = 'job_board' as Channel, daysAgo = 60 } = {},
): InsightApplication[] {
  return Array.from({ length: n }, (_, i) => {
    const on = addDays(today, -daysAgo);
    const b = history(`${prefix}${i}`, { channel }).created('applied', on);
    if (fate === 'rejected-early') b.close('rejected', addDays(on, 10));
    if (fate === 'rejected-late') b.move('interviewing', addDays(on, 5)).close('rejected', addDays(on, 15));
    if (fate === 'interview') b.move('interviewing', addDays(on, 6));
    if (fate === 'reply') b.reply(addDays(on, 4));
    return b.build();
  });
}

const texts = (apps: InsightApplication[], extra = {}) =>
  buildFindings({ applications: apps, ...extra }, today).map((f) => f.text);

describe('buildFindings', () => {
  it('points to the resume when most rejections come before any interview', () => {
    const apps = [...batch('e', 8, 'rejected-early'), ...batch('l', 3, 'rejected-late')];
    const f = buildFindings({ applications: apps }, today).find(
      (x) => x.id === 'rejections-before-interview',
    )!;
    expect(f.text).toBe(
      '8 of your 11 rejections came before any interview: your resume or targeting is the place to work on.',
    );
    expect(f.evidence).toMatchObject({ early: 8, rejections: 11 });
    expect(f.evidence.applicationIds).toHaveLength(8);
  });

  it('points to interview practice when rejections come after interviews, and labels a small sample', () => {
    const apps = [...batch('e', 2, 'rejected-early'), ...batch('l', 4, 'rejected-late')];
    expect(texts(apps)).toContain(
      '4 of your 6 rejections came after at least one interview: your applications get noticed, so interview practice is where the next gains are (small sample).',
    );
  });

  it('says nothing about rejections when there are too few to read', () => {
    const apps = batch('e', 4, 'rejected-early');
    expect(texts(apps).join(' ')).not.toContain('rejections came');
  });

  it('counts feedback themes and post-mortem ratings', () => {
    const apps = batch('a', 6, 'rejected-late');
    const r = buildFindings(
      {
        applications: apps,
        feedbackThemes: [
          { applicationId: 'a0', theme: 'system design' },
          { applicationId: 'a1', theme: 'System design' },
          { applicationId: 'a2', theme: 'system design' },
          { applicationId: 'a3', theme: 'salary expectations' },
          { applicationId: 'not-in-view', theme: 'salary expectations' },
        ],
        postMortemRatings: [
          ...['a0', 'a1', 'a2', 'a3'].map((applicationId) => ({
            applicationId,
            item: 'follow_up',
            rating: 'weak' as const,
          })),
          ...['a4', 'a5'].map((applicationId) => ({
            applicationId,
            item: 'follow_up',
            rating: 'well' as const,
          })),
          ...['a0', 'a1', 'a2'].map((applicationId) => ({
            applicationId,
            item: 'round:2',
            rating: 'well' as const,
          })),
        ],
      },
      today,
    );
    const t = r.map((f) => f.text);
    expect(t).toContain('Feedback named system design 3 times: a focused look there is likely to pay off.');
    expect(t.join(' ')).not.toContain('salary');
    expect(t).toContain(
      'Post-mortems rate follow-up weak in 4 of 6: a small change there could help across applications.',
    );
    expect(t).toContain('Post-mortems rate round 2 well in 3 of 3: that is a strength to keep.');
  });

  it('compares channels when both have enough applications', () => {
    const apps = [
      ...batch('n', 4, 'interview', { channel: 'networking' }),
      ...batch('r', 6, 'silent', { channel: 'networking' }),
      ...batch('j', 1, 'interview'),
      ...batch('k', 19, 'silent'),
    ];
    expect(texts(apps)).toContain(
      'Networking turned 4 of 10 applications into interviews; job board 1 of 20. Shifting some time toward networking is worth a try.',
    );
  });

  it('gives the same per-channel counts as the channels card and names a better channel with too few', () => {
    const saved = (prefix: string, n: number, channel: Channel) =>
      Array.from({ length: n }, (_, i) =>
        history(`${prefix}${i}`, { channel }).created('saved', addDays(today, -30)).build(),
      );
    const apps = [
      // Recruiter 4 of 8, one of the interviews closed afterwards (still counts).
      ...batch('ri', 3, 'interview', { channel: 'recruiter' }),
      ...batch('rl', 1, 'rejected-late', { channel: 'recruiter' }),
      ...batch('rs', 4, 'silent', { channel: 'recruiter' }),
      // Job board 1 of 10, and two saved but never sent (not applications of the channel).
      ...batch('ji', 1, 'interview'),
      ...batch('js', 9, 'silent'),
      ...saved('jx', 2, 'job_board'),
      // Networking 1 of 6 on its own line; five more saved under networking were referred.
      ...batch('ni', 1, 'interview', { channel: 'networking' }),
      ...batch('ns', 5, 'silent', { channel: 'networking' }),
      ...batch('nr', 5, 'silent', { channel: 'networking' }),
      ...saved('nx', 3, 'networking'),
      // Direct outreach 3 of 3: the best rate, too few to recommend.
      ...batch('d', 3, 'interview', { channel: 'direct_outreach' }),
    ];
    const referredIds = ['nr0', 'nr1', 'nr2', 'nr3', 'nr4'];
    const card = yieldByChannel(
      apps.map(summarizeApplication).map((a) => ({ ...a, responded: a.firstResponseOn !== null })),
      new Set(referredIds),
    );
    const row = (c: Channel) => card.find((r) => r.channel === c)!;
    const f = buildFindings({ applications: apps, referredIds }, today).find(
      (x) => x.id === 'channel-yield',
    )!;
    expect(f.text).toBe(
      'Recruiter turned 4 of 8 applications into interviews; referral 0 of 5 (small sample). Shifting some time toward recruiter is worth a try. Direct outreach 3 of 3 looks better still, but with only 3 so far that is too few to go on (5 or more needed).',
    );
    // Every count the finding shows is the card's count for that channel.
    for (const side of ['best', 'worst'] as const) {
      const r = row(f.evidence[side] as Channel);
      expect(f.evidence[`${side}Interviews`]).toBe(r.interviews.successes);
      expect(f.evidence[`${side}Applications`]).toBe(r.applications);
    }
    expect(row('job_board').applications).toBe(10);
    expect(row('networking').applications).toBe(6);
    expect(f.evidence.tooFewSoFar).toBe('Direct outreach 3 of 3');
  });

  it('recommends no channel when the channels with enough applications are close', () => {
    // As the sample data: job board 2 of 14, networking 1 of 6, recruiter 2 of 8 (the nearest
    // pair on the card is 14% against 25%, under twice), direct outreach 3 of 3 (too few).
    const apps = [
      ...batch('j', 2, 'interview'),
      ...batch('k', 12, 'silent'),
      ...batch('n', 1, 'interview', { channel: 'networking' }),
      ...batch('m', 5, 'silent', { channel: 'networking' }),
      ...batch('r', 2, 'interview', { channel: 'recruiter' }),
      ...batch('s', 6, 'silent', { channel: 'recruiter' }),
      ...batch('d', 3, 'interview', { channel: 'direct_outreach' }),
      ...batch('f', 4, 'silent', { channel: 'referral' }),
    ];
    expect(buildFindings({ applications: apps }, today).map((f) => f.id)).not.toContain('channel-yield');
  });

  it('notices a lot of silence, kindly', () => {
    const apps = [...batch('s', 7, 'silent'), ...batch('r', 3, 'reply')];
    const f = buildFindings({ applications: apps }, today).find((x) => x.id === 'ghosting')!;
    expect(f.text).toMatch(
      /^7 of 10 applications never got an answer\. That says more about busy hiring teams than about you/,
    );
  });

  it('compares the last 30 days with before and marks a small sample', () => {
    const apps = [
      ...batch('o', 2, 'reply', { daysAgo: 90 }),
      ...batch('p', 14, 'silent', { daysAgo: 90 }),
      ...batch('q', 2, 'reply', { daysAgo: 10 }),
      ...batch('s', 6, 'silent', { daysAgo: 10 }),
    ];
    expect(texts(apps)).toContain(
      'Your response rate rose from 13% to 25% in the last 30 days (small sample). Whatever you changed seems to be working.',
    );
  });

  it('ranks findings by weight and respects filters', () => {
    const apps = [
      ...batch('e', 8, 'rejected-early'),
      ...batch('l', 3, 'rejected-late', { channel: 'recruiter' }),
    ];
    const all = buildFindings({ applications: apps }, today);
    expect(all.map((f) => f.weight)).toEqual([...all.map((f) => f.weight)].sort((a, b) => b - a));
    const recruiterOnly = buildFindings({ applications: apps, filters: { channel: 'recruiter' } }, today);
    expect(recruiterOnly.map((f) => f.id)).toEqual(['not-enough-data']);
    expect(recruiterOnly[0]!.text).toMatch(/^3 applications so far/);
  });
});
