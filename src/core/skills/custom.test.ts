import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { ReboundError } from '../errors.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';
import { validateCustomSkill } from './vocabulary.ts';

describe('custom skills', () => {
  it('adds a new skill with its aliases', () => {
    const m = buildMatcher(shippedVocabulary, [{ name: 'Gleam', aliases: ['gleam-lang'] }]);
    const found = extractSkills(m, 'Side projects in gleam-lang and Gleam').skills;
    expect(found).toEqual([
      {
        name: 'Gleam',
        category: 'custom',
        spans: [
          [17, 27],
          [32, 37],
        ],
        matched: ['gleam-lang', 'Gleam'],
      },
    ]);
  });

  it('adds aliases to an existing skill', () => {
    const m = buildMatcher(shippedVocabulary, [{ name: 'TypeScript', aliases: ['TypeScript 5'] }]);
    expect(extractSkills(m, 'typescript 5').skills.map((s) => s.name)).toEqual(['TypeScript']);
  });

  it('refuses an alias that already means another skill', () => {
    const attempt = () => validateCustomSkill(shippedVocabulary, { name: 'JScript', aliases: ['JS'] });
    expect(attempt).toThrow(ReboundError);
    expect(attempt).toThrow('alias "JS" already means JavaScript');
    try {
      attempt();
    } catch (e) {
      expect(e).toMatchObject({ code: 'conflict', details: [{ path: 'aliases' }] });
    }
    expect(() => buildMatcher(shippedVocabulary, [{ name: 'Kube stuff', aliases: ['k8s'] }])).toThrow(
      'alias "k8s" already means Kubernetes',
    );
  });

  it('requires a name', () => {
    expect(() => validateCustomSkill(shippedVocabulary, { name: '  ' })).toThrow('a skill needs a name');
  });
});
