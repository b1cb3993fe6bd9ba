import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { buildMatcher } from './matcher.ts';
import { extractJobSkills, jobSections } from './sections.ts';
import { scoreJobText, tailoringScore } from './tailoring.ts';

const matcher = buildMatcher(shippedVocabulary);

const JOB = `Backend Engineer at Example Co

About the role
You will build services with our team.

Requirements:
- 3+ years of Python
- PostgreSQL and Docker

Nice to have
- Kubernetes
- Experience with Terraform

What we offer
- Remote work`;

describe('job sections', () => {
  it('weights skills by the section they are listed in', () => {
    const skills = extractJobSkills(matcher, JOB);
    const importance = Object.fromEntries(skills.map((s) => [s.name, s.importance]));
    expect(importance).toMatchObject({
      Python: 'required',
      PostgreSQL: 'required',
      Docker: 'required',
      Kubernetes: 'niceToHave',
      Terraform: 'niceToHave',
    });
  });

  it('reads inline "Bonus:" headings and "(a plus)" lines', () => {
    const text = 'Must have: Java\nBonus: Kafka\n\nSkills\n- Go services\n- Scala (a plus)';
    const importance = Object.fromEntries(extractJobSkills(matcher, text).map((s) => [s.name, s.importance]));
    expect(importance).toEqual({
      Java: 'required',
      'Apache Kafka': 'niceToHave',
      Go: 'required',
      Scala: 'niceToHave',
    });
    expect(jobSections('').length).toBe(1);
  });

  it('keeps a skill required when it is also listed as a bonus', () => {
    const skills = extractJobSkills(matcher, 'Requirements\n- AWS\nPreferred\n- More AWS, Azure');
    expect(skills.map((s) => [s.name, s.importance])).toEqual([
      ['Amazon Web Services', 'required'],
      ['Microsoft Azure', 'niceToHave'],
    ]);
  });
});

describe('tailoringScore', () => {
  it('scores required skills above nice-to-haves', () => {
    const result = scoreJobText(matcher, JOB, ['python', 'Postgres', 'Docker']);
    expect(result.score).toBe(Math.round((100 * 3) / (3 + 0.35 * 2)));
    expect(result.required).toEqual({ matched: ['Python', 'PostgreSQL', 'Docker'], missing: [] });
    expect(result.niceToHave).toEqual({ matched: [], missing: ['Kubernetes', 'Terraform'] });
    expect(result.missing).toEqual(['Kubernetes', 'Terraform']);
  });

  it('gives a lower score when a required skill is missing than when a bonus one is', () => {
    const job = extractJobSkills(matcher, JOB);
    const noPython = tailoringScore(job, ['PostgreSQL', 'Docker', 'Kubernetes', 'Terraform']);
    const noKube = tailoringScore(job, ['Python', 'PostgreSQL', 'Docker', 'Terraform']);
    expect(noPython.score!).toBeLessThan(noKube.score!);
    expect(
      tailoringScore(
        job,
        job.map((s) => s.name),
      ).score,
    ).toBe(100);
  });

  it('scores a one-paragraph posting sentence by sentence, so a near match scores high', () => {
    const paragraph =
      'You will build APIs in Python and PostgreSQL and ship them with Docker. You have 3+ years of backend development. Kubernetes is a plus.';
    const result = scoreJobText(matcher, paragraph, [
      'Python',
      'PostgreSQL',
      'Docker',
      'Backend Development',
    ]);
    expect(result.required.missing).toEqual([]);
    expect(result.niceToHave.missing).toEqual(['Kubernetes']);
    // 0.7 × 3 mentioned + 1 required, against one bonus of 0.35 missing.
    expect(result.score).toBe(Math.round((100 * 3.1) / 3.45));
  });

  it('has no score when the job names no known skill', () => {
    expect(scoreJobText(matcher, 'A kind team and a nice office.', ['Python']).score).toBeNull();
  });
});
