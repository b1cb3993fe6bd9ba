import { describe, expect, it } from 'vitest';
import { deriveState } from '../applications/history.ts';
import { summarizeApplication } from './app-summary.ts';
import { computeFunnel } from './funnel.ts';
import { history } from './test-factories.ts';

const reached = (r: ReturnType<typeof computeFunnel>) => r.funnel.map((s) => [s.stage, s.reached]);

describe('computeFunnel', () => {
  it('lists every stage from applied on, in order, counting by furthest stage', () => {
    const apps = [
      history('a').created('applied', '2026-10-01').build(),
      history('b').created('applied', '2026-10-01').move('screening', '2026-10-04').build(),
      history('c')
        .created('applied', '2026-10-01')
        .move('screening', '2026-10-03')
        .move('interviewing', '2026-10-10')
        .build(),
      history('d').created('applied', '2026-10-01').move('offer', '2026-10-20').build(),
      history('saved-only').created('saved', '2026-10-01').build(),
    ];
    const r = computeFunnel(apps);
    expect(reached(r)).toEqual([
      ['applied', 4],
      ['screening', 3],
      ['interviewing', 2],
      ['offer', 1],
      ['accepted', 0],
    ]);
    expect(r.funnel[0]!.conversionFromPrevious).toBeNull();
    expect(r.funnel[1]!.conversionFromPrevious).toMatchObject({ successes: 3, n: 4, rate: 0.75 });
    expect(r.funnel[4]!.conversionFromPrevious).toMatchObject({ successes: 0, n: 1, rate: 0 });
  });

  it('keeps the furthest stage after a move back', () => {
    const app = history('a')
      .created('applied', '2026-10-01')
      .move('interviewing', '2026-10-05')
      .move('screening', '2026-10-06')
      .build();
    expect(reached(computeFunnel([app])).slice(0, 3)).toEqual([
      ['applied', 1],
      ['screening', 1],
      ['interviewing', 1],
    ]);
  });

  it('does not count an undone move, and agrees with deriveState', () => {
    const app = history('a')
      .created('applied', '2026-10-01')
      .move('offer', '2026-10-02')
      .undoLast('2026-10-02')
      .build();
    const r = computeFunnel([app]);
    expect(r.funnel.find((s) => s.stage === 'offer')!.reached).toBe(0);
    expect(r.funnel.find((s) => s.stage === 'screening')!.reached).toBe(0);
    expect(summarizeApplication(app).furthest).toBe(1);
    expect(deriveState(app.events).furthestStage).toBe('applied');
  });

  it('counts a re-opened application by where it ended up, not by its first rejection', () => {
    const app = history('a')
      .created('applied', '2026-10-01')
      .move('screening', '2026-10-03')
      .close('rejected', '2026-10-05')
      .reopen('2026-10-12')
      .move('interviewing', '2026-10-15')
      .build();
    const r = computeFunnel([app]);
    expect(r.funnel.find((s) => s.stage === 'interviewing')!.reached).toBe(1);
    expect(r.funnel.every((s) => s.rejectedHere === 0)).toBe(true);
    expect(r.closedBy.rejected.screening).toBe(0);
  });

  it('places each rejection at the furthest stage it reached', () => {
    const apps = [
      history('a').created('applied', '2026-10-01').close('rejected', '2026-10-08').build(),
      history('b').created('applied', '2026-10-01').close('rejected', '2026-10-09').build(),
      history('c')
        .created('applied', '2026-10-01')
        .move('interviewing', '2026-10-04')
        .move('screening', '2026-10-05')
        .close('rejected', '2026-10-10')
        .build(),
      history('d').created('applied', '2026-10-01').close('withdrawn', '2026-10-10').build(),
    ];
    const r = computeFunnel(apps);
    expect(r.funnel.map((s) => s.rejectedHere)).toEqual([2, 0, 1, 0, 0]);
    expect(r.closedBy.rejected).toMatchObject({ applied: 2, interviewing: 1 });
    expect(r.closedBy.withdrawn.applied).toBe(1);
  });

  it('measures days between stages only where both stages have a date, and time to first answer', () => {
    const apps = [
      history('a')
        .created('applied', '2026-10-01')
        .move('screening', '2026-10-05')
        .move('interviewing', '2026-10-15')
        .build(),
      history('b').created('applied', '2026-10-01').move('screening', '2026-10-11').build(),
      // jumps straight to interviewing: no screening date, so it adds nothing to either gap
      history('c').created('applied', '2026-10-01').move('interviewing', '2026-10-02').build(),
      history('d').created('applied', '2026-10-01').reply('2026-10-03').build(),
    ];
    const r = computeFunnel(apps);
    expect(r.medianDaysBetweenStages[0]).toEqual({ from: 'applied', to: 'screening', medianDays: 7, n: 2 });
    expect(r.medianDaysBetweenStages[1]).toEqual({
      from: 'screening',
      to: 'interviewing',
      medianDays: 10,
      n: 1,
    });
    expect(r.timeToFirstResponse).toEqual({ medianDays: 3, n: 4 }); // 4, 10, 1, 2 days
  });

  it('counts no-reply applications among those old enough to have had an answer', () => {
    const apps = [
      history('closed-ghost').created('applied', '2026-09-01').close('ghosted', '2026-10-01').build(),
      history('silent-old').created('applied', '2026-09-01').build(),
      history('answered').created('applied', '2026-09-01').reply('2026-09-05').build(),
      history('too-new').created('applied', '2026-10-25').build(),
    ];
    const r = computeFunnel(apps, {}, { today: '2026-10-30' });
    expect(r.ghostingRate).toMatchObject({ successes: 2, n: 3 });
    // without today only the closed "no reply" counts, over every application
    expect(computeFunnel(apps).ghostingRate).toMatchObject({ successes: 1, n: 4 });
  });

  it('filters by period, channel, role substring and tag', () => {
    const apps = [
      history('a', { channel: 'networking', role: 'Senior Backend Engineer', tags: ['remote'] })
        .created('applied', '2026-10-01')
        .build(),
      history('b', { channel: 'job_board', role: 'Backend engineer', tags: [] })
        .created('applied', '2026-10-10')
        .build(),
      history('c', { channel: 'networking', role: 'Designer', tags: ['Remote'] })
        .created('applied', '2026-11-01')
        .build(),
    ];
    const count = (f: Parameters<typeof computeFunnel>[1]) => computeFunnel(apps, f).funnel[0]!.reached;
    expect(count({ channel: 'networking' })).toBe(2);
    expect(count({ role: 'backend' })).toBe(2);
    expect(count({ tag: 'remote' })).toBe(2);
    expect(count({ from: '2026-10-05', to: '2026-10-31' })).toBe(1);
    expect(count({ channel: 'networking', role: 'backend' })).toBe(1);
  });

  it('uses the date the user gave for when it went out', () => {
    const app = history('a', { appliedOn: '2026-09-20' })
      .created('applied', '2026-10-01')
      .move('screening', '2026-10-01')
      .build();
    expect(computeFunnel([app]).medianDaysBetweenStages[0]).toMatchObject({ medianDays: 11, n: 1 });
  });
});
