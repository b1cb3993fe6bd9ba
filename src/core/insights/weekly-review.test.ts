import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../channels/plan.ts';
import { renderWeeklyReview, type WeeklyReviewData } from './weekly-review.ts';

const data: WeeklyReviewData = {
  weekStart: '2026-11-16',
  goals: [
    {
      goalId: 'a',
      kind: 'applications',
      title: 'Applications sent',
      step: false,
      target: 5,
      done: 3,
      unit: 'applications',
      met: false,
      ratio: 0.6,
      message: '3 of 5 applications this week.',
    },
    {
      goalId: 's',
      kind: 'custom',
      title: 'One mock interview',
      step: true,
      target: 1,
      done: 0,
      unit: 'times',
      met: false,
      ratio: 0,
      message: 'Not done yet this week.',
    },
    {
      goalId: 'b',
      kind: 'learning_hours',
      title: 'Hours of learning',
      step: false,
      target: 2,
      done: 2,
      unit: 'hours',
      met: true,
      ratio: 1,
      message: 'Goal met: 2 of 2 hours.',
    },
  ],
  outcomes: { applicationsSent: 3, replies: 1, interviews: 1, rejections: 2, offers: 0 },
  wins: [
    {
      on: '2026-11-18',
      kind: 'interview',
      text: 'Interview landed with Acme: your application got through.',
    },
  ],
  insights: {
    added: [{ id: 'x', text: 'Feedback named system design 3 times.', weight: 2, evidence: {} }],
    removed: [{ id: 'y', text: 'Old finding.', weight: 1, evidence: {} }],
  },
  nextWeek: {
    plan: { job_board: 30, networking: 40, direct_outreach: 20, recruiter: 10 },
    hoursPerWeek: 10,
    moves: [
      {
        from: 'job_board',
        to: 'networking',
        points: 10,
        why: 'networking: 5 interviews from 12 applications.',
      },
    ],
  },
};

describe('renderWeeklyReview', () => {
  it('renders goals, outcomes, wins, changed insights and next week as Markdown', () => {
    const md = renderWeeklyReview(data);
    expect(md).toMatch(/^# Week of 2026-11-16 to 2026-11-22\n/);
    // Each goal is named beside its progress: a one-week step's message says only how far.
    expect(md).toContain('- [ ] Applications sent: 3 of 5 applications this week.');
    expect(md).toContain('- [ ] One mock interview: Not done yet this week.');
    expect(md).toContain('- [x] Hours of learning: Goal met: 2 of 2 hours.');
    expect(md).toContain('- 1 reply, 1 interview, 0 offers');
    expect(md).toContain('- 2 rejections: each one is information, not a verdict on you');
    expect(md).toContain('- 2026-11-18: Interview landed with Acme');
    expect(md).toContain('- New: Feedback named system design 3 times.');
    expect(md).toContain('- No longer true: Old finding.');
    expect(md).toContain('| Networking | 40% | 4 h |');
    expect(md).toContain(
      '- 10 points from job board to networking: networking: 5 interviews from 12 applications.',
    );
    expect(md).not.toMatch(/streak|fail/i);
  });

  it('reads kindly on an empty week and leads with a break suggestion on a heavy one', () => {
    const md = renderWeeklyReview({
      ...data,
      goals: [],
      wins: [],
      insights: { added: [], removed: [] },
      nextWeek: { plan: DEFAULT_PLAN, hoursPerWeek: 7.5 },
      load: {
        level: 'heavy',
        why: '3 rejections arrived in the last 7 days.',
        suggestion: 'Consider planning a short break.',
        rejectionsLast7Days: 3,
        recentMood: 2,
        earlierMood: 4,
      },
    });
    expect(md.split('\n')[2]).toBe(
      '> 3 rejections arrived in the last 7 days. Consider planning a short break.',
    );
    expect(md).toContain('Showing up for the search still counts.');
    expect(md).toContain('Nothing new this week');
    expect(md).toContain('## Next week: 7.5 h');
    expect(md).toContain('| Job board | 40% | 3 h |');
    expect(md).toContain('| Networking | 30% | 2.25 h |');
  });
});
