import { describe, expect, it } from 'vitest';
import { REASON_TAGS, reasonTagsBySide, upsertReasonTag, validateReasonTags } from './rejection.ts';

describe('REASON_TAGS', () => {
  it('keeps the company decisions apart from the times the user stepped away', () => {
    const mine = reasonTagsBySide(REASON_TAGS, 'me').map((t) => t.key);
    const theirs = reasonTagsBySide(REASON_TAGS, 'company').map((t) => t.key);
    expect(mine).toEqual(['i_withdrew', 'not_a_fit_for_me', 'accepted_elsewhere']);
    for (const key of [
      'experience_level',
      'skills_gap',
      'internal_candidate',
      'position_filled',
      'role_cancelled',
      'culture_fit',
      'salary',
      'location',
    ]) {
      expect(theirs).toContain(key);
    }
    expect(new Set(REASON_TAGS.map((t) => t.key)).size).toBe(REASON_TAGS.length);
  });
});

describe('upsertReasonTag', () => {
  it('adds a user tag and relabels an existing one without changing order', () => {
    const added = upsertReasonTag(REASON_TAGS, { key: 'visa', label: 'Visa sponsorship', side: 'company' });
    expect(added.at(-1)).toEqual({ key: 'visa', label: 'Visa sponsorship', side: 'company' });
    const relabelled = upsertReasonTag(added, { key: 'salary', label: 'Pay range', side: 'company' });
    expect(relabelled.findIndex((t) => t.key === 'salary')).toBe(added.findIndex((t) => t.key === 'salary'));
    expect(relabelled.find((t) => t.key === 'salary')?.label).toBe('Pay range');
  });

  it('refuses keys that would not stay stable and empty labels', () => {
    expect(() => upsertReasonTag(REASON_TAGS, { key: 'Bad Key', label: 'x', side: 'me' })).toThrow(/^key:/);
    expect(() => upsertReasonTag(REASON_TAGS, { key: 'ok_key', label: '  ', side: 'me' })).toThrow(
      'label: required',
    );
  });
});

describe('validateReasonTags', () => {
  it('names the position of an unknown tag and drops duplicates', () => {
    expect(() => validateReasonTags(['salary', 'sallary'])).toThrow('reasonTags.1: unknown tag "sallary"');
    expect(validateReasonTags(['salary', 'salary', 'i_withdrew'])).toEqual(['salary', 'i_withdrew']);
  });
});
