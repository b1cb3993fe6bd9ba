/**
 * Sentences of a job text and what they say about the person asked for. A skill's sentence decides
 * whether a soft skill is asked of the candidate ("strong organisational skills") or only a noun
 * about the company ("our organization"), whether "German" is a language someone speaks, and
 * whether "finance" is a field of study.
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

/**
 * [start, end) of the sentence around `pos`: bounded by line breaks, bullets and . ! ? before a
 * space, and at most SENTENCE_REACH characters on each side of `pos`.
 */
export function sentenceAt(text: string, pos: number): [number, number] {
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

/** The bits of the tests one of whose needs is a word of lower[a, b) (see `addNeed`). */
export function neededIn(lower: string, a: number, b: number): number {
  let bits = 0;
  let hash = 0x811c9dc5 | 0;
  let length = 0;
  let prefixHash = 0;
  for (let i = a; i <= b; i++) {
    const c = i < b ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      hash = Math.imul(hash ^ c, 16777619);
      if (++length === NEED_PREFIX) prefixHash = hash | 1;
      continue;
    }
    if (length === 0) continue;
    bits |= needBits[needSlot(hash | 1)]!;
    if (length > NEED_PREFIX) bits |= needBits[needSlot(prefixHash)]!;
    hash = 0x811c9dc5 | 0;
    length = 0;
  }
  return bits;
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
      const found = sentenceAt(this.lower, pos);
      if (found[1] <= pos) found[1] = pos + 1;
      this.bounds = found;
      this.sentence++;
      this.text = undefined;
      this.needed = -1;
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

/** Words that turn a sentence to the person wanted ("you", "must", "someone", "looking for"). */
const ADDRESSING_WORDS =
  "you|your|you're|you'll|you've|candidates?|applicants?|ideal|ideally|must|required|requirements?|essential|ability|able to|looking for|seeking|need|needs|experience|bring|preferred|desirable|qualities|qualifications|who is|someone|(?:a|the) person";
/** Words that show a sentence is about the person wanted: those, and "strong", "5+ years"… */
const CANDIDATE = sentenceTest(
  new RegExp(
    `\\b(${ADDRESSING_WORDS}|strong|excellent|good|great|solid|proven|demonstrated|demonstrable|skills?|comfortable|plus|bonus|years of|years' experience)\\b|\\d\\+ ?years\\b`,
  ),
  // A whole word of each alternative ("you" of "you're", "able" of "able to", "years" of "5+ years").
  'you your candidate candidates applicant applicants ideal ideally must required requirement requirements essential ability able strong excellent good great solid proven demonstrated demonstrable skill skills comfortable looking seeking need needs experience bring plus bonus preferred desirable qualities qualifications who someone person years',
);
/** Whether the sentence around `pos` speaks to or about the person wanted ("you", "must", "experience"). */
export function mentionsCandidate(s: SentenceCache, pos: number): boolean {
  return s.has(CANDIDATE, pos);
}
/** A noun about the company or someone else: "our organization", "their decision-making". */
const OWNER_BEFORE = /\b(our|their|its|his|her|company's|team's|client's|clients')\s+(?:[a-z-]+\s+)?$/;
/** The skill word used as the subject of a statement: "decision-making in our team is shared". */
const SUBJECT_AFTER =
  /^\s*((is|are|was|were)\b(?!\s+(a must|essential|required|key|important|needed|vital|expected|everything|a plus|desirable|a bonus))|(?:in|at|of|across|within|for) (our|the company|the team|this team)\b)/;

const STATEMENT = /^(?:we|we're|our|the|this|it|they)\b/;
/** A sentence whose subject is the company or its people: "We are…", "Our team has…". */
const COMPANY_SUBJECT = sentenceTest(
  /^(?:we|we're|we've|our (?:[a-z]+ )?(?:team|teams|people|staff|office|company|culture|crew|colleagues)|the (?:team|office|company|crew)|everyone here)\b/,
);
/** CANDIDATE's words without its adjectives ("great", "good"), and a new joiner. */
const ADDRESSED = sentenceTest(new RegExp(`\\b(?:${ADDRESSING_WORDS}|new hire|joiner|join(?:s|ing)? us)\\b`));

/** A sentence written in the company's voice that asks nothing of the candidate. */
const COMPANY = sentenceTest(/\b(?:we|we're|we've|our|us)\b/, 'we our us');
const DUTY = sentenceTest(
  /\b(?:will|responsib\w*|duties|role|tasks?)\b/,
  'will responsib* duties role task tasks',
);

const GIVES = sentenceTest(
  /\b(?:offer|offers|provide|provides|give|gives|fund|funds|pay|pays|enjoy|get)\b/,
  'offer offers provide provides give gives fund funds pay pays enjoy get',
);
const IS_AFTER = /^\s+(?:is|are|was|were)\b/;

/**
 * True when the word at [start, end) is something the company has or gives, said in its own voice
 * ("We offer coaching", "Our roadmap is public"), in a sentence that neither asks anything of the
 * candidate nor says what the job involves.
 */
export function companyVoice(s: SentenceCache, start: number, end: number): boolean {
  if (!s.has(COMPANY, start) || s.has(CANDIDATE, start) || s.has(DUTY, start)) return false;
  const [a] = s.at(start);
  const lower = s.lower;
  return (
    s.has(GIVES, start) ||
    OWNER_BEFORE.test(lower.slice(Math.max(a, start - 40), start)) ||
    IS_AFTER.test(lower.slice(end, end + 8))
  );
}

/** "We value teamwork", "a team who cares about sustainability": what the company values. */
const VALUES =
  /\b(?:we|we're|our [a-z]+|who|that)\s+(?:[a-z]+\s+){0,2}?(?:value|values|care about|cares about|care deeply about|believe in|believes in|pride ourselves on|are proud of|champion|celebrate|are committed to|are passionate about)\b/;
const YOU = sentenceTest(/\byou/);
/**
 * The words one of which every match of VALUES holds, looked for once per sentence. VALUES reads
 * the sentence from its start up to a hit, which starts a word: each of these stands there after a
 * space and before a \b, so it is a whole word of the sentence.
 */
const VALUE_WORDS = sentenceTest(
  /\b(?:value|values|care|cares|believe|believes|pride|proud|champion|celebrate|committed|passionate)\b/,
  'value values care cares believe believes pride proud champion celebrate committed passionate',
);
/** A second clause after what is valued: ", and we pair program", "; we use". */
const NEW_CLAUSE = /[,;:]\s+(?:and\s+|but\s+|so\s+)?(?:we|our|the team|everyone)\b/;

/** True when a word at `pos` follows what the company says it values, in a sentence not about "you". */
export function companyValues(s: SentenceCache, pos: number): boolean {
  const [a] = s.at(pos);
  // VALUES reads the sentence up to `pos`: one without its words needs no expression per hit (that
  // test first: its words are looked up, and most sentences lack them).
  if (!s.has(VALUE_WORDS, pos) || s.has(YOU, pos)) return false;
  const m = VALUES.exec(s.lower.slice(a, pos));
  return m !== null && !NEW_CLAUSE.test(s.lower.slice(a + m.index + m[0].length, pos));
}

/** Words that make an everyday word a field of work: "the energy sector", "travel industry". */
const FIELD_WORDS =
  '(?:sector|sectors|industry|industries|company|companies|business|businesses|firm|firms|agency|agencies|provider|providers|organi[sz]ations?|clients?|background|experience|skills|markets?|brands?|start-?ups?|groups?|space|field|retail|retailers?|houses?|labels?|e-?commerce|logistics|network|operators?)';
/** The word after, or after "and beauty": "the energy sector", "a fashion and beauty company". */
const FIELD_NOUN = new RegExp(`^(?:[ -]| (?:and|&|or) [a-z-]+ )${FIELD_WORDS}\\b`);

/** True when a field word that is also an everyday word ("energy", "travel") names a field here. */
export function fieldUse(lower: string, start: number, end: number): boolean {
  if (FIELD_NOUN.test(lower.slice(end, end + 40))) return true;
  return /\b(?:in|within|across|into) (?:the )?$/.test(lower.slice(Math.max(0, start - 12), start));
}

/**
 * True when a working-with-people skill at [start, end) is asked of the candidate: the sentence
 * speaks to or about the person wanted, or it is a short list item ("- Teamwork"), and the word is
 * not a noun about the company ("our organization") or the subject of a statement about it.
 */
export function askedOfCandidate(
  s: SentenceCache,
  start: number,
  end: number,
  inAsks: () => boolean = () => false,
): boolean {
  const [a, b] = s.at(start);
  const lower = s.lower;
  if (OWNER_BEFORE.test(lower.slice(Math.max(a, start - 40), start))) return false;
  if (SUBJECT_AFTER.test(lower.slice(end, Math.min(b, end + 60)))) return false;
  // "Our team has a great sense of humour", "We're a friendly bunch with good banter": the company
  // describing itself. Its "great" or "good" asks nothing unless the sentence also turns to the
  // person wanted ("you", "we need", "someone", "looking for").
  if (s.openingEnd(COMPANY_SUBJECT, start, 24) !== -1 && !s.has(ADDRESSED, start)) return false;
  if (s.has(CANDIDATE, start)) return true;
  // A line of the requirements list ("What we're looking for: - Clear written communication; …").
  if (!STATEMENT.test(lower.slice(a, b)) && inAsks()) return true;
  // A bare list item: "Teamwork", "- Attention to detail", "Skills: leadership, planning"; not a
  // short statement about the company ("Our data team is small, curious and kind.").
  if (b - a > 60 || STATEMENT.test(lower.slice(a, b))) return false;
  let words = 1;
  for (let i = a; i < b; i++) if (lower.charCodeAt(i) === 32) words++;
  return words <= 8;
}

/** Words after a spoken language that keep it a language ("German is a plus", "Polish speakers"). */
const LANGUAGE_FOLLOW = new Set([
  'and',
  'or',
  'is',
  'are',
  'would',
  'will',
  'as',
  'at',
  'to',
  'skills',
  'skill',
  'speaker',
  'speakers',
  'speaking',
  'language',
  'languages',
  'level',
  'proficiency',
  'fluency',
  'required',
  'essential',
  'preferred',
  'desirable',
  'a',
  'an',
  'also',
  'both',
  'native',
  'fluent',
  'written',
  'spoken',
  'verbal',
  'c1',
  'c2',
  'b1',
  'b2',
  'mother',
  'plus',
  'welcome',
  'helpful',
  'strongly',
  'highly',
  'desired',
  'useful',
  'advantageous',
  'reading',
  'writing',
  'communication',
]);
/** Words before a spoken language that make it one ("fluent English", "works in English", "good English"). */
const LANGUAGE_BEFORE =
  /\b(fluent|fluently|fluency in|native|speak|speaks|speaking|spoken|written|read|business[- ]level|conversational|bilingual|proficient in|proficiency in|knowledge of|(?:very )?good|excellent|strong|basic|(?:work|works|working|communicate|communicating|write|writing) in)\s+(?:and\s+|or\s+|[a-z]+,?\s+(?:and|or)\s+)?$/;
const LANGUAGE_SENTENCE = sentenceTest(
  /\b(fluen(t|cy)|native|speak(s|ing|er|ers)?|spoken|bilingual|multilingual|proficien(t|cy)|mother tongue|languages?|c1|c2|b2|business level)\b/,
  'fluent fluency native speak speaks speaking speaker speakers spoken bilingual multilingual proficient proficiency mother language languages c1 c2 b2 business',
);

/**
 * True when a spoken-language name at [start, end) is a language someone speaks rather than an
 * adjective ("German market", "English Premier League"): the next word is not a noun it describes,
 * and a word nearby says language ("fluent", "speakers", "is a plus", "working language").
 */
export function spokenLanguageUse(s: SentenceCache, start: number, end: number, listed: boolean): boolean {
  const lower = s.lower;
  const next = /^[ \t]+([a-z0-9]+)/.exec(lower.slice(end, end + 24));
  const immediate = lower.slice(end, end + 1);
  if (next && /^[ \t]$/.test(immediate) && !LANGUAGE_FOLLOW.has(next[1]!)) return false;
  const [a] = s.at(start);
  if (LANGUAGE_BEFORE.test(lower.slice(Math.max(a, start - 60), start))) return true;
  if (next && LANGUAGE_FOLLOW.has(next[1]!) && next[1] !== 'and' && next[1] !== 'or' && next[1] !== 'a')
    return true;
  return listed || s.has(LANGUAGE_SENTENCE, start);
}

const DEGREE = sentenceTest(
  /\b(degree|degrees|bachelor'?s?|masters?|master's|bsc|b\.sc|ba|bs|msc|m\.sc|ma|meng|beng|phd|ph\.d|doctorate|diploma|graduate|graduated|studied|studying|study|qualification|qualified|major|a-levels?|gcses?|mba|llb)\b/,
);

/** True when the sentence around a field of study talks about a degree or qualification. */
export function aboutDegree(s: SentenceCache, start: number): boolean {
  return s.has(DEGREE, start);
}

const BENEFITS = sentenceTest(
  /\b(benefits?(?!\s+(?:claims?|claimants?|advice|system|entitlements?|enquiries))|pension|perks?|package|discounts?|salary|vouchers?|schemes?|allowance|subsidi[sz]ed|reimburse\w*|stipend|401\(?k\)?|pto|parental leave)\b/,
  // A whole word of each alternative: "401" of "401(k)", "401k" as one word.
  'benefit benefits pension perk perks package discount discounts salary voucher vouchers scheme schemes allowance subsidised subsidized reimburse* stipend 401 401k pto parental',
);

/** "healthcare and pension", "discounts in retail": a field named among the benefits is a perk. */
export function aboutBenefits(s: SentenceCache, start: number): boolean {
  return s.has(BENEFITS, start);
}

/** The equal-opportunities statement: who may apply and how they are treated. */
const EQUALITY = sentenceTest(
  /\b(?:equal(?:ity|[ -]opportunit(?:y|ies)| employment)|regardless of|discriminat\w*|protected characteristics?|reasonable adjustments?|under-?represented|inclusive (?:employer|workplace|culture|environment|team)|diversity|disability confident|sexual orientation|gender identity|(?:from|of) (?:all|every|diverse|different) (?:backgrounds?|walks of life))\b/,
  // A whole word (or a word's start) of each alternative; "under-represented" holds "represented".
  'equal* regardless discriminat* protected reasonable represented underrepresented inclusive diversity disability sexual gender background backgrounds walks',
);
/** A sentence that gives the job a duty: "you will promote equality and diversity in class". */
const EQUALITY_DUTY = sentenceTest(
  /\b(?:you will|you'll|you must|your role|responsib\w*|duties|promot\w*|uphold\w*|champion\w*|policies|policy|training)\b/,
);

/**
 * "We are an equal opportunity employer and value leadership and teamwork from every background":
 * the sentence says who may apply, and the people or field words in it ask nothing of anyone.
 */
export function equalityStatement(s: SentenceCache, pos: number): boolean {
  return s.has(EQUALITY, pos) && !s.has(EQUALITY_DUTY, pos);
}
