/**
 * Skill extraction: one left-to-right pass over the text walking the matcher's character trie at
 * each word start, longest match first. Short words that are also English ("Go", "R", "Spring")
 * are held back until the pass is over and kept only beside other skills or programming words.
 */
import { ReboundError } from '../errors.ts';
import { isVerbAtSentenceStart, resolveContext } from './context-rules.ts';
import { type Hit, isSep, isWord, lowerKeepingOffsets, WORD } from './hits.ts';
import type { MatchEntry, SkillMatcher } from './matcher.ts';
import {
  ACCEPTS,
  DENSE_MASK,
  DENSE_SHIFT,
  FIRST_WORD_BITS,
  firstWordState,
  SEP,
  step,
  VIA_SHIFT,
  WORD_FIRST,
  WORD_HASH_SEED,
} from './matcher.ts';
import { applySentenceRules } from './sentence-rules.ts';

export interface ExtractedSkill {
  name: string;
  category: string;
  /** [start, end) character offsets into the original text, in order. */
  spans: [number, number][];
  /** The distinct words in the text that matched, as written, so a result can explain itself. */
  matched: string[];
}

export interface SkillExtraction {
  skills: ExtractedSkill[];
}

/** The refusal of text with a NUL byte anywhere: a binary file pasted. */
function binaryText(): ReboundError {
  return new ReboundError(
    'invalid_input',
    'this looks like a binary file, not text; paste the text instead',
    [{ path: 'text', message: 'contains NUL bytes' }],
  );
}

/** The control characters `assertText` counts: below 32, but for tab, line feed, form feed and return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

/**
 * Refuses text that is mostly control characters at the start. A NUL byte anywhere is refused by
 * the extraction pass, which reads every character between words anyway (a search of its own
 * cost a pass over the text); here only when the start is refused too, so that refusal wins.
 */
function assertText(text: string): void {
  const head = Math.min(text.length, 4096);
  // Most texts have no control character (of those counted below) in the head at all: one search
  // of the expression engine settles them, faster than reading each character here.
  if (!CONTROL.test(head === text.length ? text : text.slice(0, head))) return;
  let controls = 0;
  for (let i = 0; i < head; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (head > 0 && controls / head > 0.1) {
    if (text.indexOf('\u0000') !== -1) throw binaryText();
    throw new ReboundError(
      'invalid_input',
      'this looks like a binary file, not text; paste the text instead',
      [{ path: 'text', message: 'mostly control characters' }],
    );
  }
}

/** True when the text at [start, end) may stand for `surface` under its case rule. */
function caseOk(text: string, start: number, end: number, entry: MatchEntry): boolean {
  if (entry.rule === 'word' || entry.rule === 'tech') return true;
  const surface = entry.surface;
  if (end - start !== surface.length) return false;
  // As written, or (for two letters or more) all in capitals; compared without making strings.
  let exact = true;
  let upper = surface.length > 1;
  for (let k = 0; k < surface.length && (exact || upper); k++) {
    const t = text.charCodeAt(start + k);
    const w = surface.charCodeAt(k);
    if (t !== w) exact = false;
    if (upper && t !== (w >= 97 && w <= 122 ? w - 32 : w)) upper = false;
  }
  return exact || upper;
}

/** Where the word starting at `i` ends (letters, digits, and the dots and pluses inside names). */
function wordEnd(text: string, i: number, n: number): number {
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isWord(c) || c === 43 || c === 35) j++;
    else if (c === 46 && j + 1 < n && isWord(text.charCodeAt(j + 1))) j++;
    else break;
  }
  return j;
}

/** Whether wordEnd goes on past the character `c` at `j` (so a word does not end before it). */
function continuesWord(text: string, c: number, j: number, n: number): boolean {
  if (isWord(c) || c === 43 || c === 35) return true;
  return c === 46 && j + 1 < n && isWord(text.charCodeAt(j + 1));
}

/** True when a match may end before position `p`: not inside a longer word, "C" not inside "C++". */
function endsWord(text: string, p: number, n: number): boolean {
  if (p >= n) return true;
  const c = text.charCodeAt(p);
  if (isWord(c) || c === 43 || c === 35) return false;
  if (c === 46 && p + 1 < n && isWord(text.charCodeAt(p + 1))) return false;
  return true;
}

/**
 * Walks the trie for a match starting at `start`, from `fromState` at position `from` (the state
 * its characters before `from` led to); returns the accepted hit of the longest match, if any. Runs of spaces, hyphens, underscores and slashes read as one space.
 */
function walk(
  matcher: SkillMatcher,
  text: string,
  lower: string,
  start: number,
  n: number,
  from: number,
  fromState: number,
): Hit | undefined {
  const { classOf, entries, firstEntry, node, rows, width } = matcher;
  const sep = classOf[SEP]!;
  let bestEnd = -1;
  // The best entry, or undefined with `bestState` set when it is the first entry of that state.
  let bestEntry: MatchEntry | undefined;
  let bestState = 0;
  let bestAccepted = false;
  let p = from;
  let state = fromState;
  for (;;) {
    // The packed record says whether the state ends a surface, so most states never read `entries`.
    const info = node[2 * state + 1]!;
    if ((info & ACCEPTS) !== 0 && endsWord(text, p, n)) {
      // A "word" surface passes caseOk and is accepted at once: the loop below would stop on it.
      if ((info & WORD_FIRST) !== 0) {
        bestEnd = p;
        bestEntry = undefined;
        bestState = state;
        bestAccepted = true;
      } else
        for (const entry of entries[state]!) {
          if (!caseOk(text, start, p, entry)) continue;
          bestEnd = p;
          bestEntry = entry;
          bestAccepted = entry.rule !== 'context' && entry.rule !== 'tech';
          if (bestAccepted) break;
        }
    }
    if (p >= n) break;
    const c = lower.charCodeAt(p);
    let k = classOf[c]!;
    // Only a space has the separator's class; a hyphen, slash, tab… has none and is checked here.
    if (k === sep || (k === 0 && isSep(c))) {
      if (sep === 0) break;
      let q = p + 1;
      while (q < n && isSep(lower.charCodeAt(q))) q++;
      k = sep;
      p = q;
    } else if (k === 0) break;
    else p++;
    // The step (see `step` in matcher.ts), with this state's record already read.
    const row = (info >>> DENSE_SHIFT) & DENSE_MASK;
    if (row !== 0) state = rows[(row - 1) * width + k]!;
    else {
      const from = node[2 * state]!;
      const to = from + (info & 255);
      let next = 0;
      for (let child = from; child < to; child++)
        if (node[2 * child + 1]! >>> VIA_SHIFT === k) {
          next = child;
          break;
        }
      state = next;
    }
    if (state === 0) break;
  }
  if (bestEnd === -1) return undefined;
  const entry = bestEntry ?? firstEntry[bestState]!;
  return {
    start,
    end: bestEnd,
    entry,
    skill: entry.skill,
    needsContext: !bestAccepted,
    accepted: bestAccepted,
  };
}

/** First position at or after `p` that is a word start (or a ".NET"-style dot start). */
function isStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if (isWord(prev) || prev === 43 || prev === 35 || prev === 64) return false;
  if (prev === 46 && i >= 2 && isWord(text.charCodeAt(i - 2))) return false;
  return true;
}

/**
 * Finds the skills a text mentions, in order of first mention, each with its character spans and
 * the words that matched. Empty text gives no skills; binary content is refused.
 */
export function extractSkills(matcher: SkillMatcher, text: string): SkillExtraction {
  if (text.length === 0) return { skills: [] };
  assertText(text);
  const lower = lowerKeepingOffsets(text);
  const n = text.length;
  const { classOf, firstWords } = matcher;
  const hits: Hit[] = [];
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const startable = c < 128 ? WORD[c] === 1 || c === 46 : isWord(c);
    if (!startable || !isStart(text, i)) {
      // No word or match spans a NUL, so every one is read here.
      if (c === 0) throw binaryText();
      i++;
      continue;
    }
    // Most words start no surface: read the word once, hashing it, and walk the trie only when
    // its first-word bit is set. `end` is where wordEnd would stop, or -1 when the text and its
    // lower case may disagree on it: then the walk decides. They can only where the lower case
    // is not ASCII, or is a "k" (the Kelvin sign, not a letter, lower-cases to one), or is a dot
    // before such a character.
    let end = i;
    let hash = WORD_HASH_SEED;
    while (end < n) {
      const l = lower.charCodeAt(end);
      if (l < 128 && l !== 107 && l !== 46) {
        if (WORD[l] === 0 && l !== 43 && l !== 35) break;
      } else {
        let go = isWord(l) || l === 43 || l === 35;
        if (!go && l === 46 && end + 1 < n) go = isWord(lower.charCodeAt(end + 1));
        const t = text.charCodeAt(end);
        if (
          (t !== l || (l === 46 && end + 1 < n && text.charCodeAt(end + 1) !== lower.charCodeAt(end + 1))) &&
          go !== continuesWord(text, t, end, n)
        ) {
          end = -1;
          break;
        }
        if (!go) break;
      }
      hash = Math.imul(hash ^ l, 16777619);
      end++;
    }
    const bit = hash >>> (32 - FIRST_WORD_BITS);
    if (end !== -1 && (firstWords[bit >>> 5]! & (1 << (bit & 31))) === 0) {
      i = c === 46 ? i + 1 : end;
      continue;
    }
    let hit: Hit | undefined;
    if (end > i) {
      // The word is read: walk on from the state at its end. No surface is accepted inside a word
      // (a match must end where the word does), so nothing before its end is missed; a word that
      // is no surface's first word starts no match. (A dot alone, as in ". net", is read below.)
      const state = firstWordState(matcher, lower, i, end, hash);
      if (state !== 0) hit = walk(matcher, text, lower, i, n, end, state);
    } else {
      const k = classOf[c]!;
      const first = k === 0 ? 0 : step(matcher, 0, k);
      if (first !== 0) hit = walk(matcher, text, lower, i, n, i + 1, first);
    }
    if (hit) {
      if (!isVerbAtSentenceStart(text, lower, hit)) hits.push(hit);
      i = hit.end;
    } else {
      // At least one character on: "Ω" or a Kelvin sign is a letter only once lower-cased, so
      // the word read in `text` may end where it starts (that looped forever).
      i = c === 46 ? i + 1 : end !== -1 ? end : Math.max(i + 1, wordEnd(text, i, n));
    }
  }
  resolveContext(matcher, text, lower, hits);
  applySentenceRules(matcher, text, lower, hits);
  return group(matcher, text, languageNamedToo(matcher, hits));
}

/**
 * Per matcher, for each skill (by index) that has a surface like "written English": that surface
 * mapped to the spoken language it ends with (the skill of its last word); no entry for most skills.
 */
const namedLanguages = new WeakMap<SkillMatcher, Map<number, Map<string, number>>>();
function languagesOf(matcher: SkillMatcher): Map<number, Map<string, number>> {
  let bySkill = namedLanguages.get(matcher);
  if (bySkill === undefined) {
    bySkill = new Map();
    for (const entries of matcher.entries) {
      for (const entry of entries ?? []) {
        const m = /^(?:written|spoken|verbal|oral) ([A-Z][a-z]+)$/.exec(entry.surface);
        if (m === null) continue;
        const language = matcher.byKey.get(m[1]!.toLowerCase());
        if (language === undefined || matcher.skills[language]!.category !== 'spoken') continue;
        let surfaces = bySkill.get(entry.skill);
        if (surfaces === undefined) {
          surfaces = new Map();
          bySkill.set(entry.skill, surfaces);
        }
        surfaces.set(entry.surface, language);
      }
    }
    namedLanguages.set(matcher, bySkill);
  }
  return bySkill;
}

/**
 * "Good written English" asks for the skill of writing and for the language both (GUIDE.md labels
 * both): an accepted hit of a surface that ends in a spoken language (see `languagesOf`) adds a
 * hit of that language on its last word. The hits stay in text order.
 */
function languageNamedToo(matcher: SkillMatcher, hits: Hit[]): Hit[] {
  const bySkill = languagesOf(matcher);
  if (bySkill.size === 0) return hits;
  let out: Hit[] | undefined;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const surfaces = h.accepted ? bySkill.get(h.skill) : undefined;
    const language = surfaces?.get(h.entry.surface);
    if (language === undefined) {
      out?.push(h);
      continue;
    }
    out ??= hits.slice(0, k);
    out.push(h);
    const word = matcher.skills[language]!.name;
    out.push({
      start: h.end - word.length,
      end: h.end,
      entry: { skill: language, surface: word, rule: 'case' },
      skill: language,
      needsContext: false,
      accepted: true,
    });
  }
  return out ?? hits;
}

/**
 * Whether `text` at [start, end) is one of `surfaces`, compared in place: most mentions repeat a
 * surface already listed, so no string is made for them.
 */
function listed(surfaces: string[], text: string, start: number, end: number): boolean {
  const n = end - start;
  for (const m of surfaces) {
    if (m.length !== n) continue;
    // Compared a character at a time: startsWith at an offset cost more for these short words.
    let k = 0;
    while (k < n && m.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === n) return true;
  }
  return false;
}

/**
 * Per matcher, 1 + the position in the result of each skill found so far (0: not yet), read and
 * written by `group` only and cleared before it returns: an array lookup per hit instead of a Map.
 */
const resultSlots = new WeakMap<SkillMatcher, Int32Array>();

function group(matcher: SkillMatcher, text: string, hits: Hit[]): SkillExtraction {
  let slots = resultSlots.get(matcher);
  if (slots === undefined) {
    slots = new Int32Array(matcher.skills.length);
    resultSlots.set(matcher, slots);
  }
  const skills: ExtractedSkill[] = [];
  const ids: number[] = [];
  // Each skill's first matched word, copied into one small buffer: most mentions repeat it, and
  // comparing them with this copy reads nearby memory, where the word's own string (one of
  // thousands, anywhere in the heap) missed the processor's caches on a long text.
  let firstMatched = new Uint16Array(4096);
  let used = 0;
  const firstAt: number[] = [];
  const firstLength: number[] = [];
  for (const h of hits) {
    if (!h.accepted) continue;
    const id = h.skill;
    const n = h.end - h.start;
    let skill: ExtractedSkill;
    const slot = slots[id]!;
    if (slot === 0) {
      const meta = matcher.skills[id]!;
      skill = { name: meta.name, category: meta.category, spans: [], matched: [] };
      skills.push(skill);
      ids.push(id);
      slots[id] = skills.length;
      if (used + n > firstMatched.length) {
        const grown = new Uint16Array(Math.max(2 * firstMatched.length, used + n));
        grown.set(firstMatched);
        firstMatched = grown;
      }
      for (let k = 0; k < n; k++) firstMatched[used + k] = text.charCodeAt(h.start + k);
      firstAt.push(used);
      firstLength.push(n);
      used += n;
    } else {
      skill = skills[slot - 1]!;
      if (firstLength[slot - 1] === n) {
        const at = firstAt[slot - 1]!;
        let k = 0;
        while (k < n && firstMatched[at + k] === text.charCodeAt(h.start + k)) k++;
        if (k === n) {
          // The first matched word again: already listed.
          skill.spans.push([h.start, h.end]);
          continue;
        }
      }
    }
    skill.spans.push([h.start, h.end]);
    if (!listed(skill.matched, text, h.start, h.end)) skill.matched.push(text.slice(h.start, h.end));
  }
  for (const id of ids) slots[id] = 0;
  return { skills };
}
