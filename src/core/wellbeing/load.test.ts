import { describe, expect, it } from 'vitest';
import { loadSignal } from './load.ts';

const today = '2026-11-20';
const three = [{ on: '2026-11-15' }, { on: '2026-11-18' }, { on: '2026-11-20' }];
const steadyMood = [
  { on: '2026-11-03', mood: 4 },
  { on: '2026-11-08', mood: 4 },
];

describe('loadSignal', () => {
  it('is heavy when several rejections land together and mood drops, and suggests a break', () => {
    const s = loadSignal(three, [...steadyMood, { on: '2026-11-19', mood: 2 }], today);
    expect(s.level).toBe('heavy');
    expect(s.why).toContain('3 rejections arrived in the last 7 days');
    expect(s.suggestion).toContain('break');
    expect(`${s.why} ${s.suggestion}`).not.toMatch(/fail|streak|should have/i);
  });

  it('stays ok when the mood holds up', () => {
    expect(loadSignal(three, [...steadyMood, { on: '2026-11-19', mood: 4 }], today).level).toBe('ok');
  });

  it('stays ok when the rejections are spread out', () => {
    const spread = [{ on: '2026-10-01' }, { on: '2026-10-20' }, { on: '2026-11-19' }];
    expect(loadSignal(spread, [{ on: '2026-11-19', mood: 1 }], today).level).toBe('ok');
  });

  it('is heavy with five rejections in a week even without a mood log', () => {
    const five = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-18', '2026-11-20'].map((on) => ({ on }));
    expect(loadSignal(five, [], today)).toMatchObject({ level: 'heavy', rejectionsLast7Days: 5 });
    // 2026-11-13 is 7 days back: outside the window
    expect(loadSignal([{ on: '2026-11-13' }, ...five.slice(1)], [], today).level).toBe('ok');
  });
});
