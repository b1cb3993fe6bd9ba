import { describe, expect, it } from 'vitest';
import { selectFeedbackQuestions } from './feedback-questions.ts';

const keys = (qs: { key: string }[]) => qs.map((q) => q.key);

describe('selectFeedbackQuestions', () => {
  it('asks about the resume screen when only the application went out', () => {
    const qs = selectFeedbackQuestions('applied');
    expect(qs).toHaveLength(3);
    expect(keys(qs)).toEqual(['applied.requirements_fit', 'applied.stronger', 'applied.missing']);
    expect(qs[0]?.text).toMatch(/requirements/);
  });

  it('asks about the first conversation after a screening', () => {
    expect(keys(selectFeedbackQuestions('screening', [], 2))).toEqual([
      'screening.pause',
      'screening.move_forward',
    ]);
  });

  it('leads with round-specific questions after interviews, keeping one general question', () => {
    const qs = selectFeedbackQuestions('interviewing', ['technical', 'behavioural', 'final']);
    expect(keys(qs)).toEqual(['round.final.gap', 'round.behavioural.example', 'interviewing.biggest_gap']);
    expect(qs[0]?.text).toMatch(/candidate you chose/);
    expect(qs[1]?.text).toMatch(/examples/);
  });

  it('asks about the technical round when that was the only one', () => {
    expect(keys(selectFeedbackQuestions('interviewing', ['technical']))).toEqual([
      'round.technical.depth',
      'interviewing.biggest_gap',
      'interviewing.one_thing',
    ]);
  });

  it('ignores round kinds before the interview stage', () => {
    expect(keys(selectFeedbackQuestions('screening', ['technical']))[0]).toBe('screening.pause');
  });

  it('treats an offer stage with its own questions', () => {
    expect(keys(selectFeedbackQuestions('offer', [], 2))).toEqual([
      'offer.deciding_factor',
      'offer.conversation',
    ]);
  });

  it('is deterministic whatever the order of the rounds', () => {
    const a = selectFeedbackQuestions('interviewing', ['behavioural', 'technical', 'behavioural']);
    const b = selectFeedbackQuestions('interviewing', ['technical', 'behavioural']);
    expect(a).toEqual(b);
  });

  it('refuses a saved application and counts outside 1–5', () => {
    expect(() => selectFeedbackQuestions('saved')).toThrow(/^stageReached:/);
    expect(() => selectFeedbackQuestions('applied', [], 0)).toThrow(/^count:/);
    expect(() => selectFeedbackQuestions('applied', [], 6)).toThrow(/^count:/);
  });
});
