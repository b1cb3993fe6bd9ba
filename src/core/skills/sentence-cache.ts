/**
 * Sentences of a text, found and tested once: the bounds of the sentence around a position
 * (`sentenceAt`), sentence-wide tests made at module load (`sentenceTest`) with the words they need
 * looked up for all of them in one pass (`neededIn`), and a cache that remembers, per sentence, each
 * test's result, its line breaks and brackets (`SentenceCache`). What the sentences say about the
 * person asked for is read in sentences.ts and the reading rules.
 */
import { isRegExpSpace, LineBreaks } from './hits.ts';

/** JavaScript's `\s`, by character code: the sentence bounds are found without a regex per character. */
const isSpace = isRegExpSpace;

/** What a sentence's start is trimmed of: spaces and bullet marks (`[\s\-*•–#>]`). */
function isLead(c: number): boolean {
  return c === 45 || c === 42 || c === 0x2022 || c === 0x2013 || c === 35 || c === 62 || isSpace(c);
}

/** Whether `c` may bound a sentence: a line break, a bullet, or . ! ? (all above "?" but "•" cannot). */
function mayBound(c: number): boolean {
  return c > 63 ? c === 0x2022 : c === 10 || c === 13 || c === 46 || c === 33 || c === 63;
}
/** The characters of `mayBound`, searched for forwards: the expression engine skips the rest faster. */
const NEXT_BOUND = /[\n\r\u2022.!?]/g;

/**
 * How far a sentence reaches on each side of a position: a "sentence" of a text without line
 * breaks or full stops (a pasted list, a file run together) is read in windows of this size, not
 * whole for every skill in it (that made such a text quadratic). Real sentences are far shorter.
 */
export const SENTENCE_REACH = 2000;

/** Where the sentence around `pos` starts: after a line break, a bullet, or . ! ? before a space. */
function sentenceStart(text: string, pos: number): number {
  let start = pos;
  const stop = Math.max(0, pos - SENTENCE_REACH);
  while (start > stop) {
    const c = text.charCodeAt(start - 1);
    if (!mayBound(c)) {
      start--;
      continue;
    }
    if (c === 10 || c === 13 || c === 0x2022) break;
    // . ! ? before a space.
    if (start < text.length && isSpace(text.charCodeAt(start))) break;
    start--;
  }
  return start;
}

/**
 * [start, end) of the sentence around `pos`: bounded by line breaks, bullets and . ! ? before a
 * space, and at most SENTENCE_REACH characters on each side of `pos`.
 */
export function sentenceAt(text: string, pos: number): [number, number] {
  let start = sentenceStart(text, pos);
  let end = pos;
  const reach = Math.min(text.length, pos + SENTENCE_REACH);
  // Searched up to the reach only (a slice shares the text's characters; nothing is copied).
  const ahead = reach === text.length ? text : text.slice(0, reach);
  for (;;) {
    NEXT_BOUND.lastIndex = end;
    const m = NEXT_BOUND.exec(ahead);
    if (m === null) {
      end = reach;
      break;
    }
    end = m.index;
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13 || c === 0x2022) break;
    end++;
    // . ! ? before a space or the end of the text ends the sentence; inside a word ("3.5") not.
    if (end >= text.length || isSpace(text.charCodeAt(end))) break;
  }
  while (start < end && isLead(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * An expression tested on whole sentences through `SentenceCache.has`. Each has a number of its
 * own, so the cache finds its remembered result by array index (a Map keyed by the RegExp cost a
 * hash lookup per call, and a property added to the RegExp itself would take it off V8's fast path).
 */
let testsMade = 0;
export class SentenceTest {
  readonly slot = testsMade++;
  /** This test's bit in `neededIn`'s answer, or 0 for a test without needs. */
  readonly bit: number;
  constructor(
    readonly re: RegExp,
    needs = '',
  ) {
    // More than 31 tests with needs would share bits: a shared bit only runs more expressions.
    this.bit = needs === '' ? 0 : 1 << (testsWithNeeds++ % 31);
    for (const need of needs === '' ? [] : needs.split(' ')) addNeed(need, this.bit);
  }
}

/**
 * A sentence-wide test for `re` (a non-global expression): made once, at module load. `needs`
 * (words separated by spaces; see `neededIn`) are words one of which every match of `re` holds:
 * a sentence without any of them is settled without running `re`.
 */
export function sentenceTest(re: RegExp, needs?: string): SentenceTest {
  return new SentenceTest(re, needs);
}

/**
 * A sentence-wide test that holds where the sentence has one of `needs` (see `neededIn`), with no
 * expression of its own: a gate for rules whose expressions each need one of those words and read
 * the hit's sentence only. Two words sharing a hash only let more sentences through.
 */
export function wordsTest(needs: string): SentenceTest {
  return new SentenceTest(/(?:)/, needs);
}

/**
 * The words tests need, looked for in one pass over a sentence for all the tests together. A word
 * here is a run of a–z and 0–9 (sentences are read in lower case). A need is a whole word, or,
 * written "word*" (four letters or more before the star), the start of a word. A test may list
 * a need when each match of its expression holds that word between \b's (for "word*": after a
 * \b): \b's word characters include a–z and 0–9, so that run of the sentence is a word here too.
 * Needs are kept by a hash of the word (of its first four letters for "word*"), each with the bits
 * of the tests that need it; a word of the sentence whose hash (or its first four letters' hash)
 * is kept turns those bits on. A hash shared by two words only runs more expressions.
 */
const NEED_SLOTS = 4096;
const needHashes = new Int32Array(NEED_SLOTS);
const needBits = new Int32Array(NEED_SLOTS);
let testsWithNeeds = 0;
/** Words longer than this are also looked up by their first NEED_PREFIX letters. */
const NEED_PREFIX = 4;

/** The slot of a need's hash (odd, so that 0 marks an empty slot): its own, or the empty one it goes in. */
function needSlot(hash: number): number {
  let slot = hash & (NEED_SLOTS - 1);
  while (needHashes[slot] !== 0 && needHashes[slot] !== hash) slot = (slot + 1) & (NEED_SLOTS - 1);
  return slot;
}

function addNeed(need: string, bit: number): void {
  const prefix = need.endsWith('*');
  const word = prefix ? need.slice(0, NEED_PREFIX) : need;
  if (!/^[a-z0-9]+$/.test(word) || (prefix && need.length <= NEED_PREFIX))
    throw new Error(`sentence test need "${need}": a word of a–z and 0–9 (four letters or more before a *)`);
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
  const slot = needSlot(hash | 1);
  needHashes[slot] = hash | 1;
  needBits[slot]! |= bit;
}

/** Letters a–z and digits 0–9, the characters of a need's word, by character code (below 128). */
const NEED_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) NEED_CHAR[c] = 1;
for (let c = 97; c <= 122; c++) NEED_CHAR[c] = 1;

/** The bits of the need whose hash (made odd) is `hash`: `needBits[needSlot(hash)]`, read once. */
function needBitsOf(hash: number): number {
  for (let slot = hash & (NEED_SLOTS - 1); ; slot = (slot + 1) & (NEED_SLOTS - 1)) {
    const h = needHashes[slot]!;
    if (h === hash) return needBits[slot]!;
    if (h === 0) return 0;
  }
}

/** The bits of the tests one of whose needs is a word of lower[a, b) (see `addNeed`). */
export function neededIn(lower: string, a: number, b: number): number {
  let bits = 0;
  let hash = 0x811c9dc5 | 0;
  let length = 0;
  let prefixHash = 0;
  for (let i = a; i <= b; i++) {
    const c = i < b ? lower.charCodeAt(i) : 32;
    if (c < 128 && NEED_CHAR[c] === 1) {
      hash = Math.imul(hash ^ c, 16777619);
      if (++length === NEED_PREFIX) prefixHash = hash | 1;
      continue;
    }
    if (length === 0) continue;
    bits |= needBitsOf(hash | 1);
    if (length > NEED_PREFIX) bits |= needBitsOf(prefixHash);
    hash = 0x811c9dc5 | 0;
    length = 0;
  }
  return bits;
}

/**
 * The sentence around `pos` as `sentenceAt` finds it, and the bits `neededIn` gives for it, in one
 * pass forwards from the sentence's start: the words are hashed as the end is looked for, instead
 * of a search for the end and then a second reading of the sentence for its words. The bits are
 * left in `sentenceNeeds`. Between its start and `pos` no character ends the sentence (the search
 * backwards stopped at the first that does), so the end is looked for from `pos` on, as there.
 */
let sentenceNeeds = 0;
function sentenceAndNeeds(text: string, pos: number): [number, number] {
  let start = sentenceStart(text, pos);
  const n = text.length;
  const reach = Math.min(n, pos + SENTENCE_REACH);
  let end = reach;
  let bits = 0;
  let hash = 0x811c9dc5 | 0;
  let length = 0;
  let prefixHash = 0;
  for (let i = start; i < reach; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && NEED_CHAR[c] === 1) {
      hash = Math.imul(hash ^ c, 16777619);
      if (++length === NEED_PREFIX) prefixHash = hash | 1;
      continue;
    }
    if (length !== 0) {
      bits |= needBitsOf(hash | 1);
      if (length > NEED_PREFIX) bits |= needBitsOf(prefixHash);
      hash = 0x811c9dc5 | 0;
      length = 0;
    }
    if (i < pos || !mayBound(c)) continue;
    if (c === 10 || c === 13 || c === 0x2022) {
      end = i;
      break;
    }
    // . ! ? before a space or the end of the text ends the sentence; inside a word ("3.5") not.
    if (i + 1 >= n || isSpace(text.charCodeAt(i + 1))) {
      end = i + 1;
      break;
    }
  }
  // A word the reach cuts ends there, as one that ends the sentence does.
  if (end === reach && length !== 0) {
    bits |= needBitsOf(hash | 1);
    if (length > NEED_PREFIX) bits |= needBitsOf(prefixHash);
  }
  // The bounds are trimmed of spaces and bullet marks, none of which is a need's character: the
  // words read are those of the trimmed sentence.
  while (start < end && isLead(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  sentenceNeeds = bits;
  return [start, end];
}

/**
 * Sentence bounds and sentence-wide tests for one text, remembered for the sentence last asked
 * about: the extractor asks in text order, so each sentence is found and tested once.
 */
export class SentenceCache {
  /** The current sentence's bounds; a new array per sentence, so one handed out never changes. */
  private bounds: [number, number] = [-1, -1];
  /** Counts the sentences found; a test's result is valid while its stamp equals it. */
  private sentence = 0;
  /** Per test (by its slot): the sentence it was last run on (0: none yet), and the result. */
  private stamps = new Int32Array(testsMade);
  private results = new Uint8Array(testsMade);
  /** Per opening test (by its slot): where its match ends in the text, or -1 (see `openingEnd`). */
  private ends = new Int32Array(testsMade);
  /** The current sentence's text, cut once for all the expressions tested on it (or undefined). */
  private text: string | undefined;
  /** The bits of the tests whose needs the current sentence holds (`neededIn`), or -1 until read. */
  private needed = -1;
  /** For `bracketBefore`: the last "(" and ")" before the position last asked, and the next ones. */
  private bracketAt = 0;
  private openLast = -1;
  private openNext = -2;
  private closeLast = -1;
  private closeNext = -2;
  private lineBreaks: LineBreaks | undefined;
  constructor(readonly lower: string) {}

  /** The text's line breaks (the same in the text and its lower case), found on first use. */
  get breaks(): LineBreaks {
    this.lineBreaks ??= new LineBreaks(this.lower);
    return this.lineBreaks;
  }

  /**
   * Where the nearest "(" or ")" before `pos` stands, if it is among the `within` characters before
   * `pos`; else -1. Found with a cursor over the text's brackets: asked at increasing positions (as
   * the extractor does), each bracket is searched for once; asked further back, it starts over.
   */
  bracketBefore(pos: number, within: number): number {
    const lower = this.lower;
    if (pos < this.bracketAt || this.openNext === -2) {
      this.openLast = -1;
      this.closeLast = -1;
      this.openNext = lower.indexOf('(');
      this.closeNext = lower.indexOf(')');
    }
    this.bracketAt = pos;
    while (this.openNext !== -1 && this.openNext < pos) {
      this.openLast = this.openNext;
      this.openNext = lower.indexOf('(', this.openNext + 1);
    }
    while (this.closeNext !== -1 && this.closeNext < pos) {
      this.closeLast = this.closeNext;
      this.closeNext = lower.indexOf(')', this.closeNext + 1);
    }
    const last = Math.max(this.openLast, this.closeLast);
    return last >= pos - within ? last : -1;
  }

  at(pos: number): [number, number] {
    const bounds = this.bounds;
    if (pos < bounds[0] || pos >= bounds[1]) {
      const lower = this.lower;
      // The words the tests need are read as the sentence is found (see sentenceAndNeeds); past the
      // text's end, or where the sentence is stretched to hold `pos`, the usual way.
      const found = pos < lower.length ? sentenceAndNeeds(lower, pos) : sentenceAt(lower, pos);
      this.needed = pos < lower.length ? sentenceNeeds : -1;
      if (found[1] <= pos) {
        found[1] = pos + 1;
        this.needed = -1;
      }
      this.bounds = found;
      this.sentence++;
      this.text = undefined;
    }
    return this.bounds;
  }

  /** Whether the sentence around `pos` matches the test's expression. */
  has(test: SentenceTest, pos: number): boolean {
    const bounds = this.at(pos);
    const slot = test.slot;
    // A test made after this cache (none are: they are made at module load) gets room here.
    if (slot >= this.stamps.length) this.grow();
    if (this.stamps[slot] !== this.sentence) {
      if (test.bit !== 0 && this.needed === -1) this.needed = neededIn(this.lower, bounds[0], bounds[1]);
      // A sentence without any word the test needs cannot match: its expression is not run.
      if (test.bit !== 0 && (this.needed & test.bit) === 0) this.results[slot] = 0;
      else {
        if (this.text === undefined) this.text = this.lower.slice(bounds[0], bounds[1]);
        this.results[slot] = test.re.test(this.text) ? 1 : 0;
      }
      this.stamps[slot] = this.sentence;
    }
    return this.results[slot] === 1;
  }

  /**
   * Where the test's expression (anchored with ^), run on the `length` characters of the text from
   * the start of the sentence around `pos`, ends its match: an index into the text, or -1 when it
   * does not match. Remembered for the sentence, like `has`.
   */
  openingEnd(test: SentenceTest, pos: number, length: number): number {
    const bounds = this.at(pos);
    const start = bounds[0];
    const slot = test.slot;
    if (slot >= this.stamps.length) this.grow();
    if (this.stamps[slot] !== this.sentence) {
      // As in `has`: the needs of an opening test are words its every match holds inside the sentence.
      if (test.bit !== 0 && this.needed === -1) this.needed = neededIn(this.lower, bounds[0], bounds[1]);
      const m =
        test.bit !== 0 && (this.needed & test.bit) === 0
          ? null
          : test.re.exec(this.lower.slice(start, start + length));
      this.ends[slot] = m === null ? -1 : start + m[0].length;
      this.stamps[slot] = this.sentence;
    }
    return this.ends[slot]!;
  }

  private grow(): void {
    const stamps = new Int32Array(testsMade);
    stamps.set(this.stamps);
    this.stamps = stamps;
    const results = new Uint8Array(testsMade);
    results.set(this.results);
    this.results = results;
    const ends = new Int32Array(testsMade);
    ends.set(this.ends);
    this.ends = ends;
  }
}

/** The sentence around `pos`, trimmed to at most `max` characters around the position. */
export function sentenceText(text: string, pos: number, max = 280): string {
  const [a, b] = sentenceAt(text, pos);
  if (b - a <= max) return text.slice(a, b);
  const from = Math.max(a, Math.min(pos - max / 2, b - max));
  const to = Math.min(b, from + max);
  return `${from > a ? '…' : ''}${text.slice(from, to).trim()}${to < b ? '…' : ''}`;
}
