/**
 * Context rules for short words that are also English ("Go", "R", "Spring"): such a hit is kept
 * only beside other skills or programming words, and never when it reads as an ordinary word.
 * An acronym two fields use for different skills ("AI": artificial intelligence, or artificial
 * insemination on a farm) is read by the words around it in the same way (FIELD_READINGS).
 */

import { charCodes, type Hit, isEvidence, isWord } from './hits.ts';
import type { SkillMatcher } from './matcher.ts';

const CONTEXT_WINDOW = 48;
const CUE =
  /\b(programming|programmer|language|languages|developer|developers|development|engineer|engineers|engineering|coding|code|codebase|backend|back-end|software|stack|microservices|services|scripting|framework|frameworks|librar(?:y|ies)|compiler|goroutines|tidyverse|ggplot2?|cran|statistical|jvm|sdk|apis?|cli|tooling|devops|infrastructure|embedded|firmware|microcontrollers?|apps?|mobile|ios|android|xcode)\b/;
const VERB_FOLLOW = new Set([
  'to',
  'into',
  'quickly',
  'well',
  'positively',
  'calmly',
  'ahead',
  'beyond',
  'forward',
  'live',
  'at',
]);

/**
 * "Experience with Rust", "knowledge of Go", "Bonus: Go or Rust": the words right before the name
 * ask for a skill. Only the words next to the name count ("experience with customers and go the
 * extra mile" is not a frame: "go" is lower case there, and the rule is "as written").
 */
const ASKED_BEFORE =
  /(?:\b(?:experience|experienced|expert|expertise|proficiency|proficient|knowledge|familiarity|familiar|skilled|background|skills?) (?:with|in|of|using)(?: (?:both|either))?|\b(?:bonus(?: points)?|a plus|plus|nice[ -]to[ -]haves?|good[ -]to[ -]haves?|desirable|preferred|languages?) ?:) $/;
/** "Rust is a plus", "Go would be a bonus", "Go or Rust is nice to have": the words after it do. */
const ASKED_AFTER =
  /(?:(?:,| or| and) [A-Z][A-Za-z+#]*)? (?:is|are|would be|will be) (?:(?:a|an) (?:(?:big|huge|real|definite) )?(?:plus|bonus|advantage)|nice to have|desirable|preferred)\b/y;
/** The last characters ASKED_BEFORE may end on before its space: wit(h), bot(h), i(n), o(f), usin(g), eithe(r), ":". */
const ASKED_BEFORE_LAST = charCodes('hnfgr:');

/**
 * Whether the words right before or after `h` ask for it as a skill (see ASKED_BEFORE). Neither
 * expression can match across a line break, so neither needs the line's bounds.
 */
function askedFrame(text: string, lower: string, h: Hit): boolean {
  // Character tests first: most held-back hits have neither a frame word before nor a verb after.
  if (
    lower.charCodeAt(h.start - 1) === 32 &&
    ASKED_BEFORE_LAST.has(lower.charCodeAt(h.start - 2)) &&
    ASKED_BEFORE.test(lower.slice(Math.max(0, h.start - 48), h.start))
  )
    return true;
  const next = text.charCodeAt(h.end);
  if (next !== 32 && next !== 44) return false;
  ASKED_AFTER.lastIndex = h.end;
  return ASKED_AFTER.test(text);
}

/**
 * Acronyms that name one skill in most postings and another in one field's. A hit of `surfaces`
 * as the skill `usual` keeps that reading when its sentence names the usual field (`against`, or
 * one of `after` right after the hit: "AI software"), when it is joined by a hyphen ("AI-powered
 * collars"), or when the posting names the usual field (`against` and `tech`) at least as often
 * as the other (`cue`). Otherwise it is read as `field` when its sentence names that field, or,
 * in a sentence that names neither, when the posting names that field at least twice more often
 * than the usual one.
 */
interface FieldReading {
  surfaces: readonly string[];
  usual: string;
  field: string;
  cue: RegExp;
  against: RegExp;
  after: RegExp;
  tech: RegExp;
}
const FIELD_READINGS: readonly FieldReading[] = [
  {
    // "experience with AI and calving", "AI technician", "herd fertility, AI": artificial insemination.
    surfaces: ['AI', 'A.I.'],
    usual: 'artificial intelligence',
    field: 'artificial insemination',
    cue: /\b(?:farms?|farming|livestock|herds?|herds(?:man|men|person|people)|dairy|cattle|cows?|heifers?|calf|calves|calving|calve|breeding|inseminat\w*|semen|sexed|heat detection|oestrus|estrus|fertility|sheep|ewes?|lambing|pigs?|sows?|gilts?|stock(?:man|men|person|people|manship)|husbandry|milking|beef|suckler|equine|mares?|poultry|agricultur\w*)\b/g,
    against:
      /\b(?:artificial intelligence|agri-?tech|ag-?tech|machine learning|ml|deep learning|neural|models?|llms?|gpt|genai|generative|chatbots?|agents?|agentic|computer vision|nlp|natural language|algorithms?|prompts?|prompting|pytorch|tensorflow|predictive|predictions?)\b/g,
    after:
      /^ (?:software|tools?|products?|solutions?|systems?|platforms?|startups?|compan(?:y|ies)|research|ethics|engineers?|engineering|developers?|development|teams?|features?|assistants?|applications?|apps?|technolog(?:y|ies)|capabilities|literacy|adoption|strategy|governance|safety|innovation)\b/,
    tech: /\b(?:software|data|developers?|engineers?|engineering|code|coding|programming|python|platforms?|apps?|saas|cloud)\b/g,
  },
];

interface FieldReadingIds {
  reading: FieldReading;
  usual: number;
  field: number;
}
const fieldReadingIds = new WeakMap<SkillMatcher, FieldReadingIds[]>();
/** The skills of FIELD_READINGS in `matcher` (a vocabulary that lacks either skill reads none). */
function fieldReadingsOf(matcher: SkillMatcher): FieldReadingIds[] {
  let ids = fieldReadingIds.get(matcher);
  if (ids === undefined) {
    ids = [];
    for (const reading of FIELD_READINGS) {
      const usual = matcher.byKey.get(reading.usual);
      const field = matcher.byKey.get(reading.field);
      if (usual !== undefined && field !== undefined) ids.push({ reading, usual, field });
    }
    fieldReadingIds.set(matcher, ids);
  }
  return ids;
}

/** How many times `re` (global) matches `s`. */
function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.test(s)) n++;
  return n;
}

/** The sentence around [start, end): up to a line break, or a full stop, "!" or "?" before a space. */
function sentenceAround(lower: string, start: number, end: number): string {
  let a = start;
  while (a > 0) {
    const c = lower.charCodeAt(a - 1);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && lower.charCodeAt(a) === 32)) break;
    a--;
  }
  let b = end;
  while (b < lower.length) {
    const c = lower.charCodeAt(b);
    if (c === 10) break;
    if ((c === 46 || c === 33 || c === 63) && (b + 1 >= lower.length || lower.charCodeAt(b + 1) <= 32)) break;
    b++;
  }
  return `${lower.slice(a, start)} ${lower.slice(end, b)}`;
}

/** Reads each hit of FIELD_READINGS's surfaces as the field's skill where its words say so. */
function readByField(matcher: SkillMatcher, text: string, lower: string, hits: Hit[]): void {
  const readings = fieldReadingsOf(matcher);
  if (readings.length === 0) return;
  // Per reading, how many more times the posting names its field than the usual one (worked out
  // on the first hit that needs it).
  const postingCues = new Map<FieldReading, number>();
  for (const h of hits) {
    if (!h.accepted) continue;
    for (const { reading, usual, field } of readings) {
      if (h.entry.skill !== usual || !reading.surfaces.includes(h.entry.surface)) continue;
      if (text.charCodeAt(h.end) === 45 || text.charCodeAt(h.start - 1) === 45) continue;
      if (reading.after.test(lower.slice(h.end, h.end + 24))) continue;
      const sentence = sentenceAround(lower, h.start, h.end);
      if (count(reading.against, sentence) > 0) continue;
      let cues = postingCues.get(reading);
      if (cues === undefined) {
        cues = count(reading.cue, lower) - count(reading.against, lower) - count(reading.tech, lower);
        postingCues.set(reading, cues);
      }
      // A posting about the usual field ("bring AI to every farm … build ML pipelines") keeps it.
      if (cues <= 0) continue;
      if (count(reading.cue, sentence) > 0 || (cues >= 2 && count(reading.tech, sentence) === 0)) {
        h.entry = { skill: field, surface: h.entry.surface, rule: h.entry.rule };
        h.skill = field;
      }
    }
  }
}

/**
 * Reads the acronyms of FIELD_READINGS by their field, then accepts held-back ambiguous hits that
 * sit beside accepted skills or programming words.
 */
export function resolveContext(matcher: SkillMatcher, text: string, lower: string, hits: Hit[]): void {
  readByField(matcher, text, lower, hits);
  // The positions in `hits` of the held-back hits, in text order.
  const pending: number[] = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (!h.needsContext || isNoise(text, lower, h) || looksLikeName(text, h, hits[k + 1])) continue;
    pending.push(k);
    if (CUE.test(window(lower, h.start, h.end)) || askedFrame(text, lower, h)) h.accepted = true;
  }
  // A list of several ambiguous names ("Go, Rust, C") settles over a few rounds.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const k of pending) {
      const h = hits[k]!;
      if (h.accepted) continue;
      if (hasNeighbour(matcher, text, hits, k)) {
        h.accepted = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** "R&D", "C-level", "Go-to", "Go to …", "Spring into …": an ambiguous word used as a word. */
function isNoise(text: string, lower: string, h: Hit): boolean {
  const before = h.start > 0 ? text.charCodeAt(h.start - 1) : 32;
  const after = h.end < text.length ? text.charCodeAt(h.end) : 32;
  if (before === 38 || after === 38 || before === 45 || after === 45 || after === 39 || after === 8217)
    return true;
  if (after === 46 && h.end - h.start === 1 && isWord(text.charCodeAt(h.end + 1) || 32)) return true;
  const m = /^[ \t]+([a-z]+)/.exec(lower.slice(h.end, h.end + 16));
  if (m !== null && VERB_FOLLOW.has(m[1]!)) return true;
  return roleNoun(text, lower, h);
}

/** Products named by a word that is also a job ("Designer", "Illustrator", "Chef"). */
const ROLE_WORD = /^(?:designers?|illustrators?|chefs?)$/;
/** "Product Designer", "Head Chef", "a designer", "our chefs": the word names a person. */
const ROLE_BEFORE =
  /(?:\b(?:a|an|the|our|your|their|as|senior|junior|lead|head|sous|chief)|[A-Z][a-z]+)[ \t]+$/;

/**
 * "Product Designer (Mobile)", "Head Chef", "an illustrator": a product name that is also a job
 * title reads as the job when a determiner, a seniority word or another capitalised word (the
 * rest of the title) comes right before it; in a list of tools ("Sketch, Illustrator") it stays.
 */
function roleNoun(text: string, lower: string, h: Hit): boolean {
  if (!ROLE_WORD.test(lower.slice(h.start, h.end))) return false;
  const before = text.slice(Math.max(0, h.start - 16), h.start);
  return ROLE_BEFORE.test(before) && !/(?:Adobe|Oracle|Opscode|Progress)[ \t]+$/.test(before);
}

/**
 * "Ada Example" or "Julia Roberts" opening a line (a resume's name line): an ambiguous skill
 * followed by another capitalised word that is not itself a skill is taken for a person's name.
 */
function looksLikeName(text: string, h: Hit, next: Hit | undefined): boolean {
  let j = h.start - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j >= 0 && text[j] !== '\n') return false;
  const m = /^[ \t]+[A-Z][a-z]+\b/.exec(text.slice(h.end, h.end + 40));
  if (m === null) return false;
  return next?.start !== h.end + m[0].search(/[A-Z]/);
}
/** "React to feedback." at the start of a sentence or bullet is the verb, not the library. */
export function isVerbAtSentenceStart(text: string, lower: string, h: Hit): boolean {
  if (h.entry.rule !== 'case') return false;
  const after = h.end < text.length ? text.charCodeAt(h.end) : 0;
  if ((after !== 32 && after !== 9) || !/^[A-Z][a-z]+$/.test(h.entry.surface)) return false;
  const m = /^[ \t]+([a-z]+)/.exec(lower.slice(h.end, h.end + 16));
  // "Word of mouth", "Access to a pension": the everyday word opening a sentence.
  if (m === null || (m[1] !== 'of' && !VERB_FOLLOW.has(m[1]!))) return false;
  let j = h.start - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || /[\n.!?:•*\-–]/.test(text[j]!);
}

function lineBounds(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - CONTEXT_WINDOW);
  const to = Math.min(text.length, end + CONTEXT_WINDOW);
  // Read only as far as the window reaches: a search of the whole text per hit was quadratic.
  let a = start;
  while (a > from && text.charCodeAt(a - 1) !== 10) a--;
  let b = end;
  while (b < to && text.charCodeAt(b) !== 10) b++;
  return [a, b];
}

function window(lower: string, start: number, end: number): string {
  const [a, b] = lineBounds(lower, start, end);
  return `${lower.slice(a, start)} ${lower.slice(end, b)}`;
}

/**
 * What a lower-case spelling of a programming name ("react", "node", "rust": rule `tech`) needs
 * beside it: another programming name, not any tool. "react when things go wrong" beside a
 * vehicle-tracking tool, or "rust" beside a welding set, is the everyday word.
 */
const PROGRAMMING = new Set(['language', 'framework', 'database', 'cloud', 'platform', 'testing', 'os']);
const isProgramming = (matcher: SkillMatcher, o: Hit) =>
  o.accepted && PROGRAMMING.has(matcher.skills[o.skill]!.category);

function hasNeighbour(matcher: SkillMatcher, text: string, hits: Hit[], k: number): boolean {
  const h = hits[k]!;
  const [a, b] = lineBounds(text, h.start, h.end);
  const evidence = h.entry.rule === 'tech' ? isProgramming : isEvidence;
  for (let j = k - 1; j >= 0 && hits[j]!.end >= a; j--) if (evidence(matcher, hits[j]!)) return true;
  for (let j = k + 1; j < hits.length && hits[j]!.start <= b; j++)
    if (evidence(matcher, hits[j]!)) return true;
  return false;
}
