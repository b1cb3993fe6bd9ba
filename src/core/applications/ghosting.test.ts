import { describe, expect, it } from 'vitest';
import { isLikelyGhosted } from './ghosting.ts';

const base = { appliedOn: '2026-10-01', lastResponseOn: null, outcome: null, stage: 'applied' as const };

describe('isLikelyGhosted', () => {
  it('flags at exactly N days of silence, not a day before', () => {
    expect(isLikelyGhosted(base, '2026-10-21', 21)).toBe(false);
    expect(isLikelyGhosted(base, '2026-10-22', 21)).toBe(true);
  });
  it('counts from the last response when there was one', () => {
    expect(isLikelyGhosted({ ...base, lastResponseOn: '2026-10-15' }, '2026-10-22', 21)).toBe(false);
    expect(isLikelyGhosted({ ...base, lastResponseOn: '2026-10-15' }, '2026-11-05', 21)).toBe(true);
  });
  it('never flags closed or merely saved applications', () => {
    expect(isLikelyGhosted({ ...base, outcome: 'rejected' }, '2027-01-01', 21)).toBe(false);
    expect(isLikelyGhosted({ ...base, stage: 'saved', appliedOn: null }, '2027-01-01', 21)).toBe(false);
  });
  it('uses the configured number of days', () => {
    expect(isLikelyGhosted(base, '2026-10-08', 7)).toBe(true);
  });
});
