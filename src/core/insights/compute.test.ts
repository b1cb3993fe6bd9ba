import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { changedFindings, computeInsights } from './compute.ts';
import { history } from './test-factories.ts';

const today = '2026-11-30';

describe('computeInsights', () => {
  const apps = [
    history('a')
      .created('applied', '2026-10-01')
      .move('screening', '2026-10-04')
      .move('interviewing', '2026-10-09')
      .build(),
    history('b', { channel: 'referral' })
      .created('applied', '2026-10-02')
      .close('rejected', '2026-10-12')
      .build(),
    history('c').created('saved', '2026-10-03').build(),
  ];

  it('returns the payload the CLI prints as JSON', () => {
    const json = JSON.parse(JSON.stringify(computeInsights({ applications: apps, hoursPerWeek: 10 }, today)));
    expect(Object.keys(json).sort()).toEqual(
      [
        'channels',
        'closedBy',
        'comparison',
        'findings',
        'funnel',
        'ghostingRate',
        'medianDaysBetweenStages',
        'timeToFirstResponse',
      ].sort(),
    );
    expect(json.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['applied', 2],
      ['screening', 1],
      ['interviewing', 1],
      ['offer', 0],
      ['accepted', 0],
    ]);
    expect(typeof json.findings[0].text).toBe('string');
    expect(
      json.channels.yields.find((y: { channel: string }) => y.channel === 'networking').applications,
    ).toBe(1);
    expect(json.channels.thisWeek.weekStart).toBe('2026-11-30');
    expect(json.channels.suggestion.plan).toEqual({
      job_board: 40,
      networking: 30,
      direct_outreach: 20,
      recruiter: 10,
    });
  });

  it('handles ten thousand applications with long histories', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const on = addDays('2026-01-01', i % 300);
      const b = history(`x${i}`, { channel: i % 3 === 0 ? 'networking' : 'job_board' }).created(
        'applied',
        on,
      );
      for (let k = 0; k < 3; k++)
        b.move('screening', addDays(on, 3 + k * 2)).move('applied', addDays(on, 4 + k * 2));
      if (i % 4 === 0) b.move('interviewing', addDays(on, 20));
      if (i % 7 === 0) b.undoLast(addDays(on, 21));
      b.close('rejected', addDays(on, 25));
      return b.build();
    });
    const r = computeInsights({ applications: many }, today);
    // i % 4 === 0 reach interviewing; those that are also i % 7 === 0 had that move undone
    const expected = Array.from({ length: 10_000 }, (_, i) => i).filter(
      (i) => i % 4 === 0 && i % 7 !== 0,
    ).length;
    expect(r.funnel[0]!.reached).toBe(10_000);
    expect(r.funnel[1]!.reached).toBe(10_000);
    expect(r.funnel[2]!.reached).toBe(expected);
    expect(r.funnel[0]!.rejectedHere).toBe(0);
    expect(r.funnel[1]!.rejectedHere).toBe(10_000 - expected);
  });
});

describe('changedFindings', () => {
  it('tells new findings from ones that no longer hold', () => {
    const f = (id: string) => ({ id, text: id, weight: 1, evidence: {} });
    expect(changedFindings([f('a'), f('b')], [f('b'), f('c')])).toEqual({
      added: [f('c')],
      removed: [f('a')],
    });
  });
});
