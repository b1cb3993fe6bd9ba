/**
 * A compiled skill matcher: one character trie over the normalised names and aliases of every
 * skill, flattened into a transition table and walked once over a text. Building it is the slow part; reuse one matcher for many texts.
 */
import { isWord } from './hits.ts';
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
  skills: { name: string; category: string; when?: 'degree' | 'field' }[];
  /**
   * The trie's states, one packed record each, so a walk reads one small record per state instead
   * of an entry in each of several tables. The children of a state are consecutive states, and
   * each state's subtree is one block placed after its children (depth-first), so a walk mostly
   * moves forward through nearby memory. `node[2 * state]` is the state's first child;
   * `node[2 * state + 1]` packs its number of children (the low 8 bits), ACCEPTS when it ends a
   * surface, WORD_FIRST, 1 + its dense row in `rows` for a state with many children (the root, the first
   * letters; bits DENSE_SHIFT to VIA_SHIFT), and the class of the character that leads into it
   * (from bit VIA_SHIFT). State 0 is the root; 0 as a target is "none".
   */
  node: Int32Array;
  rows: Int32Array;
  width: number;
  /** Character class of every UTF-16 code unit (0: no skill name uses it). */
  classOf: Uint8Array;
  /** The accepted surfaces of each state, or null (set exactly where ACCEPTS is). */
  entries: (MatchEntry[] | null)[];
  /** The first of `entries[state]`, or null: one memory access fewer for the usual hit. */
  firstEntry: (MatchEntry | null)[];
  /**
   * A bit per hash of the first word of every surface (see `wordHash`): a word of the text whose
   * bit is clear starts no surface, so the extractor skips it without walking the trie. A set bit
   * may be a collision; the walk then finds nothing, as it would have anyway.
   */
  firstWords: Uint32Array;
  /**
   * The state after reading each distinct first word of a surface from the root, by the word's
   * hash (open addressing over FIRST_WORD_SLOTS slots; a state of 0 marks an empty slot), with
   * the word itself to tell apart two words of one hash. The extractor looks a text word up here
   * and walks on from its end instead of reading the word again a character at a time. Each slot
   * is four numbers side by side, so a lookup reads one place in memory: the state, the hash, and
   * where the word's characters start in `firstWordChars` and how many there are.
   */
  firstWordSlots: Int32Array;
  firstWordChars: Uint16Array;
  /** Canonical skill index by name/alias key, for resolving names the user typed. */
  byKey: Map<string, number>;
}

/** log2 of the number of bits in `SkillMatcher.firstWords` (16 KB: stays in the fastest cache). */
export const FIRST_WORD_BITS = 17;
/** Slots of `SkillMatcher.firstWordState`: a power of two, at least twice the distinct first words. */
const FIRST_WORD_SLOTS_MIN = 1 << 12;
/** FNV-1a's offset basis: the hash of no characters. */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;
/** One character more of a word's hash (FNV-1a); the extractor inlines the same expression. */
export function wordHash(hash: number, c: number): number {
  return Math.imul(hash ^ c, 16777619);
}

/**
 * Where the first word of a key ends, by the extractor's word rule (letters, digits, "+", "#",
 * and a dot before a letter or digit), so a text word and the surface it starts hash alike.
 */
function firstWordEnd(key: string): number {
  let j = 0;
  while (j < key.length) {
    const c = key.charCodeAt(j);
    if (isWord(c) || c === 43 || c === 35) j++;
    else if (c === 46 && j + 1 < key.length && isWord(key.charCodeAt(j + 1))) j++;
    else break;
  }
  return j;
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
  const firstWords = new Uint32Array(1 << (FIRST_WORD_BITS - 5));
  const words = new Map<string, number>();
  entries.forEach((skill, skillIndex) => {
    for (const surface of [skill.name, ...skill.aliases]) {
      const k = skillKey(surface);
      if (!k) continue;
      if (!byKey.has(k)) byKey.set(k, skillIndex);
      let hash = WORD_HASH_SEED;
      const end = firstWordEnd(k);
      for (let j = 0; j < end; j++) hash = wordHash(hash, k.charCodeAt(j));
      const bit = hash >>> (32 - FIRST_WORD_BITS);
      firstWords[bit >>> 5]! |= 1 << (bit & 31);
      if (end > 0) words.set(k.slice(0, end), hash);
      insert(root, k, { skill: skillIndex, surface, rule: skill.rules?.[surface] ?? defaultRule(surface) });
    }
  });
  const tables = flatten(root);
  let slots = FIRST_WORD_SLOTS_MIN;
  while (slots < 2 * words.size) slots *= 2;
  const firstWordSlots = new Int32Array(4 * slots);
  let charCount = 0;
  for (const word of words.keys()) charCount += word.length;
  const firstWordChars = new Uint16Array(charCount);
  let at = 0;
  for (const [word, hash] of words) {
    let state = 0;
    for (let j = 0; j < word.length; j++) {
      state = step(tables, state, tables.classOf[word.charCodeAt(j)]!);
      if (state === 0) throw new Error(`first word "${word}" is not in the trie`);
    }
    let slot = hash & (slots - 1);
    while (firstWordSlots[4 * slot] !== 0) slot = (slot + 1) & (slots - 1);
    firstWordSlots[4 * slot] = state;
    firstWordSlots[4 * slot + 1] = hash;
    firstWordSlots[4 * slot + 2] = at;
    firstWordSlots[4 * slot + 3] = word.length;
    for (let j = 0; j < word.length; j++) firstWordChars[at++] = word.charCodeAt(j);
  }
  return {
    skills: entries.map((s) => ({ name: s.name, category: s.category, ...(s.when ? { when: s.when } : {}) })),
    ...tables,
    firstWords,
    firstWordSlots,
    firstWordChars,
    byKey,
  };
}

/**
 * The state after reading `lower[start, end)` from the root, when that is the first word of some
 * surface (its hash is `hash`, see `wordHash`); 0 when it is not.
 */
export function firstWordState(
  m: SkillMatcher,
  lower: string,
  start: number,
  end: number,
  hash: number,
): number {
  const { firstWordSlots: table, firstWordChars: chars } = m;
  const mask = (table.length >>> 2) - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const record = slot << 2;
    const state = table[record]!;
    if (state === 0) return 0;
    if (table[record + 1] !== hash || table[record + 3] !== length) continue;
    const at = table[record + 2]!;
    let k = 0;
    while (k < length && chars[at + k] === lower.charCodeAt(start + k)) k++;
    if (k === length) return state;
  }
}

/** A state with more children than this gets a dense row; fewer are searched one by one. */
const DENSE_FROM = 5;
/** Bit of a state's packed record (`node[2 * state + 1]`) set when the state ends a surface. */
export const ACCEPTS = 1 << 8;
/**
 * Bit set when the state's first surface is under the "word" rule: a walk accepts it as soon as
 * the word ends there, without reading `entries` (most accepting states; saves a memory access).
 */
export const WORD_FIRST = 1 << 9;
/** Where 1 + a state's dense row sits in its packed record (0 there: the state has no dense row). */
export const DENSE_SHIFT = 10;
/** Where the class of the character leading into a state sits in its packed record. */
export const VIA_SHIFT = 24;
/** Mask of a state's dense row number once shifted down by DENSE_SHIFT. */
export const DENSE_MASK = (1 << (VIA_SHIFT - DENSE_SHIFT)) - 1;

type Tables = Pick<SkillMatcher, 'node' | 'rows' | 'width' | 'classOf' | 'entries' | 'firstEntry'>;

/** Numbers the trie's states (see `SkillMatcher.node`) and writes the transitions into typed arrays. */
function flatten(root: TrieNode): Tables {
  const classOf = new Uint8Array(65536);
  let width = 1;
  // Ids: each state's children get a block of consecutive ids, then each child's subtree is
  // numbered in turn (depth-first), so a subtree occupies one stretch of the table.
  const order: TrieNode[] = [root];
  const code: number[] = [0];
  const pending: TrieNode[] = [root];
  let denseCount = 0;
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.next.size >= DENSE_FROM) denseCount++;
    for (const [c, child] of n.next) {
      if (classOf[c] === 0) {
        if (width === 255) throw new Error('too many distinct characters in skill names');
        classOf[c] = width++;
      }
      order.push(child);
      code.push(c);
    }
    // Children are numbered in insertion order; their subtrees follow in the same order.
    const children = [...n.next.values()];
    for (let k = children.length - 1; k >= 0; k--) pending.push(children[k]!);
  }
  const states = order.length;
  if (denseCount >= 1 << (VIA_SHIFT - DENSE_SHIFT)) throw new Error('too many dense trie states');
  const id = new Map<TrieNode, number>(order.map((n, k) => [n, k]));
  const node = new Int32Array(2 * states);
  const rows = new Int32Array(denseCount * width);
  let row = 0;
  order.forEach((n, k) => {
    let info = classOf[code[k]!]! << VIA_SHIFT;
    if (n.entries !== null) info |= ACCEPTS;
    if (n.entries?.[0]?.rule === 'word') info |= WORD_FIRST;
    if (n.next.size >= DENSE_FROM) {
      for (const [c, child] of n.next) rows[row * width + classOf[c]!] = id.get(child)!;
      info |= (row + 1) << DENSE_SHIFT;
      row++;
    } else info |= n.next.size;
    const first = n.next.size === 0 ? 0 : id.get(n.next.values().next().value!)!;
    node[2 * k] = first;
    node[2 * k + 1] = info;
  });
  // Built by map, not `new Array(n)`: a large preallocated array can fall back to slow elements.
  // The lists and entries are copied so they lie together in memory, in state order, instead of
  // scattered among the trie's build-time Maps: the walk reads one for every hit.
  const entries = order.map(
    (n) => n.entries?.map((e) => ({ skill: e.skill, surface: e.surface, rule: e.rule })) ?? null,
  );
  const firstEntry = entries.map((list) => list?.[0] ?? null);
  return { node, rows, width, classOf, entries, firstEntry };
}

/** The state after reading a character of class `k` (not 0) in `state`, or 0 when there is none. */
export function step(m: Pick<SkillMatcher, 'node' | 'rows' | 'width'>, state: number, k: number): number {
  const node = m.node;
  const info = node[2 * state + 1]!;
  const row = (info >>> DENSE_SHIFT) & DENSE_MASK;
  if (row !== 0) return m.rows[(row - 1) * m.width + k]!;
  const first = node[2 * state]!;
  const end = first + (info & 255);
  for (let child = first; child < end; child++) if (node[2 * child + 1]! >>> VIA_SHIFT === k) return child;
  return 0;
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
