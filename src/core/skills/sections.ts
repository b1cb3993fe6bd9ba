/**
 * Job-ad sections: which parts of a posting list what is required and which list what would be
 * nice. A skill under "Must have" weighs more in a tailoring score than one under "Bonus".
 */
import type { ExtractedSkill, SkillExtraction } from './extract.ts';
import { extractSkills } from './extract.ts';
import type { SkillMatcher } from './matcher.ts';

export type Importance = 'required' | 'niceToHave' | 'mentioned';

/** How much each kind of mention counts in a tailoring score. */
export const IMPORTANCE_WEIGHT: Record<Importance, number> = {
  required: 1,
  mentioned: 0.7,
  niceToHave: 0.35,
};

export interface JobSection {
  start: number;
  end: number;
  importance: Importance;
}

export interface WeightedJobSkill extends ExtractedSkill {
  importance: Importance;
  weight: number;
}

const NICE =
  /\b(nice[\s-]to[\s-]haves?|bonus(es)?|preferred|pluses|a plus|desirable|desired|good[\s-]to[\s-]haves?|would be (a )?(plus|bonus|great)|extra credit|optional|not required|ideally)\b/i;
const REQUIRED =
  /\b(requirements?|required|must[\s-]haves?|essentials?|qualifications|what you('ll)? (need|bring)|you (have|bring|will need)|who you are|about you|skills( and experience)?|experience and skills|we('re| are) looking for)\b/i;
const NEUTRAL =
  /\b(responsibilities|what you('ll)? do|about (us|the (role|team|company|job))|benefits|perks|what we offer|the role|your role|day[\s-]to[\s-]day|how to apply|salary|compensation)\b/i;

/** Reads a line as a heading when it is short and mostly a label ("Nice to have:", "## Requirements"). */
function headingOf(line: string): Importance | 'neutral' | undefined {
  // A bullet is content, never a heading ("- Experience with Kafka" under "Bonus").
  if (/^\s*([-•–]|\*\s|\d+[.)]\s)/.test(line)) return undefined;
  const label = line
    .replace(/^[\s#*_>]+/, '')
    .replace(/[\s*_:]+$/, '')
    .trim();
  const colon = label.indexOf(':');
  const head = colon > 0 && colon < 40 ? label.slice(0, colon) : label;
  if (head.length === 0 || head.length > 50 || head.split(/\s+/).length > 7) return undefined;
  if (NICE.test(head)) return 'niceToHave';
  if (NEUTRAL.test(head)) return 'neutral';
  if (REQUIRED.test(head)) return 'required';
  return undefined;
}

/**
 * Splits a job description into sections by their headings. Text before any heading, and under
 * headings such as "Responsibilities", is `mentioned`; a single line that says "(a plus)" or
 * "nice to have" is nice-to-have on its own.
 */
export function jobSections(text: string): JobSection[] {
  const sections: JobSection[] = [];
  let current: Importance = 'mentioned';
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end);
    const heading = headingOf(line);
    if (heading !== undefined) current = heading === 'neutral' ? 'mentioned' : heading;
    const importance: Importance = heading === undefined && NICE.test(line) ? 'niceToHave' : current;
    const last = sections.at(-1);
    if (last && last.importance === importance && last.end === pos - 1) last.end = end;
    else sections.push({ start: pos, end, importance });
    if (nl === -1) break;
    pos = nl + 1;
  }
  return sections;
}

const RANK: Record<Importance, number> = { required: 3, mentioned: 2, niceToHave: 1 };

/**
 * Gives each skill of a job its importance: the strongest section it is mentioned in, so a skill
 * both required and listed again under "Bonus" stays required.
 */
export function weighJobSkills(text: string, extraction: SkillExtraction): WeightedJobSkill[] {
  const sections = jobSections(text);
  return extraction.skills.map((skill) => {
    let importance: Importance = 'niceToHave';
    let k = 0;
    for (const [start] of skill.spans) {
      while (k < sections.length - 1 && sections[k]!.end < start) k++;
      const here = sections[k]?.importance ?? 'mentioned';
      if (RANK[here] > RANK[importance]) importance = here;
    }
    return { ...skill, importance, weight: IMPORTANCE_WEIGHT[importance] };
  });
}

/** Extracts and weighs the skills of a job description in one call. */
export function extractJobSkills(matcher: SkillMatcher, text: string): WeightedJobSkill[] {
  return weighJobSkills(text, extractSkills(matcher, text));
}
