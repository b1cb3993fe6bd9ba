import { describe, expect, it } from 'vitest';
import { history } from '../insights/test-factories.ts';
import { goalProgress, type WeeklyGoal } from './goals.ts';

const week = '2026-11-16';
const apps = [
  history('a').created('saved', '2026-11-10').move('applied', '2026-11-17').build(),
  history('b').created('applied', '2026-11-18').build(),
  history('c').created('applied', '2026-11-12').build(), // week before
  history('d').created('saved', '2026-11-17').build(), // never sent
  history('e').created('saved', '2026-11-17').move('applied', '2026-11-18').undoLast('2026-11-18').build(), // undone
];
const activity = {
  applications: apps,
  networking: [
    { on: '2026-11-17', minutes: 30 },
    { on: '2026-11-19', minutes: 60, conversations: 2 },
    { on: '2026-11-24', minutes: 45 },
  ],
  learning: [
    { on: '2026-11-18', minutes: 90 },
    { on: '2026-11-20', minutes: 30 },
  ],
  custom: [{ goalId: 'mock', on: '2026-11-21', amount: 1 }],
};

describe('goalProgress', () => {
  it('counts each kind of goal from what was logged that week', () => {
    const goals: WeeklyGoal[] = [
      { id: 'apps', kind: 'applications', target: 5, unit: 'applications' },
      { id: 'talk', kind: 'networking_conversations', target: 3, unit: 'conversations' },
      { id: 'learn', kind: 'learning_hours', target: 2, unit: 'hours' },
      { id: 'mock', kind: 'custom', target: 1, unit: 'sessions', label: 'mock interviews' },
    ];
    const p = goalProgress(goals, activity, week);
    expect(p.map((g) => [g.goalId, g.done, g.met])).toEqual([
      ['apps', 2, false],
      ['talk', 3, true],
      ['learn', 2, true],
      ['mock', 1, true],
    ]);
    expect(p[0]!.ratio).toBeCloseTo(0.4);
  });

  it('words a missed goal kindly, and an empty week without blame', () => {
    const [missed] = goalProgress(
      [{ id: 'apps', kind: 'applications', target: 5, unit: 'applications' }],
      activity,
      week,
    );
    expect(missed!.message).toBe(
      "2 of 5 applications this week. Each one counts; next week's goal can be adjusted to what the week allows.",
    );
    const [empty] = goalProgress(
      [{ id: 'apps', kind: 'applications', target: 5, unit: 'applications' }],
      {},
      week,
    );
    expect(empty!.message).toContain('Quieter weeks happen');
    expect(empty!.message).not.toMatch(/fail|streak|only/i);
  });

  it('says "so far" while the week is still running', () => {
    const [g] = goalProgress(
      [{ id: 'apps', kind: 'applications', target: 5, unit: 'applications' }],
      activity,
      week,
      '2026-11-19',
    );
    expect(g!.message).toBe('2 of 5 applications so far this week.');
  });

  it('says what is planned for a week that has not started, not "0 so far this week"', () => {
    const p = goalProgress(
      [
        { id: 'apps', kind: 'applications', target: 5, unit: 'applications' },
        { id: 's', kind: 'custom', target: 1, unit: 'times', label: 'One mock interview', weekStart: week },
      ],
      {},
      week,
      '2026-11-14',
    );
    expect(p.map((g) => g.message)).toEqual([
      '5 applications planned; the week has not started yet.',
      'Planned; the week has not started yet.',
    ]);
  });

  it('gives each goal its title beside the message, a one-week step its own words', () => {
    const p = goalProgress(
      [
        { id: 'apps', kind: 'applications', target: 5, unit: 'applications' },
        { id: 's', kind: 'custom', target: 1, unit: 'times', label: 'One mock interview', weekStart: week },
      ],
      activity,
      week,
      '2026-11-19',
    );
    expect(p.map((g) => [g.title, g.step, g.message])).toEqual([
      ['Applications sent', false, '2 of 5 applications so far this week.'],
      ['One mock interview', true, 'Not done yet this week.'],
    ]);
  });

  it('can count networking as time', () => {
    const [g] = goalProgress(
      [{ id: 't', kind: 'networking_conversations', target: 1, unit: 'hours' }],
      activity,
      week,
    );
    expect(g!.done).toBe(1.5);
  });
});
