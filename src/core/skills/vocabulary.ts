/**
 * The skill vocabulary: canonical skill names, their aliases and how each surface form may be
 * matched. The shipped vocabulary is data (data/skills/vocabulary.json); users add their own
 * skills on top, and an alias may never quietly change what an existing word means.
 */
import { ReboundError } from '../errors.ts';

/**
 * How a surface form may match: `word` in any case; `case` only as written (or in capitals);
 * `context` as written AND next to other skills or programming words ("Go", "R", "Spring");
 * `tech` in any case but only next to other skills or programming words ("java/spring", ". net").
 */
export type MatchRule = 'word' | 'case' | 'context' | 'tech';

export interface SkillEntry {
  name: string;
  category: string;
  aliases: string[];
  /** Rules for surfaces that are not plain `word` matches, keyed by the surface as written. */
  rules?: Record<string, MatchRule>;
  /**
   * `degree`: a field of study that is also an ordinary word, counted only in a sentence about a
   * degree. `field`: a field of work that is also an everyday word ("energy", "travel"), counted as
   * a single word only beside a word that makes it a field ("the energy sector").
   */
  when?: 'degree' | 'field';
}

export interface Vocabulary {
  version: number;
  skills: SkillEntry[];
}

/** A skill or alias the user adds ("Vitest" with alias "vitest.dev", or "Gleam"). */
export interface CustomSkill {
  name: string;
  category?: string;
  aliases?: string[];
}

export const CUSTOM_CATEGORY = 'custom';

/** The lookup key of a skill name or alias: lower case, runs of spaces, hyphens, slashes as one space. */
export function skillKey(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/[\s\-_/]+/g, ' ')
    .trim();
}

/** Maps every name and alias key of a vocabulary to the canonical skill it means. */
export function indexVocabulary(vocabulary: Vocabulary): Map<string, SkillEntry> {
  const index = new Map<string, SkillEntry>();
  for (const skill of vocabulary.skills) {
    for (const surface of [skill.name, ...skill.aliases]) {
      const k = skillKey(surface);
      if (k && !index.has(k)) index.set(k, skill);
    }
  }
  return index;
}

/**
 * Checks a user's custom skill against the vocabulary and returns it trimmed. A name may match an
 * existing skill (the aliases are then added to it), but an alias that already means a different
 * skill is refused, so "JS" can never be made to mean anything but JavaScript.
 */
export function validateCustomSkill(
  vocabulary: Vocabulary | Map<string, SkillEntry>,
  custom: CustomSkill,
): CustomSkill {
  const index = vocabulary instanceof Map ? vocabulary : indexVocabulary(vocabulary);
  const name = custom.name.trim();
  if (!skillKey(name))
    throw new ReboundError('invalid_input', 'a skill needs a name', [{ path: 'name', message: 'required' }]);
  if (name.length > 80)
    throw new ReboundError('invalid_input', 'a skill name can be at most 80 characters', [
      { path: 'name', message: 'too long' },
    ]);
  const own = index.get(skillKey(name));
  const aliases = (custom.aliases ?? []).map((a) => a.trim()).filter((a) => skillKey(a) !== '');
  for (const alias of aliases) {
    const owner = index.get(skillKey(alias));
    if (owner && owner !== own && skillKey(owner.name) !== skillKey(name)) {
      throw new ReboundError('conflict', `alias "${alias}" already means ${owner.name}`, [
        { path: 'aliases', message: `"${alias}" already means ${owner.name}` },
      ]);
    }
  }
  return { name, category: custom.category?.trim() || own?.category || CUSTOM_CATEGORY, aliases };
}
