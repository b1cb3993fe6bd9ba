/**
 * A skill word the posting does not ask for because of what stands around it: a skill it values
 * less ("Docker matters more to us than a PhD", "Kotlin rather than Java") or is moving away from,
 * a headcount of colleagues ("two Android, one QA", "a team of five engineers"), and skill words in
 * a sentence that lists what the job gives ("We offer … free Welsh lessons", perks). Cheap tests
 * in place come before each expression: this runs on every accepted hit.
 */

import { CharCodes, charCodes, endsAt, type Hit, lettersFrom } from './hits.ts';
import { SENTENCE_REACH, type SentenceCache, sentenceTest } from './sentence-cache.ts';
import { aboutBenefits } from './sentences.ts';

/**
 * "Docker matters more to us than a PhD", "Kotlin rather than Java", "a portfolio instead of a
 * degree": the skill after the comparison is the one the posting does not ask for; so is the one
 * the team is moving away from.
 */
const PREFERRED_TO = /\b(?:more(?: to (?:us|me|them))? than|rather than|instead of) (?:an? |the )?$/;
/** "moving our reporting off spreadsheets", "migrating away from Jenkins": what the team leaves. */
const LEFT_BEHIND =
  /\b(?:mov(?:e|es|ing)|migrat(?:e|es|ing)|switch(?:es|ing)?|transition(?:s|ing)?)\b(?: [a-z'-]+){0,4} (?:off|away from)\s+(?:an? |the |our |their )?$/;

/**
 * "Own hand tools as listed; we supply power tools", "we'll provide PPE": what the employer hands
 * over, not what the candidate must have or know.
 */
const SUPPLIED_BEFORE =
  /\bwe(?:'ll| will| can)? (?:supply|provide|issue|lend)(?: you)?(?: with)?(?: (?:all|the|a|an|your|any|full))? (?:[a-z-]+ )?$/;

/**
 * SUPPLIED_BEFORE's verbs, whole words of the hit's sentence: each stands between spaces, and no
 * character SUPPLIED_BEFORE matches ends a sentence, so its match lies in the hit's sentence.
 */
const SUPPLY_WORDS = sentenceTest(/\b(?:supply|provide|issue|lend)\b/, 'supply provide issue lend');

/**
 * "our mobile squad of five (two Android, two iOS, one QA)": a count of colleagues by what they
 * work on, not a skill asked of the candidate ("3+ years", "Level 3 Food Safety" use digits).
 */
const COUNTED_BEFORE = /(?:\(|, )(?:one|two|three|four|five|six|seven|eight|nine|ten) $/;
/**
 * "a squad of two iOS engineers, two Android engineers and a designer": a count of colleagues
 * named by what they work on, before a plural people noun ("we're hiring two Java developers" has
 * no "of", "with" or list before the count, and stays).
 */
const COUNT_OF_BEFORE =
  /(?:\b(?:of|with|alongside|and)|,) (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:[a-z]+ )?$/;
const PEOPLE_PLURAL_AFTER =
  / (?:[a-z-]+ )?(?:engineers|developers|designers|analysts|testers|scientists|nurses|doctors|teachers|managers|specialists|consultants|technicians|officers|assistants|advisers|advisors|colleagues|people)\b/y;

/**
 * "three backend developers, two frontend developers, a QA analyst and a designer": one person of a
 * list of colleagues counted before it.
 */
const ONE_OF_LIST_BEFORE = /(?:,|\band) (?:an?|one) $/;
const PERSON_AFTER =
  / (?:[a-z-]+ )?(?:engineer|developer|designer|analyst|tester|scientist|nurse|manager|specialist|consultant|technician|officer|assistant|adviser|advisor|lead)\b/y;
/**
 * The words of PEOPLE_PLURAL_AFTER and PERSON_AFTER without their ends (each starts with one of
 * these): where this does not match, neither does, and one expression is tried instead of two.
 */
const PEOPLE_WORD_AFTER =
  / (?:[a-z-]+ )?(?:engineer|developer|designer|analyst|tester|scientist|nurse|doctor|teacher|manager|specialist|consultant|technician|officer|assistant|adviser|advisor|colleague|people|lead)/y;
/**
 * PEOPLE_WORD_AFTER's people words after a space, looked for once per sentence: a sentence without
 * one settles every hit in it without the sticky test. Each needs its word's first four letters
 * (every match has the word after a space, so it starts a word of the sentence). A match that
 * starts at a hit's end inside its sentence lies inside it: none of the characters it matches
 * ends a sentence, unless the sentence was cut at SENTENCE_REACH (see `peopleWordAfter`).
 */
const PEOPLE_WORD_IN_SENTENCE = sentenceTest(
  / (?:engineer|developer|designer|analyst|tester|scientist|nurse|doctor|teacher|manager|specialist|consultant|technician|officer|assistant|adviser|advisor|colleague|people|lead)/,
  'engi* deve* desi* anal* test* scie* nurs* doct* teac* mana* spec* cons* tech* offi* assi* advi* coll* peop* lead*',
);
/** Whether PEOPLE_WORD_AFTER matches at the hit's end (the sentence's words read first). */
function peopleWordAfter(lower: string, s: SentenceCache, h: Hit): boolean {
  const [a, b] = s.at(h.start);
  if (h.end < b && b - a < SENTENCE_REACH && !s.has(PEOPLE_WORD_IN_SENTENCE, h.start)) return false;
  return stickyAt(PEOPLE_WORD_AFTER, lower, h.end);
}
const COUNTED_PEOPLE =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:[a-z-]+ ){0,2}(?:engineers|developers|designers|analysts|testers|scientists|nurses|managers|specialists|consultants|technicians|officers|assistants|advisers|advisors)\b/;

/**
 * "We offer a salary of …, an employee ownership trust bonus", "You'll get a van … one in five
 * weekends on call", "free Welsh lessons": the sentence lists what the job gives, not what it asks.
 */
// Anchored at the sentence's start, so one test per sentence (remembered by the cache) answers
// for every hit in it; the benefit words are looked for only in sentences that open so.
const OFFER_OPENING = sentenceTest(
  /^(?:(?:in return,? )?we (?:can )?(?:offer|provide)|in return|you(?:'ll| will) (?:get|receive|enjoy)|(?:our )?benefits include|the package includes|(?:every|each) [a-z-]+ (?:gets|receives))\b/,
  // A whole word of each opening.
  'offer provide return get receive enjoy benefits package gets receives',
);
/**
 * The letters OFFER_OPENING's openings start with: "in return", "we", "you", "our", "benefits",
 * "the", "every" / "each".
 */
const OFFER_FIRST = charCodes('iwyobte');
/**
 * "Pay is $48–$56 an hour plus a bonus, with medical cover, paid CE and license renewals": a
 * sentence opening with the pay lists what the job gives too, up to a semicolon ("Salary is
 * negotiable; you must hold a CDL" asks for the CDL).
 */
const PAY_OPENING = sentenceTest(
  /^(?:the )?(?:pay|salary|compensation) (?:is|starts at|ranges from)\b/,
  'pay salary compensation',
);
const PAY_FIRST = charCodes('tpsc');
/**
 * "We offer: free snacks, a ping-pong table and Java coffee", "Every engineer gets ten days a year
 * for research, training or open source": office perks and time given, read only in a sentence
 * that opens as OFFER_OPENING does (elsewhere "coffee" or "gym" may be the field of the work).
 */
const PERKS = sentenceTest(
  /\b(?:snacks|coffee|free (?:lunch(?:es)?|breakfasts?|fruit|drinks)|ping[- ]pong|table tennis|gym(?: membership)?|cycle[- ]to[- ]work|days? (?:a|per|each|every) (?:year|month|quarter)|(?:learning|training|conference) budget)\b/,
);
function offeredHere(s: SentenceCache, h: Hit): boolean {
  // The sentence's first letter is read before the expression is tried: most sentences open otherwise.
  const [a] = s.at(h.start);
  const first = s.lower.charCodeAt(a);
  if (
    OFFER_FIRST.has(first) &&
    s.has(OFFER_OPENING, h.start) &&
    (aboutBenefits(s, h.start) || s.has(PERKS, h.start))
  )
    return true;
  return (
    PAY_FIRST.has(first) &&
    s.has(PAY_OPENING, h.start) &&
    !hasCharBetween(s.lower, 59, a, h.start) &&
    aboutBenefits(s, h.start)
  );
}

/** Whether the character `c` stands in `s` at a position in [from, to]: read there only. */
function hasCharBetween(s: string, c: number, from: number, to: number): boolean {
  for (let i = to; i >= from; i--) if (s.charCodeAt(i) === c) return true;
  return false;
}

/** Whether the sticky expression `re` matches `s` at `at`. */
function stickyAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}

/** The words PREFERRED_TO and LEFT_BEHIND can end on, before the spaces that end them. */
const COMPARISON_ENDS = ['than', 'of', 'off', 'from', 'a', 'an', 'the', 'our', 'their'];
/** Their last letters: most words before a hit end otherwise ("with", "and"), and are settled there. */
const COMPARISON_LAST = new CharCodes(COMPARISON_ENDS.map((w) => w.charCodeAt(w.length - 1)));

/**
 * Whether the text before `start` ends as PREFERRED_TO or LEFT_BEHIND may: one of COMPARISON_ENDS,
 * then spaces. Read in place, so a hit after any other word ("with Docker", "or Kotlin": most
 * hits) costs no cut of the text and no search of it. Every character a `\s` stands for is
 * skipped (and a few more, which only rules out more), so this never rules out a match.
 */
function mayEndComparison(lower: string, start: number): boolean {
  let end = start;
  for (let c = lower.charCodeAt(end - 1); c <= 32 || c === 160 || c >= 0x1680; c = lower.charCodeAt(end - 1))
    end--;
  if (end === start || !COMPARISON_LAST.has(lower.charCodeAt(end - 1))) return false;
  const length = end - lettersFrom(lower, end);
  for (const word of COMPARISON_ENDS) if (word.length === length && endsAt(lower, end, word)) return true;
  return false;
}

/**
 * Whether a word, then one space, ends the text before `start`, and "(" or ", " stands before
 * that word: where COUNTED_BEFORE's number stands. Read in place, before the expression is tried.
 */
function wordAfterListStart(lower: string, start: number): boolean {
  if (lower.charCodeAt(start - 1) !== 32) return false;
  const from = lettersFrom(lower, start - 1);
  if (from === start - 1) return false;
  const c = lower.charCodeAt(from - 1);
  return c === 40 || (c === 32 && lower.charCodeAt(from - 2) === 44);
}

/** Whether "we" stands somewhere in [from, to) of `lower` (a bounded scan, no string cut). */
function hasWe(lower: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++)
    if (lower.charCodeAt(i) === 119 && lower.charCodeAt(i + 1) === 101) return true;
  return false;
}

/**
 * A skill the sentence values less, one the team is moving away from, a headcount of colleagues, or
 * anything in a sentence that lists what the job gives (see the patterns above).
 */
export function givenOrComparedAway(lower: string, s: SentenceCache, h: Hit): boolean {
  // The 32 characters before the hit, cut only where a cheap test leaves an expression to try.
  const from = Math.max(0, h.start - 32);
  // Cheap word tests first: most hits have no comparison, move or count before them.
  if (mayEndComparison(lower, h.start)) {
    const near = lower.slice(from, h.start);
    if (
      (near.includes('than') || near.includes('instead') || near.includes('off') || near.includes('away')) &&
      (PREFERRED_TO.test(near) || LEFT_BEHIND.test(lower.slice(Math.max(0, h.start - 56), h.start)))
    )
      return true;
  }
  // "we supply …": "we" within the 32 characters before, read in place before the expression runs.
  if (
    s.has(SUPPLY_WORDS, h.start) &&
    hasWe(lower, from, h.start) &&
    SUPPLIED_BEFORE.test(lower.slice(from, h.start))
  )
    return true;
  const next = lower.charCodeAt(h.end);
  if (
    (next === 44 || next === 41 || lower.startsWith(' and ', h.end)) &&
    wordAfterListStart(lower, h.start) &&
    COUNTED_BEFORE.test(lower.slice(from, h.start))
  )
    return true;
  if (next === 32 && peopleWordAfter(lower, s, h)) {
    // The sticky tests after the hit first (no string cut): they fail at once for most hits.
    if (stickyAt(PEOPLE_PLURAL_AFTER, lower, h.end) && COUNT_OF_BEFORE.test(lower.slice(from, h.start)))
      return true;
    if (
      stickyAt(PERSON_AFTER, lower, h.end) &&
      ONE_OF_LIST_BEFORE.test(lower.slice(from, h.start)) &&
      COUNTED_PEOPLE.test(lower.slice(Math.max(0, h.start - 120), h.start))
    )
      return true;
  }
  return offeredHere(s, h);
}
