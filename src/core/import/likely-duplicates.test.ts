import { describe, expect, it } from 'vitest';
import { duplicateMatcher } from './likely-duplicates.ts';

const existing = [
  {
    id: 'a',
    company: 'Acme, Inc.',
    role: 'Backend Engineer',
    appliedOn: '2026-10-01',
    createdOn: '2026-10-01',
  },
  { id: 'b', company: 'Globex GmbH', role: 'Data Analyst', appliedOn: null, createdOn: '2026-09-20' },
];

describe('duplicateMatcher', () => {
  const m = duplicateMatcher(existing);
  it('matches the same company and role written differently, applied close together', () => {
    expect(m.find({ company: 'ACME', role: 'backend engineer', appliedOn: '2026-10-03' })?.id).toBe('a');
    expect(m.find({ company: 'Globex', role: 'Data analyst', appliedOn: '2026-09-25' })?.id).toBe('b');
  });
  it('does not match another role, another company, or an application months apart', () => {
    expect(m.find({ company: 'Acme', role: 'Frontend Engineer', appliedOn: '2026-10-03' })).toBeUndefined();
    expect(
      m.find({ company: 'Acme Analytics', role: 'Backend Engineer', appliedOn: '2026-10-03' }),
    ).toBeUndefined();
    expect(m.find({ company: 'Acme', role: 'Backend Engineer', appliedOn: '2027-03-01' })).toBeUndefined();
  });
});
