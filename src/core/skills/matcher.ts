/**
 * A compiled skill matcher: one character trie over the normalised names and aliases of every
 * skill, walked once over a text. Building it is the slow part; reuse one matcher for many texts.
 */
import type { CustomSkill, MatchRule, SkillEntry, Vocabulary } from './vocabulary.ts';
import { CUSTOM_CATEGORY, indexVocabulary, skillKey, validateCustomSkill } from './vocabulary.ts';

/** One way a trie path may be accepted: which skill, the surface as written, and its rule. */
export interface MatchEntry {
  skill: number;
  surface: string;
  rule: MatchRule;
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  entries: MatchEntry[] | null;
}

export interface SkillMatcher {
  skills: { name: string; category: string; when?: 'degree' }[];
  /** Root children for ASCII codes, a flat array so the hot loop skips a Map lookup. */
  root: (TrieNode | undefined)[];
  /** Canonical skill index by name/alias key, for resolving names the user typed. */
  byKey: Map<string, number>;
}

/** Code used in the trie for any run of spaces, hyphens, underscores or slashes. */
export const SEP = 32;

function newNode(): TrieNode {
  return { next: new Map(), entries: null };
}

function defaultRule(surface: string): MatchRule {
  return surface.length <= 2 ? 'case' : 'word';
}

/**
 * Compiles a vocabulary (plus the user's own skills) into a matcher. Custom skills are validated
 * first: an alias that already means another skill throws a `conflict` ReboundError.
 */
export function buildMatcher(vocabulary: Vocabulary, custom: CustomSkill[] = []): SkillMatcher {
  const index = indexVocabulary(vocabulary);
  const entries: SkillEntry[] = vocabulary.skills.map((s) => ({ ...s, aliases: [...s.aliases] }));
  const position = new Map<SkillEntry, number>(vocabulary.skills.map((s, i) => [s, i]));
  for (const raw of custom) {
    const c = validateCustomSkill(index, raw);
    const existing = index.get(skillKey(c.name));
    if (existing) {
      const target = entries[position.get(existing)!]!;
      target.aliases.push(...(c.aliases ?? []));
      for (const a of c.aliases ?? []) index.set(skillKey(a), existing);
    } else {
      const added: SkillEntry = {
        name: c.name,
        category: c.category ?? CUSTOM_CATEGORY,
        aliases: c.aliases ?? [],
      };
      position.set(added, entries.length);
      entries.push(added);
      for (const surface of [added.name, ...added.aliases]) index.set(skillKey(surface), added);
    }
  }

  const root: (TrieNode | undefined)[] = new Array(128);
  const byKey = new Map<string, number>();
  entries.forEach((skill, skillIndex) => {
    for (const surface of [skill.name, ...skill.aliases]) {
      const k = skillKey(surface);
      if (!k) continue;
      if (!byKey.has(k)) byKey.set(k, skillIndex);
      insert(root, k, { skill: skillIndex, surface, rule: skill.rules?.[surface] ?? defaultRule(surface) });
    }
  });
  return {
    skills: entries.map((s) => ({ name: s.name, category: s.category, ...(s.when ? { when: s.when } : {}) })),
    root,
    byKey,
  };
}

function insert(root: (TrieNode | undefined)[], key: string, entry: MatchEntry): void {
  const first = key.charCodeAt(0);
  let node: TrieNode;
  if (first < 128) {
    node = root[first] ?? newNode();
    root[first] = node;
  } else {
    // Non-ASCII first letters are rare in skill names; they live under a shared slot 0.
    const holder = root[0] ?? newNode();
    root[0] = holder;
    node = holder.next.get(first) ?? newNode();
    holder.next.set(first, node);
  }
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = newNode();
      node.next.set(c, child);
    }
    node = child;
  }
  const list = node.entries ?? [];
  // Two aliases of the same skill that normalise alike keep the first; distinct skills both stay.
  if (!list.some((e) => e.skill === entry.skill && e.rule === entry.rule && e.surface === entry.surface))
    list.push(entry);
  node.entries = list;
}

/** The canonical name of a skill the user typed ("js" → "JavaScript"), or undefined if unknown. */
export function findSkillName(matcher: SkillMatcher, typed: string): string | undefined {
  const i = matcher.byKey.get(skillKey(typed));
  return i === undefined ? undefined : matcher.skills[i]!.name;
}

/** The category of a canonical skill name, or undefined. */
export function skillCategory(matcher: SkillMatcher, name: string): string | undefined {
  const i = matcher.byKey.get(skillKey(name));
  return i === undefined ? undefined : matcher.skills[i]!.category;
}
