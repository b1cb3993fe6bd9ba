import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from '../applications/application.ts';
import { DEFAULT_PLAN } from '../channels/plan.ts';
import { resultsByChannel, reviewPlan } from './review.ts';
import type { WeekStep } from './steps.ts';
import { suggestSteps } from './suggest.ts';

const WEEK = '2026-11-23';

function step(over: Partial<WeekStep>): WeekStep {
  return {
    id: Math.random().toString(36).slice(2),
    weekStart: WEEK,
    day: '2026-11-24',
    time: '09:00',
    where: 'library',
    what: '2 tailored applications',
    minutes: 90,
    channel: 'job_board',
    status: 'planned',
    movedFrom: null,
    settledAt: null,
    createdAt: '2026-11-20T10:00:00Z',
    ...over,
  };
}

describe('suggestSteps', () => {
  const base = {
    weekStart: WEEK,
    today: WEEK,
    planned: [],
    plan: DEFAULT_PLAN,
    hoursPerWeek: 0,
    followUps: [],
  };

  it('offers last week’s kept steps in the same slot a week on, and leaves out the ones let go', () => {
    const lastWeek = [
      step({ weekStart: '2026-11-16', day: '2026-11-17', status: 'done' }),
      step({ weekStart: '2026-11-16', day: '2026-11-18', what: 'coffee chat', channel: 'networking' }),
      step({ weekStart: '2026-11-16', day: '2026-11-19', what: 'cold email', status: 'dropped' }),
    ];
    const drafts = suggestSteps({ ...base, lastWeek });
    expect(drafts.map((d) => [d.day, d.what, d.why])).toEqual([
      ['2026-11-24', '2 tailored applications', 'Done last week: the same slot again?'],
      ['2026-11-25', 'coffee chat', 'Still open from last week'],
    ]);
  });

  it('makes time for the channels the split gives hours to, on the quietest weekdays, and skips days gone', () => {
    const drafts = suggestSteps({ ...base, today: '2026-11-26', lastWeek: [], hoursPerWeek: 10 });
    expect(drafts.map((d) => d.channel)).toEqual(['job_board', 'direct_outreach', 'networking', 'recruiter']);
    expect(drafts.every((d) => d.day >= '2026-11-26' && d.day <= '2026-11-27')).toBe(true);
    expect(drafts.find((d) => d.channel === 'job_board')).toMatchObject({ minutes: 90, where: 'at my desk' });
    // Two on one day start at different times.
    const thursday = drafts.filter((d) => d.day === '2026-11-26').map((d) => d.time);
    expect(new Set(thursday).size).toBe(thursday.length);
  });

  it('does not suggest a channel the planned steps already cover, and makes one step of waiting follow-ups', () => {
    const planned = [step({ minutes: 240, channel: 'job_board' })];
    const drafts = suggestSteps({
      ...base,
      hoursPerWeek: 10,
      lastWeek: [],
      planned,
      followUps: [
        { title: 'Thank Dana', dueOn: '2026-11-20' },
        { title: 'Ask Acme for feedback', dueOn: '2026-11-25' },
        { title: 'Chase Globex', dueOn: '2026-11-26' },
        { title: 'Next month', dueOn: '2026-12-20' },
      ],
    });
    expect(drafts.some((d) => d.channel === 'job_board')).toBe(false);
    const followUp = drafts.find((d) => d.what.startsWith('follow-ups'));
    expect(followUp).toMatchObject({
      day: WEEK,
      what: 'follow-ups: Thank Dana; Ask Acme for feedback and 1 more',
      minutes: 45,
      why: '3 follow-ups waiting',
    });
  });

  it('starts a suggestion in an hour no step of that day uses', () => {
    const planned = [step({ day: '2026-11-29', time: '09:30', channel: 'other', minutes: 45 })];
    const drafts = suggestSteps({ ...base, today: '2026-11-29', lastWeek: [], planned, hoursPerWeek: 2 });
    expect(drafts.map((d) => [d.day, d.time])).toEqual([
      ['2026-11-29', '11:00'],
      ['2026-11-29', '14:00'],
    ]);
  });

  it('suggests nothing for a week that is over', () => {
    expect(suggestSteps({ ...base, today: '2026-12-01', lastWeek: [], hoursPerWeek: 10 })).toEqual([]);
  });
});

describe('reviewPlan', () => {
  const none = resultsByChannel([], WEEK);

  it('sets the plan against what was done, kindly, with moved steps counted once', () => {
    const steps = [
      step({ status: 'done' }),
      step({
        status: 'done',
        movedFrom: '2026-11-24',
        day: '2026-11-25',
        channel: 'networking',
        minutes: 45,
      }),
      step({ status: 'dropped', channel: 'networking', minutes: 30 }),
      step({ status: 'planned', channel: 'other', minutes: 20 }),
    ];
    const review = reviewPlan(steps, none, true);
    expect(review).toMatchObject({
      planned: 4,
      done: 2,
      moved: 1,
      dropped: 1,
      open: 1,
      minutesPlanned: 185,
      minutesDone: 135,
    });
    expect(review.message).toBe(
      '2 of 4 steps done, 1 moved, 1 let go. Plans change; the steps you took still count.',
    );
    expect(review.channels.find((c) => c.channel === 'networking')).toMatchObject({
      planned: 2,
      done: 1,
      minutesDone: 45,
    });
    expect(reviewPlan(steps, none, false).message).toContain('The week is still running.');
  });

  it('never shames an empty or an untouched week', () => {
    expect(reviewPlan([], none, true).message).toMatch(/^No steps planned for this week\./);
    const untouched = reviewPlan([step({}), step({ status: 'dropped' })], none, true).message;
    expect(untouched).toBe(
      "0 of 2 steps done, 1 let go. Weeks like this happen; next week's plan can be smaller, or at times that suit you better.",
    );
    expect(untouched).not.toMatch(/streak|fail|miss/i);
  });

  it('counts what came back in the week per channel: sent, first replies and interview rounds', () => {
    const events = (list: Array<[string, string, Record<string, unknown>]>): ApplicationEvent[] =>
      list.map(([type, occurredOn, data], i) => ({
        id: `e${i}`,
        applicationId: 'a',
        type,
        occurredOn,
        data,
        createdAt: `${occurredOn}T10:00:00Z`,
      })) as unknown as ApplicationEvent[];
    const apps = [
      {
        id: 'a',
        channel: 'referral' as const,
        role: 'Engineer',
        tags: [],
        kind: 'job' as const,
        appliedOn: '2026-11-23',
        events: events([
          ['stage_changed', '2026-11-23', { from: 'saved', to: 'applied' }],
          ['stage_changed', '2026-11-25', { from: 'applied', to: 'screening' }],
          ['round_added', '2026-11-26', { roundId: 'r1', number: 1, kind: 'phone' }],
        ]),
      },
    ];
    const results = resultsByChannel(apps, WEEK);
    // A referral counts toward networking, as in the channel plan.
    expect(results.networking).toEqual({ sent: 1, replies: 1, interviews: 1 });
    expect(results.job_board).toEqual({ sent: 0, replies: 0, interviews: 0 });
    expect(resultsByChannel(apps, '2026-11-30').networking).toEqual({ sent: 0, replies: 0, interviews: 0 });
  });
});
