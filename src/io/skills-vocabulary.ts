/**
 * The shipped skill vocabulary (data/skills/vocabulary.json), read once, and matchers built from
 * it plus a workspace's own skills. Building a matcher takes tens of milliseconds, so the last few
 * are kept, keyed by the custom skills they include.
 */
import { readFileSync } from 'node:fs';
import { buildMatcher, type SkillMatcher } from '../core/skills/matcher.ts';
import type { CustomSkill, Vocabulary } from '../core/skills/vocabulary.ts';
import { packagePath } from './package-files.ts';

const VOCABULARY_PATH = packagePath('data', 'skills', 'vocabulary.json');
const KEEP = 8;

let vocabulary: Vocabulary | undefined;
const matchers = new Map<string, SkillMatcher>();

/** The shipped vocabulary; read from disk on first use only. */
export function loadVocabulary(): Vocabulary {
  if (!vocabulary) {
    const raw = JSON.parse(readFileSync(VOCABULARY_PATH, 'utf8')) as Vocabulary;
    vocabulary = {
      version: raw.version,
      skills: raw.skills.map((s) => ({
        name: s.name,
        category: s.category,
        aliases: s.aliases,
        ...(s.rules ? { rules: s.rules } : {}),
        ...(s.when ? { when: s.when } : {}),
      })),
    };
  }
  return vocabulary;
}

/** A stable key for a set of custom skills: equal sets share one matcher. */
export function customSkillsKey(custom: readonly CustomSkill[]): string {
  return JSON.stringify(custom.map((c) => [c.name, c.category ?? null, c.aliases ?? []]));
}

/**
 * The matcher for the vocabulary plus these custom skills. Throws the core's `conflict` error
 * when an alias already means another skill (nothing is cached then).
 */
export function matcherFor(custom: readonly CustomSkill[] = []): { matcher: SkillMatcher; key: string } {
  const key = customSkillsKey(custom);
  let matcher = matchers.get(key);
  if (matcher) {
    // Refresh its place so the most used matchers stay.
    matchers.delete(key);
  } else {
    matcher = buildMatcher(loadVocabulary(), [...custom]);
  }
  matchers.set(key, matcher);
  while (matchers.size > KEEP) matchers.delete(matchers.keys().next().value!);
  return { matcher, key };
}
