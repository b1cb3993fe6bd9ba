import { describe, expect, it } from 'vitest';
import { adjacentRoles, roleKey, transferableSkills } from './paths.ts';

describe('transferableSkills', () => {
  it('groups skills by kind in a fixed order, once each', () => {
    const groups = transferableSkills([
      { name: 'Communication', category: 'soft' },
      { name: 'Python', category: 'language' },
      { name: 'SQL', category: 'language' },
      { name: 'python', category: 'language' },
      { name: 'Gleam', category: 'custom' },
      { name: 'Odd', category: 'unheard-of' },
    ]);
    expect(groups.map((g) => [g.label, g.skills])).toEqual([
      ['Programming languages', ['Python', 'SQL']],
      ['People and personal skills', ['Communication']],
      ['Your own skills', ['Gleam']],
      ['Other', ['Odd']],
    ]);
  });
});

describe('adjacentRoles', () => {
  const saved = [
    { role: 'Senior Data Analyst', skills: ['SQL', 'Tableau', 'Python'] },
    { role: 'Data Analyst II', skills: ['SQL', 'Microsoft Excel'] },
    { role: 'Platform Engineer', skills: ['Kubernetes', 'Terraform', 'Go'] },
  ];

  it('finds roles whose asked-for skills the user mostly has, with coverage', () => {
    const roles = adjacentRoles(['SQL', 'Python', 'Microsoft Excel'], saved);
    expect(roles).toEqual([
      {
        role: 'Data Analyst II',
        jobCount: 2,
        coverage: 80,
        have: ['SQL', 'Microsoft Excel', 'Python'],
        missing: ['Tableau'],
      },
    ]);
  });

  it('merges titles that differ only by seniority', () => {
    expect(roleKey('Senior Data Analyst')).toBe(roleKey('data analyst (II)'));
    expect(adjacentRoles([], saved, 0).map((r) => r.jobCount)).toEqual([2, 1]);
  });
});
