import { describe, expect, it } from 'vitest';
import type { GapApplication } from './gaps.ts';
import { rankSkillGaps } from './gaps.ts';

const app = (over: Partial<GapApplication> & { id: string }): GapApplication => ({
  company: 'Example',
  role: 'Engineer',
  outcome: 'rejected',
  furthestStage: 'applied',
  closedOn: '2026-03-01',
  appliedOn: '2026-02-01',
  skills: [],
  ...over,
});

const TODAY = '2026-03-01';

describe('rankSkillGaps', () => {
  it('ranks skills of rejected jobs, heavier for later stages, and lists the applications behind them', () => {
    const gaps = rankSkillGaps(
      [
        app({ id: 'a', furthestStage: 'interviewing', skills: ['Kubernetes', 'Python'] }),
        app({ id: 'b', furthestStage: 'applied', skills: ['Terraform', 'Python'] }),
        app({ id: 'c', furthestStage: 'applied', skills: ['Terraform'] }),
      ],
      ['Python'],
      TODAY,
    );
    expect(gaps.map((g) => [g.skill, g.score, g.applicationIds])).toEqual([
      ['Kubernetes', 2.5, ['a']],
      ['Terraform', 2, ['b', 'c']],
    ]);
  });

  it('lets recent rejections count more than old ones (half-life about 60 days)', () => {
    const gaps = rankSkillGaps(
      [
        app({ id: 'old', closedOn: '2025-12-31', skills: ['Go'] }),
        app({ id: 'new', closedOn: '2026-03-01', skills: ['Rust'] }),
      ],
      [],
      TODAY,
    );
    expect(gaps.map((g) => g.skill)).toEqual(['Rust', 'Go']);
    expect(gaps[1]!.score).toBeCloseTo(0.5, 2);
  });

  it('discounts skills that also appear in jobs that moved forward, and ignores the user’s own choices', () => {
    const gaps = rankSkillGaps(
      [
        app({ id: 'r1', skills: ['Java', 'AWS'] }),
        app({
          id: 'f1',
          outcome: null,
          furthestStage: 'interviewing',
          closedOn: null,
          appliedOn: TODAY,
          skills: ['AWS'],
        }),
        app({ id: 'w1', outcome: 'withdrawn', furthestStage: 'screening', skills: ['Scala'] }),
        app({ id: 's1', outcome: 'rejected', furthestStage: 'saved', skills: ['Perl'] }),
      ],
      [],
      TODAY,
    );
    expect(gaps.map((g) => [g.skill, g.forwardCount])).toEqual([['Java', 0]]);
  });

  it('counts an unanswered application at half the weight of a rejection', () => {
    const gaps = rankSkillGaps(
      [app({ id: 'g', outcome: 'ghosted', skills: ['SQL'] }), app({ id: 'r', skills: ['Excel'] })],
      [],
      TODAY,
    );
    expect(gaps.map((g) => [g.skill, g.score])).toEqual([
      ['Excel', 1],
      ['SQL', 0.5],
    ]);
  });

  it('leaves out skills the resume already shows, whatever their case', () => {
    expect(rankSkillGaps([app({ id: 'x', skills: ['Docker'] })], ['docker'], TODAY)).toEqual([]);
  });
});
