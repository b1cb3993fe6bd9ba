import { describe, expect, it } from 'vitest';
import { probabilityBest } from './beta.ts';
import { channelYield } from './yield.ts';

describe('channelYield', () => {
  it('counts answers and interviews per channel, with referrals as networking', () => {
    const y = channelYield(
      [
        { channel: 'job_board', furthestStage: 'applied', responded: false },
        { channel: 'job_board', furthestStage: 'applied', responded: true },
        { channel: 'job_board', furthestStage: 'interviewing', responded: true },
        { channel: 'referral', furthestStage: 'offer', responded: true },
        { channel: 'networking', furthestStage: 'saved', responded: false },
        { channel: 'other', furthestStage: 'interviewing', responded: true },
      ],
      [
        { channel: 'job_board', minutes: 120, loggedOn: '2026-11-02' },
        { channel: 'networking', minutes: 30, loggedOn: '2026-11-03' },
      ],
    );
    const jb = y.find((r) => r.channel === 'job_board')!;
    expect(jb.applications).toBe(3);
    expect(jb.responses).toMatchObject({ successes: 2, n: 3 });
    expect(jb.interviews).toMatchObject({ successes: 1, n: 3 });
    expect(jb.interviewsPerHour).toBe(0.5);
    const nw = y.find((r) => r.channel === 'networking')!;
    expect(nw.applications).toBe(1);
    expect(nw.interviewsPerHour).toBe(2);
    expect(y.find((r) => r.channel === 'recruiter')!.interviewsPerHour).toBeNull();
  });
});

describe('probabilityBest', () => {
  it('splits evenly between identical posteriors', () => {
    const p = probabilityBest([
      { alpha: 2, beta: 5 },
      { alpha: 2, beta: 5 },
    ]);
    expect(p[0]).toBeCloseTo(0.5, 6);
  });

  it('matches the closed form P(X > Y) for Beta(2,1) vs Beta(1,1) = 2/3', () => {
    expect(
      probabilityBest([
        { alpha: 2, beta: 1 },
        { alpha: 1, beta: 1 },
      ])[0],
    ).toBeCloseTo(2 / 3, 3);
  });

  it('favours the channel with clearly better results', () => {
    const p = probabilityBest([
      { alpha: 1 + 8, beta: 1 + 12 },
      { alpha: 1 + 1, beta: 1 + 29 },
    ]);
    expect(p[0]).toBeGreaterThan(0.99);
  });

  it('answers the same posteriors the same way again, whatever the last caller did with its answer', () => {
    const posteriors = [
      { alpha: 3, beta: 7 },
      { alpha: 2.5, beta: 4 },
      { alpha: 1, beta: 9 },
    ];
    const first = probabilityBest(posteriors);
    const copy = [...first];
    first[0] = 42;
    expect(probabilityBest(posteriors)).toEqual(copy);
    expect(probabilityBest(posteriors, 500)[0]).toBeCloseTo(copy[0]!, 2);
  });
});
