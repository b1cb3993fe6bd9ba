import { describe, expect, it } from 'vitest';
import { mapStageLabel, stageLabelReader } from './stage-labels.ts';

describe('mapStageLabel', () => {
  it.each([
    ['Wishlist', 'saved', null],
    ['Bookmarked', 'saved', null],
    ['New', 'saved', null],
    ['Not applied yet', 'saved', null],
    ['Applied', 'applied', null],
    ['In review', 'applied', null],
    ['Phone screen', 'screening', null],
    ['Recruiter call', 'screening', null],
    ['Assessment', 'screening', null],
    ['Interview', 'interviewing', null],
    ['Final round', 'interviewing', null],
    ['On-site', 'interviewing', null],
    ['Offer', 'offer', null],
    ['Negotiating', 'offer', null],
    ['Offer accepted', 'accepted', null],
    ['Rejected', 'applied', 'rejected'],
    ['Rejected after final round', 'interviewing', 'rejected'],
    ['No response', 'applied', 'ghosted'],
    ['Ghosted/No response', 'applied', 'ghosted'],
    ['Withdrawn', 'applied', 'withdrawn'],
    ['Offer declined', 'offer', 'declined'],
    ['Expired', 'saved', 'withdrawn'],
  ])('%s → %s / %s', (label, stage, outcome) => {
    expect(mapStageLabel(label)).toEqual({ stage, outcome });
  });

  it('gives null for labels it does not know, so the import can name them', () => {
    expect(mapStageLabel('Interveiw')).toBeNull();
    expect(mapStageLabel('')).toBeNull();
    expect(mapStageLabel('purple')).toBeNull();
  });
});

describe('stageLabelReader', () => {
  it("reads the user's labels their way, ignoring case, and the rest as Rebound guesses", () => {
    const read = stageLabelReader({
      ' interveiw ': { stage: 'interviewing' },
      Rejected: { stage: 'screening', outcome: 'rejected' },
    });
    expect(read('Interveiw')).toEqual({ stage: 'interviewing', outcome: null });
    expect(read('REJECTED')).toEqual({ stage: 'screening', outcome: 'rejected' });
    expect(read('Phone screen')).toEqual({ stage: 'screening', outcome: null });
    expect(read('purple')).toBeNull();
  });

  it('refuses an unknown stage or outcome, naming the label', () => {
    expect(() => stageLabelReader({ Interveiw: { stage: 'interview' } })).toThrow(
      'stageMap.Interveiw: unknown stage "interview"',
    );
    expect(() => stageLabelReader({ Silence: { stage: 'applied', outcome: 'no reply' } })).toThrow(
      'stageMap.Silence: unknown outcome "no reply"',
    );
  });
});
