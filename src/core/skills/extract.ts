/**
 * Skill extraction: one left-to-right pass over the text walking the matcher's character trie at
 * each word start, longest match first. Short words that are also English ("Go", "R", "Spring")
 * are held back until the pass is over and kept only beside other skills or programming words.
 */
import { ReboundError } from '../errors.ts';
import type { MatchEntry, SkillMatcher } from './matcher.ts';
import { SEP, step } from './matcher.ts';
import {
  aboutBenefits,
  aboutDegree,
  askedOfCandidate,
  companyValues,
  companyVoice,
  fieldUse,
  SentenceCache,
  spokenLanguageUse,
} from './sentences.ts';

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

interface Hit {
  start: number;
  end: number;
  entry: MatchEntry;
  needsContext: boolean;
  accepted: boolean;
}

// Character classes for ASCII; above 127, letters of Latin, Greek, Cyrillic… and CJK count as word
// characters, while general punctuation (bullets, dashes, curly quotes) does not.
const WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 65; c <= 90; c++) WORD[c] = 1;
for (let c = 97; c <= 122; c++) WORD[c] = 1;
const isWord = (c: number) =>
  c < 128 ? WORD[c] === 1 : (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || c >= 0x3000;
const isSep = (c: number) => c === 32 || c === 9 || c === 45 || c === 95 || c === 47 || c === 160;

const CONTEXT_WINDOW = 48;
const CUE =
  /\b(programming|programmer|language|languages|developer|developers|development|engineer|engineers|engineering|coding|code|codebase|backend|back-end|software|stack|microservices|services|scripting|framework|frameworks|librar(?:y|ies)|compiler|goroutines|tidyverse|ggplot2?|cran|statistical|jvm|sdk|apis?|cli|tooling|devops|infrastructure|embedded|firmware|microcontrollers?)\b/;
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

/** Refuses text that is not text: a NUL byte anywhere, or mostly control characters at the start. */
function assertText(text: string): void {
  if (text.indexOf('\u0000') !== -1) {
    throw new ReboundError(
      'invalid_input',
      'this looks like a binary file, not text; paste the text instead',
      [{ path: 'text', message: 'contains NUL bytes' }],
    );
  }
  const head = Math.min(text.length, 4096);
  let controls = 0;
  for (let i = 0; i < head; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (head > 0 && controls / head > 0.1) {
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

/** True when a match may end before position `p`: not inside a longer word, "C" not inside "C++". */
function endsWord(text: string, p: number, n: number): boolean {
  if (p >= n) return true;
  const c = text.charCodeAt(p);
  if (isWord(c) || c === 43 || c === 35) return false;
  if (c === 46 && p + 1 < n && isWord(text.charCodeAt(p + 1))) return false;
  return true;
}

/**
 * Walks the trie from `start` (whose first character led to `state`); returns the accepted hit of
 * the longest match, if any. Runs of spaces, hyphens, underscores and slashes read as one space.
 */
function walk(
  matcher: SkillMatcher,
  text: string,
  lower: string,
  start: number,
  n: number,
  first: number,
): Hit | undefined {
  const { classOf, entries } = matcher;
  const sep = classOf[SEP]!;
  let bestEnd = -1;
  let bestEntry: MatchEntry | undefined;
  let bestAccepted = false;
  let p = start + 1;
  let state = first;
  for (;;) {
    const list = entries[state];
    if (list && endsWord(text, p, n)) {
      for (const entry of list) {
        if (!caseOk(text, start, p, entry)) continue;
        bestEnd = p;
        bestEntry = entry;
        bestAccepted = entry.rule !== 'context' && entry.rule !== 'tech';
        if (bestAccepted) break;
      }
    }
    if (p >= n) break;
    const c = lower.charCodeAt(p);
    const k = classOf[c]!;
    // Only a space has the separator's class; a hyphen, slash, tab… has none and is checked here.
    if (k === sep || (k === 0 && isSep(c))) {
      if (sep === 0) break;
      let q = p + 1;
      while (q < n && isSep(lower.charCodeAt(q))) q++;
      state = step(matcher, state, sep);
      if (state === 0) break;
      p = q;
      continue;
    }
    if (k === 0) break;
    state = step(matcher, state, k);
    if (state === 0) break;
    p++;
  }
  if (bestEntry === undefined) return undefined;
  return { start, end: bestEnd, entry: bestEntry, needsContext: !bestAccepted, accepted: bestAccepted };
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
  const lowered = text.toLowerCase();
  // toLowerCase can change length for a few letters (İ); offsets must stay those of the original.
  const lower = lowered.length === text.length ? lowered : asciiLower(text);
  const n = text.length;
  const { classOf } = matcher;
  const hits: Hit[] = [];
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const startable = c < 128 ? WORD[c] === 1 || c === 46 : isWord(c);
    if (!startable || !isStart(text, i)) {
      i++;
      continue;
    }
    const k = classOf[c]!;
    const first = k === 0 ? 0 : step(matcher, 0, k);
    const hit = first !== 0 ? walk(matcher, text, lower, i, n, first) : undefined;
    if (hit) {
      if (!isVerbAtSentenceStart(text, lower, hit)) hits.push(hit);
      i = hit.end;
    } else {
      i = c === 46 ? i + 1 : wordEnd(text, i, n);
    }
  }
  resolveContext(matcher, text, lower, hits);
  applySentenceRules(matcher, text, lower, hits);
  return group(matcher, text, hits);
}

/** Kinds whose names are ordinary words, so they also turn up in company names and verbs. */
const PLAIN_WORDS = new Set(['practice', 'domain', 'soft']);

/**
 * "Aston Recruitment is…", "Corecom Consulting", "we are recruiting": a method or field word that
 * is part of a capitalised name (the word before it is capitalised too, with only a space between)
 * or a verb after "are"/"is".
 */
const NAME_VERB = /^ (?:is|are|has|have|was|were|builds|makes|helps|runs|provides|offers)\b/;
const NAME_END =
  /^ (?:Act|Acts|Association|Trust|Council|Group|Ltd|Limited|Inc|LLC|plc|PLC|Partners|Partnership|Foundation|Society|Bank|Agency|Authority|Board|Institute)\b/;

function partOfName(text: string, lower: string, s: SentenceCache, h: Hit): boolean {
  const first = text.charCodeAt(h.start);
  if (first >= 65 && first <= 90 && h.start >= 2 && text.charCodeAt(h.start - 1) === 32) {
    let w = h.start - 1;
    while (w > 0 && isWord(text.charCodeAt(w - 1))) w--;
    const c = text.charCodeAt(w);
    if (w < h.start - 1 && c >= 65 && c <= 90) {
      if (w > s.at(h.start)[0]) return true;
      // "Northwind Freight is a logistics company": a name opening the sentence as its subject.
      if (NAME_VERB.test(text.slice(h.end, h.end + 12))) return true;
    }
  }
  // "the Housing Act", "a Retail Bank", "Social Care Trust": the word begins a proper name.
  if (first >= 65 && first <= 90 && NAME_END.test(text.slice(h.end, h.end + 14))) return true;
  if (lower.charCodeAt(h.end - 1) !== 103 || !lower.endsWith('ing', h.end)) return false;
  return /\b(are|is|currently|now|we're)\s+$/.test(lower.slice(Math.max(0, h.start - 12), h.start));
}

/**
 * Rules that read the sentence: a working-with-people skill counts only when asked of the
 * candidate, a spoken language only when it is spoken (not "the German market"), and a field of
 * study that is also an ordinary word ("finance") only in a sentence about a degree.
 */
function applySentenceRules(matcher: SkillMatcher, text: string, lower: string, hits: Hit[]): void {
  const spoken: Hit[] = [];
  const titled: Hit[] = [];
  const s = new SentenceCache(lower);
  for (const h of hits) {
    if (!h.accepted) continue;
    const skill = matcher.skills[h.entry.skill]!;
    const plain = PLAIN_WORDS.has(skill.category);
    const oneWord = plain && !lower.slice(h.start, h.end).includes(' ');
    if (applyThrough(lower, h) || aboutApplying(s, h.start, skill.category)) h.accepted = false;
    else if ((skill.category === 'practice' || skill.category === 'soft') && received(lower, s, h))
      h.accepted = false;
    else if (plain && (partOfName(text, lower, s, h) || companyValues(s, h.start))) h.accepted = false;
    else if (plain && inJobTitle(text, h)) titled.push(h);
    else if (skill.category === 'domain' && (aboutBenefits(s, h.start) || taskObject(lower, h)))
      h.accepted = false;
    else if (skill.category === 'soft') h.accepted = askedOfCandidate(s, h.start, h.end);
    else if (skill.when === 'degree') h.accepted = aboutDegree(s, h.start);
    else if (skill.when === 'field' && oneWord) h.accepted = fieldUse(lower, h.start, h.end);
    else if (skill.category === 'practice' && oneWord && companyVoice(s, h.start, h.end))
      h.accepted = toolInSentence(matcher, s, hits, h);
    else if (skill.category === 'spoken') spoken.push(h);
  }
  // A job title ("Site Reliability Engineer", "Accounts Payable Clerk") names the work, but a soft
  // skill in it is not asked of anyone, and a method or field it names counts where the text names
  // it again (so the title is not one more mention).
  for (const h of titled) {
    const skill = h.entry.skill;
    if (matcher.skills[skill]!.category === 'soft') h.accepted = false;
    else
      h.accepted = !hits.some((o) => o !== h && o.accepted && o.entry.skill === skill && !titled.includes(o));
  }
  if (spoken.length === 0) return;
  const alone = spoken.map((h) => spokenLanguageUse(s, h.start, h.end, false));
  const again = new SentenceCache(lower);
  spoken.forEach((h, k) => {
    if (alone[k]) return;
    // "Polish or Romanian speakers": a language listed beside one that is clearly spoken.
    const [a, b] = again.at(h.start);
    const listed = spoken.some((o, j) => j !== k && alone[j] && o.start >= a && o.end <= b);
    h.accepted = spokenLanguageUse(again, h.start, h.end, listed);
  });
}

/** The last words of a job title after a skill word: "Site Reliability Engineer", "Customer Service Advisor". */
const TITLE_AFTER =
  /^(?: [A-Z][A-Za-z-]*)? (?:Engineer|Executive|Manager|Officer|Advis[eo]r|Assistant|Analyst|Specialist|Co-?ordinator|Consultant|Lead|Technician|Developer|Administrator|Director|Associate|Representative|Agent|Operative|Inspector|Electrician|Supervisor|Worker|Clerk|Architect|Designer|Partner|Apprentice|Trainee|Intern|Leader|Teacher|Nurse|Practitioner|Planner|Buyer|Accountant|Solicitor|Paralegal|Receptionist|Scientist|Researcher|Instructor|Trainer|Tutor|Mechanic|Fitter|Installer|Surveyor|Controller|Producer|Writer|Editor|Carer|Driver)s?\b/;

/** A capitalised method, field or people word inside a job title ("Site Reliability Engineer"). */
function inJobTitle(text: string, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  if (c < 65 || c > 90) return false;
  return TITLE_AFTER.test(text.slice(h.end, h.end + 40));
}

/** Whether a tool, language or platform (not a method or field) is named in the same sentence as `h`. */
function toolInSentence(matcher: SkillMatcher, s: SentenceCache, hits: Hit[], h: Hit): boolean {
  const [a, b] = s.at(h.start);
  return hits.some((o) => o !== h && o.start >= a && o.end <= b && isEvidence(matcher, o));
}

/**
 * "Please apply through our Workday portal", "follow us on social media": the tool the application
 * goes through or where the company posts, not a skill.
 */
function applyThrough(lower: string, h: Hit): boolean {
  if (/^ portals?\b/.test(lower.slice(h.end, h.end + 8))) return true;
  if (/\b(?:follow|find|join|like) us on (?:[a-z]+ )?$/.test(lower.slice(Math.max(0, h.start - 24), h.start)))
    return true;
  return /\bapply(?:ing)? (?:[a-z]+ ){0,3}?(?:through|via|on|using|in) (?:our |the )?$/.test(
    lower.slice(Math.max(0, h.start - 48), h.start),
  );
}

/**
 * "process mortgage payments", "take card payments": a field word that is the object of a task;
 * "close to public transport": a place, not a field.
 */
function taskObject(lower: string, h: Hit): boolean {
  return /\b(?:process|processing|processes|take|taking|make|making|chase|chasing|collect|collecting|post|posting|receive|receiving|record|recording|close to|near|next to|minutes from) (?:[a-z]+ )?$/.test(
    lower.slice(Math.max(0, h.start - 32), h.start),
  );
}

/** The privacy notice or application instructions at the end of a posting ("by applying you agree…"). */
const APPLYING =
  /\b(?:by applying|by submitting|your application|your (?:personal )?data|privacy (?:policy|notice|statement)|applicant data)\b/;
function aboutApplying(s: SentenceCache, pos: number, category: string): boolean {
  return category !== 'spoken' && s.has(APPLYING, pos);
}

/** What the candidate is given ("you will receive training and coaching", "access to mentorship"). */
const RECEIVED =
  /\b(?:receive|receives|receiving|access to|benefit from|opportunit(?:y|ies) for|we offer|we provide|we'll provide|we will provide|we give)\s+(?:[a-z-]+,?\s+){0,4}$/;
function received(lower: string, s: SentenceCache, h: Hit): boolean {
  const [a] = s.at(h.start);
  return RECEIVED.test(lower.slice(Math.max(a, h.start - 64), h.start));
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Accepts held-back ambiguous hits that sit beside accepted skills or programming words. */
function resolveContext(matcher: SkillMatcher, text: string, lower: string, hits: Hit[]): void {
  const pending = new Set<Hit>();
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (!h.needsContext || isNoise(text, lower, h) || looksLikeName(text, h, hits[k + 1])) continue;
    pending.add(h);
    if (CUE.test(window(lower, h.start, h.end))) h.accepted = true;
  }
  // A list of several ambiguous names ("Go, Rust, C") settles over a few rounds.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      if (h.accepted || !pending.has(h)) continue;
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
  return m !== null && VERB_FOLLOW.has(m[1]!);
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
function isVerbAtSentenceStart(text: string, lower: string, h: Hit): boolean {
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
  const nl = text.lastIndexOf('\n', start - 1);
  const nr = text.indexOf('\n', end);
  return [Math.max(from, nl + 1), nr === -1 || nr > to ? to : nr];
}

function window(lower: string, start: number, end: number): string {
  const [a, b] = lineBounds(lower, start, end);
  return `${lower.slice(a, start)} ${lower.slice(end, b)}`;
}

function hasNeighbour(matcher: SkillMatcher, text: string, hits: Hit[], k: number): boolean {
  const h = hits[k]!;
  const [a, b] = lineBounds(text, h.start, h.end);
  for (let j = k - 1; j >= 0 && hits[j]!.end >= a; j--) if (isEvidence(matcher, hits[j]!)) return true;
  for (let j = k + 1; j < hits.length && hits[j]!.start <= b; j++)
    if (isEvidence(matcher, hits[j]!)) return true;
  return false;
}

/** Soft skills, methods, languages, fields and degrees say nothing about whether "Phoenix" is a tool. */
const NOT_EVIDENCE = new Set(['soft', 'practice', 'spoken', 'domain', 'qualification']);
function isEvidence(matcher: SkillMatcher, h: Hit): boolean {
  if (!h.accepted) return false;
  return !NOT_EVIDENCE.has(matcher.skills[h.entry.skill]!.category);
}

function group(matcher: SkillMatcher, text: string, hits: Hit[]): SkillExtraction {
  const bySkill = new Map<number, ExtractedSkill>();
  for (const h of hits) {
    if (!h.accepted) continue;
    let skill = bySkill.get(h.entry.skill);
    if (!skill) {
      const meta = matcher.skills[h.entry.skill]!;
      skill = { name: meta.name, category: meta.category, spans: [], matched: [] };
      bySkill.set(h.entry.skill, skill);
    }
    skill.spans.push([h.start, h.end]);
    const surface = text.slice(h.start, h.end);
    if (!skill.matched.includes(surface)) skill.matched.push(surface);
  }
  return { skills: [...bySkill.values()] };
}
