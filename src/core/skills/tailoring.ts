/**
 * Tailoring score: how much of what a job asks for a resume already shows, weighted so that
 * required skills count most and nice-to-haves least.
 */
import type { SkillMatcher } from './matcher.ts';
import { findSkillName } from './matcher.ts';
import type { WeightedJobSkill } from './sections.ts';
import { extractJobSkills } from './sections.ts';
import { skillKey } from './vocabulary.ts';

export interface TailoringPart {
  matched: string[];
  missing: string[];
}

export interface TailoringScore {
  /** 0–100, or null when no known skill was found in the job text (nothing to compare). */
  score: number | null;
  matched: string[];
  missing: string[];
  /** Required and merely mentioned skills. */
  required: TailoringPart;
  niceToHave: TailoringPart;
}

/**
 * Scores a resume against a job's weighted skills. `resumeSkillNames` are canonical names (an
 * alias such as "JS" also works when a matcher is given to resolve it).
 */
export function tailoringScore(
  job: WeightedJobSkill[],
  resumeSkillNames: string[],
  matcher?: SkillMatcher,
): TailoringScore {
  const have = new Set(resumeSkillNames.map((n) => skillKey((matcher && findSkillName(matcher, n)) ?? n)));
  const result: TailoringScore = {
    score: null,
    matched: [],
    missing: [],
    required: { matched: [], missing: [] },
    niceToHave: { matched: [], missing: [] },
  };
  let total = 0;
  let got = 0;
  for (const skill of job) {
    const isMatched = have.has(skillKey(skill.name));
    const part = skill.importance === 'niceToHave' ? result.niceToHave : result.required;
    total += skill.weight;
    if (isMatched) got += skill.weight;
    (isMatched ? result.matched : result.missing).push(skill.name);
    (isMatched ? part.matched : part.missing).push(skill.name);
  }
  if (total > 0) result.score = Math.round((100 * got) / total);
  return result;
}

/** Extracts a job description's skills and scores a resume's skills against them. */
export function scoreJobText(
  matcher: SkillMatcher,
  jobText: string,
  resumeSkillNames: string[],
): TailoringScore {
  return tailoringScore(extractJobSkills(matcher, jobText), resumeSkillNames, matcher);
}
