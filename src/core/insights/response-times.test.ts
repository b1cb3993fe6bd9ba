import { describe, expect, it } from 'vitest';
import { summarizeApplication } from './app-summary.ts';
import { noticeCheck, quietLine, responseTimes, spread } from './response-times.ts';
import { history } from './test-factories.ts';

/** An application sent on 1 October that heard back after `days` days (a reply). */
function answeredAfter(id: string, days: number, fields = {}) {
  const on = new Date(Date.UTC(2026, 9, 1 + days)).toISOString().slice(0, 10);
  return summarizeApplication(history(id, fields).created('applied', '2026-10-01').reply(on).build());
}

describe('spread', () => {
  it('gives the median and the middle half from five answers on', () => {
    const s = spread([2, 4, 6, 8, 30]);
    expect(s).toMatchObject({ n: 5, medianDays: 6, p25Days: 4, p75Days: 8, minDays: 2, maxDays: 30 });
    expect(s.fewAnswers).toBe(false);
  });

  it('with fewer than five answers shows only the range and says so', () => {
    const s = spread([3, 12]);
    expect(s).toMatchObject({ n: 2, medianDays: 7.5, p25Days: null, p75Days: null, minDays: 3, maxDays: 12 });
    expect(s.fewAnswers).toBe(true);
  });
});

describe('responseTimes', () => {
  it('says within how many days most replies came, by channel and by tagged industry', () => {
    const apps = [
      answeredAfter('a', 3, { channel: 'referral', tags: ['industry:Fintech'] }),
      answeredAfter('b', 5, { channel: 'referral', tags: ['industry:fintech'] }),
      answeredAfter('c', 9),
      answeredAfter('d', 14),
      summarizeApplication(history('quiet').created('applied', '2026-10-01').build()),
    ];
    const t = responseTimes(apps);
    expect(t.firstResponse.n).toBe(4);
    // 75th percentile of 3, 5, 9, 14 is 10.25 → rounded up.
    expect(t.typicalReplyDays).toBe(11);
    expect(t.groups.map((g) => `${g.by}:${g.key}:${g.firstResponse.n}`)).toEqual([
      'channel:job_board:2',
      'channel:referral:2',
      'industry:fintech:2',
    ]);
    expect(t.summary).toBe(
      'From 4 replies: a median of 7 days to a first answer, from 3 to 14 days. Most came within 11 days.',
    );
  });

  it('counts days to a decision from an offer or a no, not from a withdrawal', () => {
    const rejected = summarizeApplication(
      history('r').created('applied', '2026-10-01').close('rejected', '2026-10-21').build(),
    );
    const offer = summarizeApplication(
      history('o')
        .created('applied', '2026-10-01')
        .move('interviewing', '2026-10-10')
        .move('offer', '2026-10-31')
        .build(),
    );
    const withdrawn = summarizeApplication(
      history('w').created('applied', '2026-10-01').close('withdrawn', '2026-10-05').build(),
    );
    const t = responseTimes([rejected, offer, withdrawn]);
    expect(t.decision).toMatchObject({ n: 2, minDays: 20, maxDays: 30 });
  });

  it('does not claim what is usual from fewer than three replies', () => {
    const t = responseTimes([answeredAfter('a', 4), answeredAfter('b', 6)]);
    expect(t.typicalReplyDays).toBeNull();
    expect(t.summary).toBe('Only 2 replies so far (after 4–6 days); too few to say what is usual.');
  });
});

describe('quietLine', () => {
  it('sets this silence against the user’s own replies', () => {
    expect(quietLine(18, 11)?.text).toBe(
      'Most replies you got came within 11 days; this one has been quiet for 18 days. That is longer than most of your replies took.',
    );
    expect(quietLine(6, 11)).toMatchObject({ pastTypical: false });
    expect(quietLine(null, 11)).toBeNull();
  });

  it('says nothing on the day of a move or an answer, nor before half the usual reply time', () => {
    expect(quietLine(0, 12)).toBeNull();
    expect(quietLine(5, 12)).toBeNull();
    expect(quietLine(6, 12)?.text).toBe(
      'Most replies you got came within 12 days; this one has been quiet for 6 days.',
    );
    // A user whose replies come within a day still never reads "quiet for 0 days".
    expect(quietLine(0, 1)).toBeNull();
    expect(quietLine(1, 1)?.text).toBe(
      'Most replies you got came within 1 day; this one has been quiet for 1 day.',
    );
  });

  it('without enough replies to know what is usual, waits a week', () => {
    expect(quietLine(0, null)).toBeNull();
    expect(quietLine(6, null)).toBeNull();
    expect(quietLine(7, null)?.text).toMatch(/^This one has been quiet for 7 days\. Once a few employers/);
  });
});

describe('noticeCheck', () => {
  const base = { waiting: true, lastResponseOn: null, today: '2026-11-28', noticeDays: 14 };

  it('flags an application silent past the notice rule since its latest interview', () => {
    const c = noticeCheck({ ...base, interviewDays: ['2026-10-20', '2026-11-10'] });
    expect(c).toEqual({ interviewOn: '2026-11-10', silentDays: 18, noticeDays: 14, pastNotice: true });
  });

  it('counts from an answer after the interview, and ignores interviews still to come', () => {
    const c = noticeCheck({
      ...base,
      interviewDays: ['2026-11-10', '2026-12-02'],
      lastResponseOn: '2026-11-20',
    });
    expect(c).toMatchObject({ interviewOn: '2026-11-10', silentDays: 8, pastNotice: false });
    expect(noticeCheck({ ...base, interviewDays: ['2026-12-02'] })).toBeNull();
    expect(noticeCheck({ ...base, waiting: false, interviewDays: ['2026-11-01'] })).toBeNull();
  });
});
