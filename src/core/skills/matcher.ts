/**
 * A compiled skill matcher: one character trie over the normalised names and aliases of every
 * skill, flattened into a transition table and walked once over a text. Building it is the slow part; reuse one matcher for many texts.
 */
import type { CustomSkill, MatchRule, SkillEntry, Vocabulary } from './vocabulary.ts';
import { CUSTOM_CATEGORY, indexVocabulary, skillKey, validateCustomSkill } from './vocabulary.ts';

/** One way a trie path may be accepted: which skill, the surface as written, and its rule. */
export interface MatchEntry {
  skill: number;
  surface: string;
  rule: MatchRule;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entries: MatchEntry[] | null;
}

export interface SkillMatcher {
  skills: { name: string; category: string; when?: 'degree' }[];
  /**
   * The trie as a transition table: `next[state * width + classOf[code]]` is the next state, 0 for
   * none (state 0 is the root, never a child). One typed-array read per character, no Map lookups.
   */
  next: Int32Array;
  width: number;
  /** Character class of every UTF-16 code unit (0: no skill name uses it). */
  classOf: Uint8Array;
  /** The accepted surfaces of each state, or null. */
  entries: (MatchEntry[] | null)[];
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

  const root = newNode();
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
    ...flatten(root),
    byKey,
  };
}

/** Numbers the trie's states breadth-first and writes the transitions into one typed array. */
function flatten(root: TrieNode): Pick<SkillMatcher, 'next' | 'width' | 'classOf' | 'entries'> {
  const classOf = new Uint8Array(65536);
  let width = 1;
  const order: TrieNode[] = [root];
  for (let k = 0; k < order.length; k++) {
    for (const [code, child] of order[k]!.next) {
      if (classOf[code] === 0) {
        if (width === 255) throw new Error('too many distinct characters in skill names');
        classOf[code] = width++;
      }
      order.push(child);
    }
  }
  const id = new Map<TrieNode, number>(order.map((node, k) => [node, k]));
  const next = new Int32Array(order.length * width);
  const stateEntries: (MatchEntry[] | null)[] = new Array(order.length);
  order.forEach((node, k) => {
    stateEntries[k] = node.entries;
    for (const [code, child] of node.next) next[k * width + classOf[code]!] = id.get(child)!;
  });
  return { next, width, classOf, entries: stateEntries };
}

function insert(root: TrieNode, key: string, entry: MatchEntry): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
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
