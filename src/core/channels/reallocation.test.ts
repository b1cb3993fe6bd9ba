import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from '../insights/wilson.ts';
import { type ChannelPlan, DEFAULT_PLAN, PLAN_CHANNELS } from './plan.ts';
import { suggestReallocation } from './reallocation.ts';
import type { ChannelYield } from './yield.ts';

function yields(rows: Record<string, [number, number]>): ChannelYield[] {
  return PLAN_CHANNELS.map((channel) => {
    const [n, k] = rows[channel] ?? [0, 0];
    return {
      channel,
      applications: n,
      responses: wilson(k, n),
      interviews: wilson(k, n),
      hours: 0,
      interviewsPerHour: null,
    };
  });
}

const planArb = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)).map(([a, b, c]) => {
  const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
  return { job_board: x, networking: y - x, direct_outreach: z - y, recruiter: 100 - z } as ChannelPlan;
});
const yieldArb = fc
  .array(
    fc.nat(60).chain((n) => fc.tuple(fc.constant(n), fc.nat(n))),
    { minLength: 4, maxLength: 4 },
  )
  .map((rows) => yields(Object.fromEntries(PLAN_CHANNELS.map((c, i) => [c, rows[i]!]))));
const optsArb = fc.record({ explorationFloorPct: fc.nat(25), maxStepPct: fc.integer({ min: 0, max: 30 }) });

describe('suggestReallocation', () => {
  it('moves time toward the channel that turns applications into interviews', () => {
    const r = suggestReallocation(
      DEFAULT_PLAN,
      yields({ job_board: [40, 2], networking: [12, 5], direct_outreach: [8, 1], recruiter: [6, 0] }),
    );
    expect(r.plan.networking).toBe(40);
    expect(r.plan.job_board).toBeLessThan(40);
    expect(r.moves.every((m) => m.to === 'networking')).toBe(true);
    expect(r.moves.reduce((s, m) => s + m.points, 0)).toBe(10);
    expect(r.moves[0]!.why).toContain('networking: 5 interviews from 12 applications');
  });

  it('leaves the plan alone until there is enough data', () => {
    const r = suggestReallocation(DEFAULT_PLAN, yields({ job_board: [3, 0], networking: [2, 2] }));
    expect(r.plan).toEqual(DEFAULT_PLAN);
    expect(r.moves).toEqual([]);
    expect(r.method).toContain('Not enough applications yet');
  });

  it('does not cut a channel it has barely tried', () => {
    const r = suggestReallocation(
      DEFAULT_PLAN,
      yields({ job_board: [3, 0], networking: [30, 10], direct_outreach: [20, 1], recruiter: [2, 0] }),
    );
    expect(r.plan.job_board).toBe(40);
    expect(r.plan.recruiter).toBeGreaterThanOrEqual(10);
    expect(r.plan.direct_outreach).toBeLessThan(20);
  });

  it('keeps the invariants for any plan and any results', () => {
    fc.assert(
      fc.property(planArb, yieldArb, optsArb, (plan, ys, opts) => {
        const r = suggestReallocation(plan, ys, opts);
        const next = PLAN_CHANNELS.map((c) => r.plan[c]);
        expect(next.reduce((s, v) => s + v, 0)).toBe(100);
        for (const [i, c] of PLAN_CHANNELS.entries()) {
          const v = next[i]!;
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          // bounded step
          expect(Math.abs(v - plan[c])).toBeLessThanOrEqual(opts.maxStepPct);
          // never pushed below the exploration floor (a channel already below it is not cut further)
          expect(v).toBeGreaterThanOrEqual(Math.min(plan[c], opts.explorationFloorPct));
          // never dropped to zero without evidence
          const n = ys.find((y) => y.channel === c)!.applications;
          if (plan[c] > 0 && v === 0) expect(n).toBeGreaterThanOrEqual(5);
        }
        const moved = r.moves.reduce((s, m) => s + m.points, 0);
        const changed = PLAN_CHANNELS.reduce((s, c) => s + Math.max(0, r.plan[c] - plan[c]), 0);
        expect(moved).toBe(changed);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for the same data', () => {
    fc.assert(
      fc.property(planArb, yieldArb, (plan, ys) => {
        expect(suggestReallocation(plan, ys)).toEqual(suggestReallocation(plan, ys));
      }),
      { numRuns: 30 },
    );
  });
});
