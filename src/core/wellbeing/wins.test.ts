import { describe, expect, it } from 'vitest';
import { history } from '../insights/test-factories.ts';
import { detectWins } from './wins.ts';

describe('detectWins', () => {
  const app = {
    ...history('a1')
      .created('applied', '2026-11-01')
      .move('screening', '2026-11-05')
      .move('interviewing', '2026-11-10')
      .round('2026-11-10')
      .move('offer', '2026-11-12')
      .undoLast('2026-11-12')
      .build(),
    company: 'Acme',
    role: 'Designer',
  };

  it('finds replies and interviews in the history, dated, and skips undone moves', () => {
    const wins = detectWins({ applications: [app] }, '2026-11-01');
    expect(wins.map((w) => [w.on, w.kind])).toEqual([
      ['2026-11-05', 'reply'],
      ['2026-11-10', 'interview'],
    ]);
    expect(wins[1]!.text).toBe('Interview landed with Acme (Designer): your application got through.');
  });

  it('includes feedback, finished courses and goals met, within the dates asked', () => {
    const wins = detectWins(
      {
        feedback: [{ on: '2026-11-14', company: 'Globex' }],
        learning: [
          { on: '2026-11-15', minutes: 60, title: 'System design basics', finished: true },
          { on: '2026-11-16', minutes: 60 },
        ],
        goalWeeks: [
          {
            weekEnd: '2026-11-15',
            progress: [
              {
                goalId: 'g',
                kind: 'applications',
                title: 'Applications sent',
                step: false,
                target: 3,
                done: 3,
                unit: 'applications',
                met: true,
                ratio: 1,
                message: '',
              },
              {
                goalId: 'h',
                kind: 'learning_hours',
                title: 'Hours of learning',
                step: false,
                target: 3,
                done: 1,
                unit: 'hours',
                met: false,
                ratio: 0.3,
                message: '',
              },
            ],
          },
        ],
      },
      '2026-11-14',
      '2026-11-15',
    );
    expect(wins.map((w) => w.kind)).toEqual(['feedback', 'learning', 'goal_met']);
    expect(wins[1]!.text).toBe('Finished “System design basics”.');
    expect(wins[2]!.text).toBe('Weekly goal met: 3 applications.');
  });

  it('names a one-week step done by its words, not by its unit', () => {
    const wins = detectWins(
      {
        goalWeeks: [
          {
            weekEnd: '2026-11-22',
            progress: [
              {
                goalId: 's',
                kind: 'custom',
                title: 'One mock interview',
                step: true,
                target: 1,
                done: 1,
                unit: 'times',
                met: true,
                ratio: 1,
                message: 'Done this week.',
              },
            ],
          },
        ],
      },
      '2026-11-16',
    );
    expect(wins.map((w) => w.text)).toEqual(['Step done: One mock interview.']);
  });

  it('finds nothing before the start date', () => {
    expect(detectWins({ applications: [app] }, '2026-11-11')).toEqual([]);
  });
});
