/**
 * The resume profile: the skills a person shows, each with a level and where it came from. Every
 * change makes a new numbered version, so an application can remember which resume it was sent with.
 */
import type { ResumeSkillSource, SkillLevel } from './input.ts';
import { skillKey } from './vocabulary.ts';

export interface ResumeSkill {
  name: string;
  category: string;
  level: SkillLevel;
  source: ResumeSkillSource;
}

export const DEFAULT_LEVEL: SkillLevel = 'intermediate';

/** The label of a resume version as people see it: "resume-v3". */
export function resumeLabel(number: number): string {
  return `resume-v${number}`;
}

/**
 * The skills after importing a resume: every skill found in the text (keeping a level the person
 * set before), then the skills they added by hand or learned that the text does not mention.
 */
export function profileFromImport(
  previous: readonly ResumeSkill[],
  found: readonly { name: string; category: string }[],
): ResumeSkill[] {
  const before = new Map(previous.map((s) => [skillKey(s.name), s]));
  const out: ResumeSkill[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const k = skillKey(f.name);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({
      name: f.name,
      category: f.category,
      level: before.get(k)?.level ?? DEFAULT_LEVEL,
      source: 'resume',
    });
  }
  for (const s of previous) {
    const k = skillKey(s.name);
    if (seen.has(k) || s.source === 'resume') continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** Adds a skill or changes its level; returns the same list (by value) when nothing changes. */
export function withSkill(
  skills: readonly ResumeSkill[],
  skill: ResumeSkill,
): { skills: ResumeSkill[]; changed: boolean } {
  const k = skillKey(skill.name);
  const i = skills.findIndex((s) => skillKey(s.name) === k);
  if (i === -1) return { skills: [...skills, skill], changed: true };
  const current = skills[i]!;
  if (current.level === skill.level) return { skills: [...skills], changed: false };
  const next = [...skills];
  next[i] = { ...current, level: skill.level };
  return { skills: next, changed: true };
}

/** Drops a skill by name (any case or spacing). */
export function withoutSkill(
  skills: readonly ResumeSkill[],
  name: string,
): { skills: ResumeSkill[]; changed: boolean } {
  const k = skillKey(name);
  const next = skills.filter((s) => skillKey(s.name) !== k);
  return { skills: next, changed: next.length !== skills.length };
}
