import { describe, expect, it } from 'vitest';
import { MAX_WRITING_SESSIONS, nextSession, WRITING_PROMPTS } from './prompts.ts';
import { THINKING_TRAPS } from './reframe.ts';

describe('nextSession', () => {
  it('starts with the first prompt, continues a session begun today, and moves on the next day', () => {
    expect(nextSession([], '2026-11-10')).toMatchObject({ number: 1, continuing: false });
    const one = [{ number: 1, on: '2026-11-10' }];
    expect(nextSession(one, '2026-11-10')).toMatchObject({ number: 1, continuing: true });
    expect(nextSession(one, '2026-11-12')).toMatchObject({
      number: 2,
      continuing: false,
      prompt: WRITING_PROMPTS[1],
    });
  });

  it('ends after five sessions, the last about what the person takes forward', () => {
    const five = [1, 2, 3, 4, 5].map((number) => ({ number, on: `2026-11-1${number}` }));
    expect(nextSession(five.slice(0, 4), '2026-11-20')?.prompt.prompt).toMatch(/take forward/);
    expect(nextSession(five, '2026-11-20')).toBeNull();
    expect(nextSession(five, '2026-11-15')).toMatchObject({ number: 5, continuing: true });
    expect(WRITING_PROMPTS).toHaveLength(MAX_WRITING_SESSIONS);
  });

  it('follows the highest session written, so a deleted one never repeats a prompt', () => {
    expect(nextSession([{ number: 3, on: '2026-11-12' }], '2026-11-13')).toMatchObject({ number: 4 });
  });
});

describe('the reframe card', () => {
  it('speaks of thoughts, never of a condition', () => {
    const words = THINKING_TRAPS.map((t) => `${t.name} ${t.thought} ${t.reframe}`).join(' ');
    expect(THINKING_TRAPS.map((t) => t.name)).toEqual([
      'Taking it personally',
      'One no means always no',
      'All or nothing',
    ]);
    expect(words).not.toMatch(/depress|disorder|diagnos|symptom|anxiety/i);
  });
});
