import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import { DEFAULT_PLAN, planChannelOf, planHours, planVsActual, validatePlan } from './plan.ts';

describe('validatePlan', () => {
  it('accepts the default plan', () => {
    expect(validatePlan({ ...DEFAULT_PLAN })).toEqual(DEFAULT_PLAN);
  });

  it('names the sum when shares do not add up to 100', () => {
    expect(() => validatePlan({ job_board: 50, networking: 30, direct_outreach: 20, recruiter: 10 })).toThrow(
      'plan: the shares add up to 110, they need to add up to 100',
    );
  });

  it('names the field that is out of range, missing or not whole', () => {
    const bad = (plan: Record<string, unknown>) => {
      try {
        validatePlan(plan);
      } catch (e) {
        expect(e).toBeInstanceOf(ReboundError);
        expect((e as ReboundError).code).toBe('invalid_input');
        return (e as ReboundError).details[0]!.path;
      }
      return 'no error';
    };
    expect(bad({ job_board: 120, networking: -20, direct_outreach: 0, recruiter: 0 })).toBe('job_board');
    expect(bad({ job_board: 40, networking: 30, direct_outreach: 20 })).toBe('recruiter');
    expect(bad({ job_board: 40.5, networking: 29.5, direct_outreach: 20, recruiter: 10 })).toBe('job_board');
    expect(bad({ ...DEFAULT_PLAN, referral: 0 })).toBe('referral');
  });
});

describe('plan hours', () => {
  it('splits the week by share, to the quarter hour', () => {
    expect(planHours(DEFAULT_PLAN, 10)).toEqual({
      job_board: 4,
      networking: 3,
      direct_outreach: 2,
      recruiter: 1,
    });
    expect(planHours(DEFAULT_PLAN, 7).networking).toBe(2.0);
  });

  it('counts referrals as networking and leaves other out', () => {
    expect(planChannelOf('referral')).toBe('networking');
    expect(planChannelOf('other')).toBeNull();
  });

  it('compares the week logged with the plan, ignoring other weeks', () => {
    const r = planVsActual(
      DEFAULT_PLAN,
      10,
      [
        { channel: 'job_board', minutes: 90, loggedOn: '2026-11-16' },
        { channel: 'job_board', minutes: 30, loggedOn: '2026-11-22' },
        { channel: 'referral', minutes: 60, loggedOn: '2026-11-18' },
        { channel: 'other', minutes: 30, loggedOn: '2026-11-18' },
        { channel: 'recruiter', minutes: 600, loggedOn: '2026-11-23' },
      ],
      '2026-11-16',
    );
    expect(r.rows.find((x) => x.channel === 'job_board')).toEqual({
      channel: 'job_board',
      plannedHours: 4,
      actualHours: 2,
      differenceHours: -2,
    });
    expect(r.rows.find((x) => x.channel === 'networking')!.actualHours).toBe(1);
    expect(r.rows.find((x) => x.channel === 'recruiter')!.actualHours).toBe(0);
    expect(r.otherHours).toBe(0.5);
    expect(r.totalActualHours).toBe(3.5);
  });
});
