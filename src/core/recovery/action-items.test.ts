import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { actionItemsFromPostMortem } from './action-items.ts';
import { type PostMortemRating, postMortemChecklist, type RatedPostMortemItem } from './post-mortem.ts';
import { isWeekend } from './zoned-time.ts';

function rated(ratings: Record<string, PostMortemRating>): RatedPostMortemItem[] {
  const items = postMortemChecklist({
    furthestStage: 'interviewing',
    rounds: [
      { number: 1, kind: 'technical' },
      { number: 2, kind: 'behavioural' },
    ],
    hadCoverLetter: true,
  });
  return items.map((item) => ({ ...item, rating: ratings[item.key] ?? 'well' }));
}

describe('actionItemsFromPostMortem', () => {
  it('makes a task only for weak items, linked back by key, with concrete wording', () => {
    const tasks = actionItemsFromPostMortem(rated({ round_2: 'weak', resume: 'so_so' }), '2026-03-09');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: 'round_2:action', itemKey: 'round_2' });
    expect(tasks[0]?.text).toMatch(/^Practise behavioural answers with a mentor/);
    expect(tasks[0]?.text).toContain('(round 2)');
  });

  it('puts what the user wrote at the front of the task, in their words', () => {
    const items = rated({ round_1: 'weak', resume: 'weak' }).map((i) =>
      i.key === 'round_1' ? { ...i, note: 'Kafka partitioning.\nThey asked about rebalancing too' } : i,
    );
    const tasks = actionItemsFromPostMortem(items, '2026-03-09');
    const round = tasks.find((t) => t.itemKey === 'round_1');
    const resume = tasks.find((t) => t.itemKey === 'resume');
    expect(round?.text).toBe(
      'Work on Kafka partitioning: work through two practice problems like the hardest one from this round, talking through your approach (round 1)',
    );
    // Without a note, the general advice stands alone.
    expect(resume?.text).toMatch(/^Rewrite the top third of your resume/);
    const long = rated({ jd_match: 'weak' }).map((i) => ({ ...i, note: 'x'.repeat(300) }));
    expect(actionItemsFromPostMortem(long, '2026-03-09')[0]?.text.length).toBeLessThan(300);
  });

  it('spreads tasks over weekdays within a week, starting two days out', () => {
    const weak = rated({
      jd_match: 'weak',
      resume: 'weak',
      cover_letter: 'weak',
      round_1: 'weak',
      round_2: 'weak',
      follow_up: 'weak',
    });
    const today = '2026-03-11'; // a Wednesday
    const tasks = actionItemsFromPostMortem(weak, today);
    expect(tasks.map((t) => t.dueOn)).toEqual([
      '2026-03-13',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-18',
      '2026-03-18',
    ]);
  });

  it('never lands on a weekend and never more than a week out, whatever day it is', () => {
    const weak = rated({ jd_match: 'weak', resume: 'weak', round_1: 'weak', round_2: 'weak' });
    for (let i = 0; i < 14; i++) {
      const today = addDays('2026-10-19', i);
      for (const task of actionItemsFromPostMortem(weak, today)) {
        expect(isWeekend(task.dueOn), `${today} → ${task.dueOn}`).toBe(false);
        expect(task.dueOn > today).toBe(true);
        expect(task.dueOn <= addDays(today, 7)).toBe(true);
      }
    }
  });

  it('moves a due date that falls on Saturday to Monday', () => {
    const [task] = actionItemsFromPostMortem(rated({ resume: 'weak' }), '2026-03-12'); // Thursday
    expect(task?.dueOn).toBe('2026-03-16');
  });

  it('refuses a today that is not a date', () => {
    expect(() => actionItemsFromPostMortem([], '12/03/2026')).toThrow(/^today:/);
  });
});
