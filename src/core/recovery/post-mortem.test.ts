import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import { postMortemChecklist, validatePostMortemItems, validateRating } from './post-mortem.ts';

const keys = (items: { key: string }[]) => items.map((i) => i.key);

describe('postMortemChecklist', () => {
  it('asks only about the application itself when it stopped at the resume screen', () => {
    expect(
      keys(postMortemChecklist({ furthestStage: 'applied', rounds: [], hadCoverLetter: false })),
    ).toEqual(['jd_match', 'resume']);
    expect(
      keys(postMortemChecklist({ furthestStage: 'applied', rounds: [], hadCoverLetter: true })),
    ).toContain('cover_letter');
  });

  it('adds the screening call and follow-up after a screening', () => {
    expect(
      keys(postMortemChecklist({ furthestStage: 'screening', rounds: [], hadCoverLetter: false })),
    ).toEqual(['jd_match', 'resume', 'screening_call', 'follow_up']);
  });

  it('gives each interview round its own item, in round order, with the hardest-question prompts', () => {
    const items = postMortemChecklist({
      furthestStage: 'interviewing',
      rounds: [
        { number: 2, kind: 'behavioural' },
        { number: 1, kind: 'technical' },
      ],
      hadCoverLetter: false,
    });
    expect(keys(items)).toEqual(['jd_match', 'resume', 'screening_call', 'round_1', 'round_2', 'follow_up']);
    const round2 = items.find((i) => i.key === 'round_2');
    expect(round2?.title).toBe('Round 2: Behavioural interview');
    expect(round2?.prompts).toContain('Which question was the hardest?');
    expect(round2?.prompts).toContain('What would I answer now?');
  });

  it('includes the offer talks only when an offer came', () => {
    const offer = postMortemChecklist({ furthestStage: 'offer', rounds: [], hadCoverLetter: false });
    expect(keys(offer).at(-1)).toBe('offer_talks');
  });

  it('refuses an application that was only saved', () => {
    expect(() => postMortemChecklist({ furthestStage: 'saved', rounds: [], hadCoverLetter: false })).toThrow(
      /^furthestStage:/,
    );
  });
});

describe('validatePostMortemItems', () => {
  const screening = { furthestStage: 'screening' as const, rounds: [], hadCoverLetter: false };

  it('refuses items for stages the application never reached, naming the item', () => {
    try {
      validatePostMortemItems(screening, [{ key: 'resume' }, { key: 'round_1' }, { key: 'offer_talks' }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReboundError);
      const e = error as ReboundError;
      expect(e.code).toBe('invalid_input');
      expect(e.message).toBe(
        'items.1.key: "round_1" belongs to interviewing, which this application did not reach',
      );
      expect(e.details.map((d) => d.path)).toEqual(['items.1.key', 'items.2.key']);
    }
  });

  it('refuses a round that did not happen, an unsent cover letter and unknown keys', () => {
    const interviewing = {
      furthestStage: 'interviewing' as const,
      rounds: [{ number: 1, kind: 'phone' as const }],
      hadCoverLetter: false,
    };
    expect(() => validatePostMortemItems(interviewing, [{ key: 'round_3' }])).toThrow('there is no round 3');
    expect(() => validatePostMortemItems(interviewing, [{ key: 'cover_letter' }])).toThrow('no cover letter');
    expect(() => validatePostMortemItems(interviewing, [{ key: 'vibes' }])).toThrow('unknown item "vibes"');
  });

  it('returns reached items once each', () => {
    expect(
      validatePostMortemItems(screening, [{ key: 'resume' }, { key: 'screening_call' }, { key: 'resume' }]),
    ).toEqual([{ key: 'resume' }, { key: 'screening_call' }]);
  });
});

describe('validateRating', () => {
  it('accepts the three ratings and refuses others', () => {
    expect(validateRating('so_so', 'fine')).toBe('so_so');
    expect(() => validateRating('bad')).toThrow('rating: choose well, so_so or weak');
    expect(() => validateRating('weak', 'x'.repeat(2001))).toThrow(/^note:/);
  });
});
