import { describe, expect, it } from 'vitest';
import { stageIndex } from '../applications/application.ts';
import { askYield, yieldByChannel } from './asks.ts';

describe('yieldByChannel', () => {
  const apps = [
    { id: 'a', channel: 'job_board' as const, furthest: stageIndex('applied'), responded: false },
    { id: 'b', channel: 'job_board' as const, furthest: stageIndex('interviewing'), responded: true },
    { id: 'c', channel: 'networking' as const, furthest: stageIndex('offer'), responded: true },
    { id: 'd', channel: 'referral' as const, furthest: stageIndex('screening'), responded: true },
    { id: 's', channel: 'referral' as const, furthest: stageIndex('saved'), responded: false },
  ];

  it('keeps referral on its own line, apart from networking, and leaves saved ones out', () => {
    const rows = yieldByChannel(apps, new Set());
    const by = Object.fromEntries(rows.map((r) => [r.channel, r]));
    expect(by.referral!.applications).toBe(1);
    expect(by.networking!.applications).toBe(1);
    expect(by.networking!.offers.successes).toBe(1);
    expect(by.job_board!.interviews).toMatchObject({ successes: 1, n: 2, isSmallSample: true });
  });

  it('counts an application someone referred the user for as a referral', () => {
    const rows = yieldByChannel(apps, new Set(['b']));
    const by = Object.fromEntries(rows.map((r) => [r.channel, r]));
    expect(by.referral!.applications).toBe(2);
    expect(by.referral!.interviews.successes).toBe(1);
    expect(by.job_board!.applications).toBe(1);
  });
});

describe('askYield', () => {
  it('reads agreed as agreed or referred, with Wilson intervals', () => {
    const y = askYield([
      { status: 'asked' },
      { status: 'agreed' },
      { status: 'referred' },
      { status: 'declined' },
    ]);
    expect(y.asks).toBe(4);
    expect(y.agreed.successes).toBe(2);
    expect(y.referred.successes).toBe(1);
    expect(y.referred.low).toBeGreaterThan(0);
    expect(y.referred.high).toBeLessThan(1);
    expect(y).toMatchObject({ declined: 1, waiting: 1 });
  });
});
