import { describe, expect, it } from 'vitest';
import { type Timers, timerScheduler } from './scheduler.ts';

/** Timers a test fires by hand. */
function manualTimers(): Timers & { fire(): void; active(): number[] } {
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    setInterval: (fn, ms) => {
      intervals.set(next, { fn, ms });
      return next++;
    },
    clearInterval: (handle) => {
      intervals.delete(handle as number);
    },
    fire: () => {
      for (const { fn } of intervals.values()) fn();
    },
    active: () => [...intervals.values()].map((i) => i.ms),
  };
}

describe('the local sync schedule', () => {
  it('runs every N minutes, never two runs at once, and stops when turned off', async () => {
    const timers = manualTimers();
    const scheduler = timerScheduler(timers);
    let runs = 0;
    let finish: () => void = () => {};
    const run = () =>
      new Promise<void>((resolve) => {
        runs++;
        finish = resolve;
      });
    scheduler.plan('ws1', 15, run);
    expect(timers.active()).toEqual([15 * 60_000]);
    timers.fire();
    timers.fire();
    expect(runs).toBe(1);
    finish();
    await new Promise((r) => setImmediate(r));
    timers.fire();
    expect(runs).toBe(2);

    scheduler.plan('ws1', 30, run);
    expect(timers.active()).toEqual([30 * 60_000]);
    scheduler.plan('ws1', null, run);
    expect(timers.active()).toEqual([]);
  });

  it('stops every plan when the server closes, and survives a run that fails', async () => {
    const timers = manualTimers();
    const scheduler = timerScheduler(timers);
    let runs = 0;
    scheduler.plan('a', 5, async () => {
      runs++;
      throw new Error('server down');
    });
    scheduler.plan('b', 10, async () => {});
    timers.fire();
    await new Promise((r) => setImmediate(r));
    timers.fire();
    expect(runs).toBe(2);
    scheduler.stop();
    expect(timers.active()).toEqual([]);
  });
});
