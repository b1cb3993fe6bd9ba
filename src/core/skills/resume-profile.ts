/**
 * The resume profile: the skills a person shows, each with a level and where it came from. Every
 * change makes a new numbered version, so an application can remember which resume it was sent with.
 */
import { LineBreaks, lowerKeepingOffsets } from './hits.ts';
import type { ResumeSkillSource, SkillLevel } from './input.ts';
import { skillKey } from './vocabulary.ts';

export interface ResumeSkill {
  name: string;
  category: string;
  level: SkillLevel;
  source: ResumeSkillSource;
}

export const DEFAULT_LEVEL: SkillLevel = 'intermediate';

/** A skill found in a resume, with the level the text gives it beside a mention, if any. */
export interface ResumeFinding {
  name: string;
  category: string;
  level?: SkillLevel;
}

/**
 * "I don't know Java", "no experience with Docker", "never used Kotlin": the words right before a
 * mention say the person lacks the skill (a comma or a sentence's end closes the negation: "I
 * don't know Java, but use Python daily" keeps Python).
 */
const LACKED_BEFORE =
  /\b(?:(?:do not|don't|did not|didn't|cannot|can't|could not|couldn't) (?:know|use|speak|write|have(?: any)?(?: (?:experience|knowledge) (?:with|in|of))?)|no (?:prior |previous |real )?(?:experience|knowledge) (?:with|in|of|using)|never (?:used|worked with|learned|learnt|written)|not (?:familiar|experienced) with|unfamiliar with)\b[^.;:!?(),\n]{0,24}$/;
/** The words that give a level, and the level each means. */
const LEVEL_WORDS: Record<string, SkillLevel> = {
  basic: 'beginner',
  beginner: 'beginner',
  elementary: 'beginner',
  novice: 'beginner',
  intermediate: 'intermediate',
  working: 'intermediate',
  conversational: 'intermediate',
  advanced: 'advanced',
  proficient: 'advanced',
  fluent: 'advanced',
  expert: 'expert',
  native: 'expert',
};
const LEVEL = Object.keys(LEVEL_WORDS).join('|');
/** "Kubernetes (basic)", "German – native", "Excel: advanced": a level written after the name. */
const LEVEL_AFTER = new RegExp(`^\\s*(?:\\(\\s*|[:–—-]\\s*)(${LEVEL})\\b`);
/**
 * "basic knowledge of Kubernetes", "expert in Go", "advanced Excel", "fluent German", "a native
 * Spanish speaker": a level written right before the name (one other name may come between:
 * "expert in Go and Rust").
 */
const LEVEL_BEFORE = new RegExp(
  `\\b(${LEVEL})(?: (?:knowledge|understanding|experience|skills?|user|level|proficiency|command))?(?: (?:of|in|with|at))? (?:[a-z0-9+#.-]+(?:,? (?:and|or|&)|,) )?$`,
);

/** Level words that grade only a spoken language ("native iOS apps" is no level of iOS). */
const SPOKEN_ONLY = new Set(['native', 'fluent', 'conversational']);

/** The level written beside the mention at [start, end) on the line starting at `line`, or undefined. */
function writtenLevel(
  lower: string,
  line: number,
  start: number,
  end: number,
  category: string,
): SkillLevel | undefined {
  const m =
    LEVEL_AFTER.exec(lower.slice(end, end + 24)) ??
    LEVEL_BEFORE.exec(lower.slice(Math.max(line, start - 48), start));
  if (m === null || (SPOKEN_ONLY.has(m[1]!) && category !== 'spoken')) return undefined;
  return LEVEL_WORDS[m[1]!];
}

/**
 * Reads a resume's skills beside their mentions: a mention the sentence negates ("I don't know
 * Java") does not count, and a skill with no other mention is left out; a level written beside a
 * mention ("Kubernetes (basic)", "expert in Go", "native German") becomes the skill's level.
 */
export function readResumeSkills(
  text: string,
  found: readonly { name: string; category: string; spans: readonly (readonly [number, number])[] }[],
): ResumeFinding[] {
  const lower = lowerKeepingOffsets(text);
  const breaks = new LineBreaks(text);
  const out: ResumeFinding[] = [];
  for (const f of found) {
    let shown = false;
    let level: SkillLevel | undefined;
    for (const [start, end] of f.spans) {
      const line = breaks.last(start - 1) + 1;
      if (LACKED_BEFORE.test(lower.slice(Math.max(line, start - 80), start))) continue;
      shown = true;
      level ??= writtenLevel(lower, line, start, end, f.category);
    }
    if (!shown) continue;
    out.push(
      level === undefined
        ? { name: f.name, category: f.category }
        : { name: f.name, category: f.category, level },
    );
  }
  return out;
}

/** The label of a resume version as people see it: "resume-v3". */
export function resumeLabel(number: number): string {
  return `resume-v${number}`;
}

/**
 * The skills after importing a resume: every skill found in the text, at the level the text writes
 * beside it, else keeping a level the person set before; then the skills they added by hand or
 * learned that the text does not mention.
 */
export function profileFromImport(
  previous: readonly ResumeSkill[],
  found: readonly ResumeFinding[],
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
      level: f.level ?? before.get(k)?.level ?? DEFAULT_LEVEL,
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
