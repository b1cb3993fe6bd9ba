import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import {
  FEEDBACK_THEMES,
  feedbackFollowUpDue,
  planFeedbackTransition,
  validateFeedbackThemes,
} from './feedback-state.ts';
import { localTime } from './zoned-time.ts';

describe('planFeedbackTransition', () => {
  it('allows the normal path and a late answer after "no reply"', () => {
    expect(planFeedbackTransition('drafted', 'sent')).toEqual({ from: 'drafted', to: 'sent' });
    expect(planFeedbackTransition('sent', 'answered').to).toBe('answered');
    expect(planFeedbackTransition('sent', 'no_reply').to).toBe('no_reply');
    expect(planFeedbackTransition('sent', 'declined').to).toBe('declined');
    expect(planFeedbackTransition('no_reply', 'answered').to).toBe('answered');
  });

  it('refuses nonsense with invalid_transition', () => {
    for (const [from, to] of [
      ['drafted', 'answered'],
      ['answered', 'sent'],
      ['declined', 'answered'],
      ['sent', 'drafted'],
      ['sent', 'sent'],
    ] as const) {
      try {
        planFeedbackTransition(from, to);
        expect.unreachable();
      } catch (error) {
        expect((error as ReboundError).code).toBe('invalid_transition');
        expect((error as ReboundError).message).toContain(`${from} to ${to}`);
      }
    }
  });
});

describe('feedbackFollowUpDue', () => {
  it('is seven days after sending by default', () => {
    expect(feedbackFollowUpDue('2026-05-04T10:00:00Z')).toBe('2026-05-11T10:00:00.000Z');
  });

  it('keeps the local time across the London October change when given a zone', () => {
    const due = feedbackFollowUpDue('2026-10-22T09:30:00Z', 7, 'Europe/London'); // 10:30 BST
    expect(due).toBe('2026-10-29T10:30:00.000Z'); // 10:30 GMT
    expect(localTime(new Date(due), 'Europe/London')).toBe('10:30');
  });

  it('refuses odd day counts', () => {
    expect(() => feedbackFollowUpDue('2026-05-04T10:00:00Z', 0)).toThrow(ReboundError);
    expect(() => feedbackFollowUpDue('2026-05-04T10:00:00Z', 2.5)).toThrow(/^days:/);
  });
});

describe('feedback themes', () => {
  it('lists the themes to tag answers with', () => {
    expect(FEEDBACK_THEMES.map((t) => t.key)).toEqual([
      'experience_level',
      'skill',
      'communication',
      'culture_fit',
      'timing',
      'internal_candidate',
      'other',
    ]);
  });

  it('needs a name for a skill and drops names elsewhere', () => {
    expect(
      validateFeedbackThemes([
        { theme: 'skill', name: ' SQL ' },
        { theme: 'timing', name: 'x' },
      ]),
    ).toEqual([{ theme: 'skill', name: 'SQL' }, { theme: 'timing' }]);
    expect(() => validateFeedbackThemes([{ theme: 'skill' }])).toThrow(/^themes\.0\.name:/);
    expect(() => validateFeedbackThemes([{ theme: 'vibes' as 'other' }])).toThrow(
      'themes.0: unknown theme "vibes"',
    );
  });
});
