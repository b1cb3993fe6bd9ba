import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from './channels/plan.ts';
import { suggestReallocation } from './channels/reallocation.ts';
import { channelYield } from './channels/yield.ts';
import { addDays } from './dates.ts';
import { summarizeApplication } from './insights/app-summary.ts';
import { buildFindings } from './insights/compute.ts';
import { quietLine, responseTimes } from './insights/response-times.ts';
import { history } from './insights/test-factories.ts';
import type { InsightApplication } from './insights/types.ts';
import { renderWeeklyReview, type WeeklyReviewData } from './insights/weekly-review.ts';
import { coachReader, personWords, possessive, type Reader, SELF } from './reader.ts';
import { askStateText } from './referrals/people.ts';
import { categoryLabel } from './skills/paths.ts';
import { resultsByChannel, reviewPlan } from './week/review.ts';
import type { WeekStep } from './week/steps.ts';
import { goalProgress } from './wellbeing/goals.ts';
import { detectWins } from './wellbeing/wins.ts';

// What Rebound writes about a job search, read by the seeker ("you") and by a coach the seeker
// shares it with (the seeker's name, then "they"). The seeker's wording is pinned in each
// generator's own tests; here, the coach's.
const YOU = /(?<![\w-])(you|your|yours|yourself)(?![\w-])/i;
const coach = coachReader('Dr. Amara Okafor');
const today = '2026-11-30';

function batch(prefix: string, n: number, fate: 'early' | 'late' | 'reply' | 'silent', daysAgo = 60) {
  return Array.from({ length: n }, (_, i) => {
    const on = addDays(today, -daysAgo);
    const b = history(`${prefix}${i}`).created('applied', on);
    if (fate === 'early') b.close('rejected', addDays(on, 10));
    if (fate === 'late') b.move('interviewing', addDays(on, 5)).close('rejected', addDays(on, 15));
    if (fate === 'reply') b.reply(addDays(on, 4));
    return b.build();
  });
}

const findings = (apps: InsightApplication[], reader?: Reader) =>
  buildFindings({ applications: apps, ...(reader ? { reader } : {}) }, today);

describe('the reader', () => {
  it("names the seeker for a coach, as they gave their name, and says 'you' to the seeker", () => {
    expect(personWords(SELF)).toMatchObject({ name: 'you', Names: 'Your', their: 'your' });
    expect(personWords(coach)).toMatchObject({
      name: 'Dr. Amara Okafor',
      names: "Dr. Amara Okafor's",
      Names: "Dr. Amara Okafor's",
      they: 'they',
      their: 'their',
    });
    expect(possessive('Sam Rivera')).toBe("Sam Rivera's");
    expect(possessive('James')).toBe("James'");
    expect(personWords(coachReader('  bell hooks ')).Name).toBe('bell hooks');
  });

  it('words every finding about the seeker for a coach, with the same findings as the seeker gets', () => {
    const cases = [
      [...batch('e', 8, 'early'), ...batch('l', 3, 'late')],
      [...batch('e', 2, 'early'), ...batch('l', 4, 'late')],
      [...batch('s', 7, 'silent'), ...batch('r', 3, 'reply')],
      [
        ...batch('o', 2, 'reply', 90),
        ...batch('p', 14, 'silent', 90),
        ...batch('q', 2, 'reply', 10),
        ...batch('t', 6, 'silent', 10),
      ],
      batch('n', 1, 'silent'),
    ];
    const theirs = cases.flatMap((apps) => findings(apps, coach));
    expect(theirs.map((f) => f.id)).toEqual(cases.flatMap((apps) => findings(apps).map((f) => f.id)));
    expect(theirs.filter((f) => YOU.test(f.text)).map((f) => f.text)).toEqual([]);
    const text = (id: string) => theirs.find((f) => f.id === id)!.text;
    expect(text('rejections-before-interview')).toBe(
      "8 of Dr. Amara Okafor's 11 rejections came before any interview: their resume or targeting is the place to work on.",
    );
    expect(text('rejections-after-interview')).toMatch(
      /^4 of Dr. Amara Okafor's 6 rejections came after at least one interview: their applications get noticed/,
    );
    expect(text('ghosting')).toMatch(/than about Dr\. Amara Okafor; a short follow-up/);
    expect(text('response-rate-rose')).toBe(
      "Dr. Amara Okafor's response rate rose from 13% to 25% in the last 30 days (small sample). Whatever they changed seems to be working.",
    );
    expect(text('not-enough-data')).toBe(
      '1 application so far: patterns usually start to show after about 10 that have had an answer. These findings fill in as Dr. Amara Okafor keeps logging.',
    );
  });

  it('words the channel advice and the suggested plan for a coach', () => {
    const apps = [
      ...Array.from({ length: 6 }, (_, i) =>
        history(`r${i}`, { channel: 'recruiter' })
          .created('applied', '2026-09-01')
          .move('interviewing', '2026-09-08')
          .build(),
      ),
      ...batch('j', 6, 'silent'),
    ];
    const channel = findings(apps, coach).find((f) => f.id === 'channel-yield')!;
    expect(channel.text).toContain(
      "Shifting some of Dr. Amara Okafor's time toward recruiter is worth a try.",
    );
    expect(findings(apps).find((f) => f.id === 'channel-yield')!.text).toContain(
      'Shifting some time toward recruiter is worth a try.',
    );

    const yields = channelYield(
      [
        ...Array.from({ length: 12 }, () => ({
          channel: 'job_board' as const,
          furthestStage: 'applied' as const,
          responded: false,
        })),
      ],
      [],
    );
    const forCoach = suggestReallocation(DEFAULT_PLAN, yields, { reader: coach });
    const forSeeker = suggestReallocation(DEFAULT_PLAN, yields);
    expect(forCoach.plan).toEqual(forSeeker.plan);
    expect(forSeeker.method).toContain('a weak prior at your overall rate');
    expect(forCoach.method).toContain("a weak prior at Dr. Amara Okafor's overall rate");
    expect(forSeeker.moves[0]!.why).toMatch(/helps you learn what it gives/);
    expect(forCoach.moves[0]!.why).toMatch(/helps Dr\. Amara Okafor learn what it gives/);
    const few = suggestReallocation(DEFAULT_PLAN, yields.slice(0, 0), { reader: coach });
    expect(few.method).toBe(
      "Not enough applications yet (0 of 10) to suggest a change to Dr. Amara Okafor's plan.",
    );
  });

  it('words response times, the quiet line and referral asks for a coach', () => {
    expect(responseTimes(batch('s', 3, 'silent').map(summarizeApplication), coach).summary).toBe(
      "None of Dr. Amara Okafor's 3 sent applications has had an answer yet.",
    );
    expect(quietLine(20, 11, coach)?.text).toBe(
      'Most replies Dr. Amara Okafor got came within 11 days; this one has been quiet for 20 days. That is longer than most of their replies took.',
    );
    expect(quietLine(9, null, coach)?.text).toBe(
      'This one has been quiet for 9 days. Once a few employers have answered Dr. Amara Okafor, Rebound can say what is usual for them.',
    );
    expect(quietLine(20, 11)?.text).toBe(
      'Most replies you got came within 11 days; this one has been quiet for 20 days. That is longer than most of your replies took.',
    );
    expect(askStateText('referred', coach)).toBe('Referred Dr. Amara Okafor');
    expect(askStateText('declined', coach)).toBe('Could not refer Dr. Amara Okafor this time');
    expect(askStateText('agreed')).toBe('Agreed to refer you');
    expect(categoryLabel('custom', coach)).toBe("Dr. Amara Okafor's own skills");
    expect(categoryLabel('custom')).toBe('Your own skills');
    expect(categoryLabel('cloud', coach)).toBe('Cloud');
  });

  it('words goals, wins and the week plan for a coach, without praise meant for the seeker', () => {
    const apps = [
      history('a').created('applied', '2026-11-17').move('screening', '2026-11-18').build(),
      history('b').created('applied', '2026-11-18').move('interviewing', '2026-11-20').build(),
    ];
    const goals = [
      { id: 'g1', kind: 'applications' as const, target: 1, unit: 'applications' },
      { id: 'g2', kind: 'networking_conversations' as const, target: 2, unit: 'conversations' },
    ];
    const theirs = goalProgress(goals, { applications: apps }, '2026-11-16', undefined, coach);
    expect(theirs.map((g) => g.message)).toEqual([
      '2 applications, past their goal of 1.',
      "No conversations logged this week. Quieter weeks happen; next week's goal can fit the time they have.",
    ]);
    expect(goalProgress(goals, { applications: apps }, '2026-11-16').map((g) => g.message)).toEqual([
      '2 applications, past your goal of 1. Well done.',
      'No conversations logged this week. Quieter weeks happen; pick a goal for next week that fits the time you have.',
    ]);

    const wins = detectWins(
      {
        applications: apps.map((a) => ({ ...a, company: 'Acme' })),
        feedback: [{ on: '2026-11-19', company: 'Globex' }],
        reader: coach,
      },
      '2026-11-16',
    );
    expect(wins.map((w) => w.text)).toEqual([
      'A reply from Acme (Software Engineer): they are in the conversation.',
      'Feedback received from Globex: real information they can use.',
      'Interview landed with Acme (Software Engineer): their application got through.',
    ]);

    const step = (status: WeekStep['status']): WeekStep => ({
      id: status,
      weekStart: '2026-11-23',
      day: '2026-11-24',
      time: '09:00',
      where: 'library',
      what: 'two applications',
      minutes: 60,
      channel: 'job_board',
      status,
      movedFrom: null,
      settledAt: null,
      createdAt: '2026-11-23T08:00:00Z',
    });
    const none = resultsByChannel([], '2026-11-23');
    expect(reviewPlan([step('done')], none, true, coach).message).toBe(
      '1 of 1 step done. Dr. Amara Okafor did what they set out to do.',
    );
    expect(reviewPlan([step('done')], none, true).message).toBe(
      '1 of 1 step done. You did what you set out to do.',
    );
    expect(reviewPlan([step('planned')], none, true, coach).message).toMatch(
      /at times that suit them better\.$/,
    );
    expect(reviewPlan([step('done'), step('dropped')], none, true, coach).message).toMatch(
      /the steps they took still count\.$/,
    );
  });

  it('heads the weekly review with the seeker for a coach, and leaves out the load signal read from moods', () => {
    const data: WeeklyReviewData = {
      weekStart: '2026-11-16',
      goals: [],
      outcomes: { applicationsSent: 3, replies: 1, interviews: 1, rejections: 2, offers: 0 },
      wins: [],
      insights: { added: [], removed: [] },
      nextWeek: null,
      load: {
        level: 'heavy',
        why: '5 rejections arrived in the last 7 days, and your mood has been lower than usual.',
        suggestion: 'Consider planning a short break.',
        rejectionsLast7Days: 5,
        recentMood: 1,
        earlierMood: 3,
      },
      plan: {
        planned: 0,
        done: 0,
        moved: 0,
        dropped: 0,
        open: 0,
        minutesPlanned: 0,
        minutesDone: 0,
        channels: [],
        message: 'No steps planned for this week.',
      },
    };
    const theirs = renderWeeklyReview(data, coach);
    expect(theirs).toContain('## What Dr. Amara Okafor did');
    expect(theirs).toContain("## Dr. Amara Okafor's plan");
    expect(theirs).toContain('- 2 rejections: each one is information, not a verdict on them');
    expect(theirs).not.toMatch(/mood|break/i);
    expect(theirs).not.toMatch(YOU);
    const mine = renderWeeklyReview(data);
    expect(mine).toContain('## What you did');
    expect(mine).toContain('## Your plan');
    expect(mine).toContain('your mood has been lower');
  });
});
