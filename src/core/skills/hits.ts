/** A candidate match found by the extraction pass, and the character classes its rules share. */
import type { MatchEntry, SkillMatcher } from './matcher.ts';

export interface Hit {
  start: number;
  end: number;
  entry: MatchEntry;
  /**
   * `entry.skill`, kept in the hit itself: the rules read it for every hit, and on a long text the
   * entry's own record (one of thousands) had left the processor's caches. Set with `entry`.
   */
  skill: number;
  needsContext: boolean;
  accepted: boolean;
}

// Character classes for ASCII; above 127, letters of Latin, Greek, Cyrillic… and CJK count as word
// characters, while general punctuation (bullets, dashes, curly quotes) does not.
export const WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 65; c <= 90; c++) WORD[c] = 1;
for (let c = 97; c <= 122; c++) WORD[c] = 1;
export const isWord = (c: number) =>
  c < 128 ? WORD[c] === 1 : (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || c >= 0x3000;
export const isSep = (c: number) => c === 32 || c === 9 || c === 45 || c === 95 || c === 47 || c === 160;

/**
 * A set of ASCII character codes, looked up by an array read: the rules test a character against
 * such a set for most hits, and a Set of numbers hashed each code (about ten times slower).
 */
export class CharCodes {
  private readonly in = new Uint8Array(128);
  constructor(codes: Iterable<number>) {
    for (const c of codes) {
      if (!(c >= 0 && c < 128)) throw new Error(`CharCodes: ${c} is not an ASCII character code`);
      this.in[c] = 1;
    }
  }
  /** As Set.has: false for any code not in the set (NaN, past the text's end, above 127). */
  has(c: number): boolean {
    return c < 128 && this.in[c] === 1;
  }
}

/** The CharCodes of the characters of `chars`. */
export const charCodes = (chars: string) => new CharCodes([...chars].map((c) => c.charCodeAt(0)));

/** Whether the hit's words hold a space (read in place, without cutting them out). */
export function hitHasSpace(lower: string, h: { start: number; end: number }): boolean {
  for (let i = h.start; i < h.end; i++) if (lower.charCodeAt(i) === 32) return true;
  return false;
}

/** Whether `s` has `tail` ending right before position `end`, compared in place. */
export function endsAt(s: string, end: number, tail: string): boolean {
  const from = end - tail.length;
  if (from < 0) return false;
  for (let k = 0; k < tail.length; k++) if (s.charCodeAt(from + k) !== tail.charCodeAt(k)) return false;
  return true;
}

/** Whether one of `words` ends right before `end` of `s` (see `endsAt`). */
export function endsAtOneOf(s: string, end: number, words: readonly string[]): boolean {
  for (const word of words) if (endsAt(s, end, word)) return true;
  return false;
}

/**
 * Where the run of whitespace (what `\s` matches) that ends right before `end` starts: `end`
 * itself when there is none.
 */
export function spacesFrom(s: string, end: number): number {
  let i = end;
  while (i > 0 && isRegExpSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** JavaScript's `\s`, by character code. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the run of letters a-z that ends right before `end` starts (`end` itself when none does). */
export function lettersFrom(s: string, end: number): number {
  let i = end;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c < 97 || c > 122) break;
    i--;
  }
  return i;
}

/**
 * Where a text's line breaks are, found once: `last(at)` is `text.lastIndexOf('\n', at)` by
 * halving instead of reading back, which per hit made a long text without line breaks quadratic.
 */
export class LineBreaks {
  private readonly at: Int32Array;
  constructor(text: string) {
    const found: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i);
    this.at = Int32Array.from(found);
  }
  /** The last line break at or before `pos` (a negative `pos` reads as 0, as lastIndexOf does), or -1. */
  last(pos: number): number {
    const at = this.at;
    const p = pos < 0 ? 0 : pos;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : at[lo - 1]!;
  }
  /** The first line break, or -1. */
  first(): number {
    return this.at.length === 0 ? -1 : this.at[0]!;
  }
}

/** Soft skills, methods, languages, fields and degrees say nothing about whether "Phoenix" is a tool. */
const NOT_EVIDENCE = new Set(['soft', 'practice', 'spoken', 'domain', 'qualification']);
export function isEvidence(matcher: SkillMatcher, h: Hit): boolean {
  if (!h.accepted) return false;
  return !NOT_EVIDENCE.has(matcher.skills[h.skill]!.category);
}

/**
 * The text in lower case with its offsets kept: toLowerCase changes the length of a few letters
 * (İ), and then only A–Z are lowered, so every span found in it is a span of the original.
 */
export function lowerKeepingOffsets(text: string): string {
  const lowered = text.toLowerCase();
  return lowered.length === text.length ? lowered : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
