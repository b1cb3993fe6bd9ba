/**
 * Rules that read the sentence around an accepted hit: who a skill is asked of, whether a word is
 * part of a name or a job title (names.ts), and whether it is about applying or about what the job offers.
 */

import { aboutApplying, applyThrough } from './applying.ts';
import { broadWordNotAsked, isBroadWord } from './broad-words.ts';
import { endsAt, endsAtOneOf, type Hit, hitHasSpace, isEvidence, spacesFrom } from './hits.ts';
import type { SkillMatcher } from './matcher.ts';
import {
  dropTitleRepeats,
  inJobTitle,
  inTitleLine,
  NAMED_KINDS,
  nameInHeader,
  namesAPost,
  partOfName,
} from './names.ts';
import { OffTopicCursor, type OffTopicKind, underRequirementsHeading } from './off-topic.ts';
import { otherReading } from './other-readings.ts';
import { dropBackReferences, isPlaceNoun, placeNamesField, settingInList } from './places.ts';
import { SentenceCache, sentenceTest, wordsTest } from './sentence-cache.ts';
import {
  aboutBenefits,
  aboutDegree,
  askedOfCandidate,
  companyValues,
  companyVoice,
  equalityStatement,
  fieldUse,
  mentionsCandidate,
  spokenLanguageUse,
} from './sentences.ts';

/**
 * "This post is subject to an enhanced DBS check", "any offer of employment is subject to a
 * satisfactory DBS check", "this role requires a basic DBS check", "The successful candidate will be
 * subject to…": a check or qualification the post is conditional on.
 */
const CONDITION_BEFORE =
  /\b(?:posts?|roles?|positions?|offers?|appointments?|jobs?|employment|candidates?|applicants?|staff|volunteers)\b[^.;:!?]{0,40}?\b(?:subject to|conditional (?:up)?on|requires?)\s+(?:an? |the )?(?:(?!no\b|not\b|without\b)[a-z-]+,?\s+){0,2}$/;
/** CONDITION_BEFORE's verbs, looked for in the few characters before the hit first. */
const CONDITION_WORDS = ['subject to', 'require', 'conditional'];
/**
 * CONDITION_BEFORE's verbs as whole words (each stands after \b and before a space in every match,
 * which lies in the hit's sentence): a sentence without one settles its hits without a cut.
 */
const CONDITION_NEEDS = wordsTest('subject conditional require requires');
function conditionOfPost(lower: string, s: SentenceCache, h: Hit): boolean {
  if (!s.has(CONDITION_NEEDS, h.start)) return false;
  const near = lower.slice(Math.max(s.at(h.start)[0], h.start - 40), h.start);
  if (!CONDITION_WORDS.some((w) => near.includes(w))) return false;
  return CONDITION_BEFORE.test(lower.slice(Math.max(s.at(h.start)[0], h.start - 120), h.start));
}

/** Kinds an equal-opportunities sentence names without asking them of anyone. */
const NOT_EVIDENCE_HERE = new Set(['soft', 'practice', 'domain', 'qualification']);

/** Kinds whose names are ordinary words, so they also turn up in company names and verbs. */
const PLAIN_WORDS = new Set(['practice', 'domain', 'soft']);

/** Bits of `kindBits`: which of the sets of kinds above and below a skill's category is in. */
const PLAIN = 1;
const NOT_EVIDENCE_KIND = 2;
const NAMED_KIND = 4;
const WORD_KIND = 8;
const NOT_ASKED_SENDING = 16;
const TEAM_TOOL = 32;
/**
 * Per skill of a matcher (by its index): the bits of the kind sets its category is in, its
 * category, and its `when`. Worked out once per matcher, so a hit reads one number instead of
 * looking its category up in set after set, and reads these arrays, laid out together, instead of
 * the skill's own record (one of thousands, anywhere in memory: on a long text those reads missed
 * the processor's caches).
 */
interface SkillKinds {
  bits: Uint8Array;
  category: string[];
  when: (string | undefined)[];
}
const kindsByMatcher = new WeakMap<SkillMatcher, SkillKinds>();
function kindsOf(matcher: SkillMatcher): SkillKinds {
  let kinds = kindsByMatcher.get(matcher);
  if (kinds === undefined) {
    const bits = new Uint8Array(matcher.skills.length);
    const category = matcher.skills.map((skill) => skill.category);
    const when = matcher.skills.map((skill) => skill.when);
    for (let i = 0; i < bits.length; i++) {
      const c = category[i]!;
      bits[i] =
        (PLAIN_WORDS.has(c) ? PLAIN : 0) |
        (NOT_EVIDENCE_HERE.has(c) ? NOT_EVIDENCE_KIND : 0) |
        (NAMED_KINDS.has(c) ? NAMED_KIND : 0) |
        (WORD_KINDS.has(c) ? WORD_KIND : 0) |
        (NOT_ASKED_WHEN_SENDING.has(c) ? NOT_ASKED_SENDING : 0) |
        (TEAM_TOOLS.has(c) ? TEAM_TOOL : 0);
    }
    kinds = { bits, category, when };
    kindsByMatcher.set(matcher, kinds);
  }
  return kinds;
}

/**
 * Rules that read the sentence: a working-with-people skill counts only when asked of the
 * candidate, a spoken language only when it is spoken (not "the German market"), and a field of
 * study that is also an ordinary word ("finance") only in a sentence about a degree.
 */
export function applySentenceRules(matcher: SkillMatcher, text: string, lower: string, hits: Hit[]): void {
  const spoken: Hit[] = [];
  const titled: Hit[] = [];
  const s = new SentenceCache(lower);
  const sections = new OffTopicCursor(text);
  const kinds = kindsOf(matcher);
  const categories = kinds.category;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (!h.accepted) continue;
    const id = h.skill;
    const category = categories[id]!;
    const kind = kinds.bits[id]!;
    const section = sections.at(h.start);
    // "This post is subject to an enhanced DBS check": a condition of the post, asked wherever it
    // stands (most often in the equal-opportunities or how-to-apply paragraph, or after the perks).
    if (category === 'qualification' && conditionOfPost(lower, s, h)) continue;
    if (
      headNoun(categories, lower, hits[k - 1], h) ||
      (offTopic(section, category) && !((kind & TEAM_TOOL) !== 0 && s.has(WE_USE, h.start)))
    ) {
      h.accepted = false;
      continue;
    }
    if (
      category === 'domain' &&
      ((isPlaceNoun(lower, h) && !placeNamesField(text, lower, s, h)) || settingInList(lower, s, h))
    ) {
      h.accepted = false;
      continue;
    }
    const plain = (kind & PLAIN) !== 0;
    const oneWord = plain && !hitHasSpace(lower, h);
    if (
      notAskedHere(text, lower, s, h, category, (kind & WORD_KIND) !== 0) ||
      otherReading(matcher, text, lower, s, h, category)
    ) {
      h.accepted = false;
      continue;
    }
    if (
      applyThrough(lower, h) ||
      aboutApplying(s, h.start, category, (kind & NOT_ASKED_SENDING) !== 0) ||
      notNeeded(lower, s, h, category)
    )
      h.accepted = false;
    else if ((kind & NOT_EVIDENCE_KIND) !== 0 && equalityStatement(s, h.start)) h.accepted = false;
    else if ((category === 'practice' || category === 'soft') && received(lower, s, h)) h.accepted = false;
    else if ((category === 'practice' || category === 'qualification') && paidFor(lower, h))
      h.accepted = false;
    else if (plain && (partOfName(text, lower, s, h) || companyValues(s, h.start))) h.accepted = false;
    else if ((kind & NAMED_KIND) !== 0 && nameInHeader(text, s, h)) h.accepted = false;
    else if (plain && (inJobTitle(text, h) || namesAPost(text, lower, h))) titled.push(h);
    else if (category === 'domain' && (aboutBenefits(s, h.start) || taskObject(lower, h))) h.accepted = false;
    else if (category === 'soft')
      h.accepted =
        askedOfCandidate(s, h.start, h.end, () => underRequirementsHeading(text, h.start, s.breaks)) &&
        !FIELD_OF_STUDY.test(lower.slice(h.end, h.end + 12)) &&
        !KEEP_STATE.test(lower.slice(Math.max(0, h.start - 40), h.start));
    else if (kinds.when[id] === 'degree') h.accepted = aboutDegree(s, h.start);
    else if (kinds.when[id] === 'field' && oneWord) h.accepted = fieldUse(lower, h.start, h.end);
    else if (category === 'practice' && oneWord && companyVoice(s, h.start, h.end))
      h.accepted = toolInSentence(matcher, s, hits, k);
    else if (
      category === 'practice' &&
      isBroadWord(lower, h) &&
      broadWordNotAsked(s, h, () => toolInSentence(matcher, s, hits, k))
    )
      h.accepted = false;
    else if (category === 'spoken') spoken.push(h);
  }
  dropBackReferences(categories, lower, hits);
  dropTitleRepeats(text, hits);
  // A job title ("Site Reliability Engineer", "Accounts Payable Clerk") names the work, but a soft
  // skill in it is not asked of anyone, and a method or field it names counts where the text names
  // it again (so the title is not one more mention).
  if (titled.length > 0) {
    // The skills named again outside the title (read once: the loop changes titled hits only).
    const titledSet = new Set(titled);
    const namedElsewhere = new Set(hits.filter((o) => o.accepted && !titledSet.has(o)).map((o) => o.skill));
    for (const h of titled)
      h.accepted =
        categories[h.skill] !== 'soft' && inTitleLine(text, h, s.breaks) && !namedElsewhere.has(h.skill);
  }
  if (spoken.length === 0) return;
  const alone = spoken.map(
    (h, k) => spokenLanguageUse(s, h.start, h.end, false) || languagesOnlyLine(text, spoken, k),
  );
  const again = new SentenceCache(lower);
  spoken.forEach((h, k) => {
    if (alone[k]) return;
    // "Polish or Romanian speakers": a language listed beside one that is clearly spoken.
    const [a, b] = again.at(h.start);
    h.accepted = spokenLanguageUse(again, h.start, h.end, listedBeside(spoken, alone, k, a, b));
  });
}

/** A line of two or more languages and nothing else once each is written "X": "- Welsh, Polish or Urdu". */
const LANGUAGES_LINE =
  /^[ \t]*(?:[-•*–][ \t]*)?X(?:[ \t]*(?:,|\/|&|\bor\b|\band\b)[ \t]*(?:(?:or|and)[ \t]+)?X)+[ \t]*\.?[ \t]*$/;
/**
 * "Nice to have: … - Welsh, Polish or Urdu": a line (a list item) that holds two or more spoken
 * languages and nothing else names languages spoken, with no "fluent" or "speakers" around them.
 */
function languagesOnlyLine(text: string, spoken: Hit[], k: number): boolean {
  const h = spoken[k]!;
  // Only the first language of a line reads it (the others are settled by `listedBeside`); it has
  // a line break, a bullet or spaces before it.
  let a = h.start;
  while (a > 0 && a > h.start - 8 && text.charCodeAt(a - 1) !== 10) a--;
  if (a > 0 && text.charCodeAt(a - 1) !== 10) return false;
  let b = h.end;
  while (b < text.length && b < h.end + 120 && text.charCodeAt(b) !== 10) b++;
  if (b < text.length && text.charCodeAt(b) !== 10) return false;
  let line = '';
  let at = a;
  for (let j = k; j < spoken.length && spoken[j]!.end <= b; j++) {
    line += `${text.slice(at, spoken[j]!.start)}X`;
    at = spoken[j]!.end;
  }
  return LANGUAGES_LINE.test(line + text.slice(at, b));
}

/**
 * Whether another spoken hit that is clearly a language (`alone`) lies inside [a, b). Hits are in
 * text order and do not overlap, so those inside are next to `k`: look outwards from it only
 * (a scan of every spoken hit per hit made long texts quadratic).
 */
function listedBeside(spoken: Hit[], alone: boolean[], k: number, a: number, b: number): boolean {
  for (let j = k - 1; j >= 0 && spoken[j]!.start >= a; j--) if (alone[j] && spoken[j]!.end <= b) return true;
  for (let j = k + 1; j < spoken.length && spoken[j]!.end <= b; j++)
    if (alone[j] && spoken[j]!.start >= a) return true;
  return false;
}

/** "We use Slack and Notion internally", among the perks: the tools the team works with. */
const TEAM_TOOLS = new Set(['office', 'business']);
const WE_USE = sentenceTest(
  /\bwe (?:use|work (?:in|with)|run on|rely on|live in)\b/,
  'use work run rely live',
);

/** What the company is and values: fields, methods, people skills and degrees it names are not asked. */
const NOT_ASKED_IN_COMPANY = new Set(['soft', 'practice', 'domain', 'qualification']);
/** What the job gives: perks may be products too ("Excel courses", "Spanish lessons"), not tech. */
const NOT_ASKED_IN_BENEFITS = new Set([
  ...NOT_ASKED_IN_COMPANY,
  'spoken',
  'office',
  'business',
  'healthcare',
]);

/**
 * Whether a skill of `category` is dropped in an off-topic section: the equal-opportunities
 * statement and how to apply ask nothing; the company blurb and the benefits keep the tools they
 * say the team uses ("Our platform is built on Azure and we use Slack").
 */
function offTopic(kind: OffTopicKind | undefined, category: string): boolean {
  if (kind === undefined) return false;
  if (kind === 'company') return NOT_ASKED_IN_COMPANY.has(category);
  if (kind === 'benefits') return NOT_ASKED_IN_BENEFITS.has(category);
  return true;
}

/** Any negation in a sentence (cheap filter before the patterns below). */
// Needs: the words themselves, the "n" of "n/a" and the "t" of "n't".
const NEGATIVE = sentenceTest(/\b(?:no|not|never|none|n\/a)\b|n't\b/, 'no not never none n t');
/** "You don't need to know our EPOS system", "We don't use Java or PHP", "no need for a car". */
const NOT_NEEDED_BEFORE =
  /\b(?:(?:don't|do not|doesn't|does not|won't|will not|never) (?:need|use|require|expect)|no need (?:for|to (?:know|have|use)))\b[^.;:!?()]*$/;
/**
 * "We are not looking for Java developers", "we aren't seeking PHP experience": what the posting
 * says it does not want. Only a few words may stand between ("not looking for perfection, just
 * Java" asks for Java after the comma).
 */
const NOT_WANTED_BEFORE =
  /(?:\bnot|n't) (?:looking for|seeking|searching for|hiring|after)\b[^.;:!?(),]{0,32}$/;
/** "German is not required", "a degree isn't necessary" ("useful but not required" is a nice-to-have). */
const NOT_NEEDED_AFTER =
  /^(?:(?!\b(?:but|though|although)\b)[^.;:!?,()]){0,24}?\b(?:is|are)(?: not|n't) (?:required|needed|necessary|essential|a requirement|expected)\b/;
/** "Supervisory Responsibilities: None", "Languages: N/A": a heading answered with nothing. */
const NONE_AFTER = /^[a-z ]{0,24}:\s*(?:none|n\/a|not applicable|not required)\b/;
/** "No prior experience with Vue is required": a tool not asked for (a method or field the job does stays). */
const NO_EXPERIENCE_BEFORE =
  /\bno (?:prior |previous |formal )?(?:(?:experience|knowledge) (?:of|with|in|using) )?$/;
const NO_EXPERIENCE_AFTER =
  /^(?: [a-z0-9.-]+)?(?: (?:experience|knowledge))?(?: (?:is|are))? (?:required|needed|necessary|essential)\b/;
/** Kinds a "no experience needed" sentence says nothing about: the job's methods and field are still its work. */
const DONE_ANYWAY = new Set(['practice', 'domain', 'soft']);

/**
 * Whether the sentence says a skill is not needed: "You don't need a driving licence", "We don't
 * use Java", "German is not required", "No prior experience with Vue is required". The rest of
 * the posting may still ask for it elsewhere; this mention is not a request.
 */
function notNeeded(lower: string, s: SentenceCache, h: Hit, category: string): boolean {
  // Most sentences say nothing negative: one cached test per sentence settles them.
  if (!s.has(NEGATIVE, h.start)) return false;
  const [a, b] = s.at(h.start);
  const before = lower.slice(Math.max(a, h.start - 60), h.start);
  const after = lower.slice(h.end, Math.min(b, h.end + 48));
  if (
    NOT_NEEDED_BEFORE.test(before) ||
    NOT_WANTED_BEFORE.test(before) ||
    NOT_NEEDED_AFTER.test(after) ||
    NONE_AFTER.test(after)
  )
    return true;
  if (DONE_ANYWAY.has(category)) return false;
  return NO_EXPERIENCE_BEFORE.test(before) && NO_EXPERIENCE_AFTER.test(after);
}

/** "a numerate subject", "a creative discipline": a people word naming a field of study, not a trait. */
const FIELD_OF_STUDY = /^ (?:subjects?|degrees?|disciplines?)\b/;
/**
 * "keep the catalogue accurate", "keep the shop tidy", "keep the lab clean and organized": the state
 * of a thing, not a trait.
 */
const KEEP_STATE =
  /\bkeep(?:s|ing)? (?:the|our|your|its|their|a|an) [a-z'-]+(?: [a-z'-]+)?(?:,? [a-z'-]+){0,2},? (?:and|&) $|\bkeep(?:s|ing)? (?:the |our |your |its |their )?[a-z'-]+(?: [a-z'-]+)? $/;

/**
 * "a SQL Server database", "Oracle databases", "our Snowflake warehouse", "the BigQuery warehouse":
 * the generic noun after a named database or data platform is that product's head noun, not the
 * broader skill (the narrow one is the skill named), nor a warehouse of goods.
 */
const DATA_PRODUCT = new Set(['database', 'platform', 'cloud', 'analytics']);
function headNoun(categories: string[], lower: string, prev: Hit | undefined, h: Hit): boolean {
  if (prev === undefined || !prev.accepted || prev.end + 1 !== h.start || lower.charCodeAt(prev.end) !== 32)
    return false;
  const kind = categories[prev.skill]!;
  if (kind === 'database' && /^(?:databases?|db|dbs|rdbms)$/.test(lower.slice(h.start, h.end))) return true;
  return DATA_PRODUCT.has(kind) && /^warehouses?$/.test(lower.slice(h.start, h.end));
}

/**
 * Whether a tool, language or platform (not a method or field) is named in the same sentence as
 * `hits[k]`. Hits are in text order and do not overlap, so those inside the sentence are next to
 * `k`: look outwards from it only (a scan of every hit per hit made long texts quadratic).
 */
function toolInSentence(matcher: SkillMatcher, s: SentenceCache, hits: Hit[], k: number): boolean {
  const [a, b] = s.at(hits[k]!.start);
  for (let j = k - 1; j >= 0 && hits[j]!.start >= a; j--)
    if (hits[j]!.end <= b && isEvidence(matcher, hits[j]!)) return true;
  for (let j = k + 1; j < hits.length && hits[j]!.end <= b; j++)
    if (isEvidence(matcher, hits[j]!)) return true;
  return false;
}

/**
 * The last words of taskObject's two expressions' keywords, and the "in", "from", "to" that may
 * follow the first's: each expression ends in one of them and a space, or (the second) in one of
 * them, a space and one more word.
 */
const TASK_LAST_WORDS = [
  ...['stay', 'stays', 'staying', 'discharge', 'discharged', 'admitted', 'admission', 'leaving', 'of'],
  ...['in', 'from', 'to', 'near', 'process', 'processing', 'processes', 'take', 'taking', 'make'],
  ...['making', 'chase', 'chasing', 'collect', 'collecting', 'post', 'posting', 'receive'],
  ...['receiving', 'record', 'recording'],
];
/** Whether lower[from, to) is one of `words` (in place). */
function wordIsOneOf(lower: string, from: number, to: number, words: readonly string[]): boolean {
  for (const w of words) if (w.length === to - from && lower.startsWith(w, from)) return true;
  return false;
}
/**
 * Whether the word before the space before `start`, or the word before that, is one of
 * TASK_LAST_WORDS: where neither is, neither of taskObject's expressions matches (each keyword
 * stands after \b, so it is a whole run of letters).
 */
function taskWordBefore(lower: string, start: number): boolean {
  let end = start - 1;
  for (let w = 0; w < 2; w++) {
    if (lower.charCodeAt(end) !== 32) return false;
    let from = end;
    while (from > 0 && lower.charCodeAt(from - 1) >= 97 && lower.charCodeAt(from - 1) <= 122) from--;
    if (from === end) return false;
    if (wordIsOneOf(lower, from, end, TASK_LAST_WORDS)) return true;
    end = from - 1;
  }
  return false;
}

/**
 * "process mortgage payments", "take card payments": a field word that is the object of a task;
 * "close to public transport": a place, not a field.
 */
function taskObject(lower: string, h: Hit): boolean {
  if (!taskWordBefore(lower, h.start)) return false;
  // "a stay in hospital", "discharged from hospital": where a patient is, not the field of the job.
  if (
    /\b(?:stays?|staying|discharged?|admitted|admission|leaving|out of) (?:in |from |to )?$/.test(
      lower.slice(Math.max(0, h.start - 24), h.start),
    )
  )
    return true;
  return /\b(?:process|processing|processes|take|taking|make|making|chase|chasing|collect|collecting|post|posting|receive|receiving|record|recording|close to|near|next to|minutes from) (?:[a-z]+ )?$/.test(
    lower.slice(Math.max(0, h.start - 32), h.start),
  );
}

const NOT_ASKED_WHEN_SENDING = new Set([...NOT_ASKED_IN_COMPANY, 'office']);
/** What the candidate is given ("you will receive training and coaching", "access to mentorship"). */
const RECEIVED =
  /\b(?:receive|receives|receiving|access to|benefit from|opportunit(?:y|ies) for|we offer|we provide|we'll provide|we will provide|we give|offers|offering)\s+(?:[a-z-]+,?\s+){0,4}$/;
/** Words one of which every match of RECEIVED holds, looked for once per sentence. */
const GIVING_WORDS = sentenceTest(/receiv|access to|benefit from|opportunit|offer|provide|we give/);
/**
 * RECEIVED's words, each a whole word of the sentence: so they are where RECEIVED reads the
 * sentence from its start (where it reads from inside, its first word may be the end of a longer
 * one, "…receive", and only GIVING_WORDS, which finds them inside words too, rules it out).
 */
const GIVING_WHOLE_WORDS = sentenceTest(
  /\b(?:receive|receives|receiving|access to|benefit from|opportunit(?:y|ies) for|we offer|we provide|we'll provide|we will provide|we give|offers|offering)\s/,
  'receive receives receiving access benefit opportunity opportunities offer provide give offers offering',
);
function received(lower: string, s: SentenceCache, h: Hit): boolean {
  const [a] = s.at(h.start);
  const from = Math.max(a, h.start - 64);
  // RECEIVED reads only the hit's sentence: one without its words needs no expression per hit.
  if (!s.has(from === a ? GIVING_WHOLE_WORDS : GIVING_WORDS, h.start)) return false;
  return RECEIVED.test(lower.slice(from, h.start));
}

/** "free DBS", "funded NVQ", "paid training": what the employer pays for, not what it asks. */
const PAID_WORDS = ['free', 'funded', 'paid', 'paid-for', 'subsidised', 'subsidized', 'sponsored'];
function paidFor(lower: string, h: Hit): boolean {
  // The expression ends in a word ending in d, e or r, then spaces: a letter or digit right before
  // the hit, or another last letter before one space, rules it out without cutting the text.
  const last = lower.charCodeAt(h.start - 1);
  if ((last >= 97 && last <= 122) || (last >= 48 && last <= 57)) return false;
  const word = lower.charCodeAt(h.start - 2);
  if (word >= 97 && word <= 122 && word !== 100 && word !== 101 && word !== 114) return false;
  // One of its words ends right before the spaces (read in place; "fully funded" ends in "funded").
  const spaces = spacesFrom(lower, h.start);
  if (spaces === h.start || !endsAtOneOf(lower, spaces, PAID_WORDS)) return false;
  return /\b(?:free|funded|fully funded|paid|paid-for|subsidi[sz]ed|sponsored)\s+$/.test(
    lower.slice(Math.max(0, h.start - 16), h.start),
  );
}

/** "rated Good by the CQC", "inspected by the MHRA": the regulator of the company, not asked. */
const BY_REGULATOR =
  /\b(?:rated|inspected|regulated|judged|approved|accredited|recogni[sz]ed|awarded|certified)\b[^.;:]{0,40}\bby (?:the )?$/;
/** "the best GCSE results", "A level students": the pupils' qualification, not the candidate's. */
const PUPILS_AFTER =
  /^ (?:results?|grades?|exams?|examinations?|students?|pupils?|classes|courses|groups?|cohorts?)\b/;
/** "site leadership", "the senior leadership team": the managers, not the trait. */
const LEADERS_BEFORE =
  /\b(?:site|senior|executive|school|store|company|group|clinical|practice|the|our|their|its)\s+$/;
/**
 * "turn data into a clear story for leadership", "present monthly dashboards to leadership": the
 * managers a report is for, not the trait.
 */
const AUDIENCE_BEFORE =
  /\b(?:present(?:s|ing|ed)?|report(?:s|ing|ed)?|brief(?:s|ing|ed)?|updat(?:e|es|ing)|escalat(?:e|es|ing)|stor(?:y|ies)|dashboards?|updates?|insights?|findings|summar(?:y|ies)|recommendations?|papers?|decks?)\b[^.;:!?]{0,40}\b(?:to|for) (?:the |our |your )?$/;
/**
 * "ships to retailers", "deliver chilled food to supermarkets", "working on offices, schools",
 * "everything from cast-iron pans to mugs": customers and what is sold.
 */
const CUSTOMERS_BEFORE =
  /\b(?:ships?|shipped|shipping|deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|sells?|sold|selling|serv(?:e|es|ed|ing)|distribut(?:e|es|ed|ing)|works? on|working on|for some of|used by|trusted by|(?:clients|customers) (?:include|including|range from|ranging from)|\b(?:everything|everyone|anything|anyone|all|range|ranges|ranging|services|clients|customers|businesses|organi[sz]ations|companies|firms|brands|projects|products|homes|properties|sites|patients|people)(?: [a-z0-9'-]+){0,3},? from (?:[a-z0-9'-]+ ){1,4}to)\s+(?:[a-z0-9'&-]+,?\s+){0,6}$/;
/**
 * A word every match of CUSTOMERS_BEFORE and FIELD_RANGE_BEFORE holds, each between \b and a space
 * (they read the hit's sentence only): a sentence without one settles its hits without them.
 */
const CUSTOMER_WORDS = wordsTest(
  'ship ships shipped shipping deliver delivers delivered delivering supply supplies supplied supplying sell sells sold selling serve serves served serving distribute distributes distributed distributing on for by include including from',
);
/**
 * "payrolls from sole traders to a manufacturer": a field named at the end of a range from one kind
 * of customer to another. A method there is a stage of the work ("run campaigns from copy to A/B
 * tests"), and CUSTOMERS_BEFORE asks for a word about what is offered before "from".
 */
const FIELD_RANGE_BEFORE = /\bfrom (?:[a-z0-9'-]+ ){1,4}to\s+(?:[a-z0-9'&-]+,?\s+){0,6}$/;
/**
 * "deliver phonics interventions", "serve cocktails", "supply and fit kitchens": a method right
 * after the verb (a word or two between, no "to") is the work delivered, not a customer; so are
 * the topics of training delivered ("deliver training on food hygiene, manual handling and
 * safeguarding").
 */
const DELIVERED =
  /\b(?:deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|serv(?:e|es|ed|ing)|sells?|sold|selling)\s+(?:(?:(?!to\b|for\b|into\b)[a-z0-9'&-]+,?\s+){0,2}|(?:[a-z-]+\s+)?(?:training|sessions?|courses?|workshops?|talks?|briefings?|inductions?|toolbox talks)\s+(?:on|in|about|covering)\s+(?:(?!to\b|for\b|into\b)[a-z0-9'&-]+,?\s+){0,8})$/;
/** "architecture and engineering firms": a kind of customer. */
const CUSTOMER_AFTER = /^(?: (?:and|&|or) [a-z-]+)? (?:firms|companies|businesses)\b/;
/** "makes accounting tools", "Lumio is project management software": what the company sells. */
const PRODUCT_AFTER = /^ (?:software|platform|app|apps|tools?|solutions?)\b/;
const MAKER_BEFORE =
  /\b(?:makes?|making|builds?|building|sells?|selling|develops?|developing|is|are|offers?)\s+(?:[a-z-]+\s+){0,2}$/;
/** The verbs TEAMS_BEFORE starts with, looked for once per sentence before it is tried. */
// Needs: the words' starts, and the "co" of "co-ordinate".
const TEAM_VERBS = sentenceTest(
  /\b(?:coordinat|co-ordinat|liais|communicat)/,
  'coordinat* co liais* communicat*',
);
/** "Coordinate with housekeeping, maintenance and valet": departments, not the work. */
const TEAMS_BEFORE =
  /\b(?:coordinat\w+|co-ordinat\w+|liais\w+|communicat\w+) with (?:the |our )?(?:[a-z-]+,? (?:and |or )?){0,4}$/;
/**
 * "$62,000–$70,000 DOE", "£30k OTE", "$32–$41/hr DOE", "£14 per hour DOE": salary shorthand after
 * an amount, or after the period it is paid for.
 */
const AFTER_AMOUNT =
  /[0-9]k?\)?(?:\s*\/\s*(?:hr|hour|yr|year|annum|month)|\s+(?:per|an|a) (?:hour|year|annum|month)|\s+p\.?a\.?)?\s+$/;

/**
 * Words the sentence shows are not asked of the candidate: the regulator that rated the company,
 * pupils' exams, a company's managers, its customers or product, departments the job works with,
 * and salary shorthand. `wordKind`: whether `category` is in WORD_KINDS.
 */
function notAskedHere(
  text: string,
  lower: string,
  s: SentenceCache,
  h: Hit,
  category: string,
  wordKind: boolean,
): boolean {
  // Salary shorthand is in capitals: that cheap test first (this runs for every hit).
  const first = text.charCodeAt(h.start);
  if (
    h.end - h.start <= 4 &&
    h.start >= 2 &&
    first >= 65 &&
    first <= 90 &&
    AFTER_AMOUNT.test(lower.slice(Math.max(0, h.start - 20), h.start)) &&
    /[£$€]/.test(lower.slice(s.at(h.start)[0], h.start)) &&
    /^[A-Z]+$/.test(text.slice(h.start, h.end))
  )
    return true;
  if (!wordKind) return false;
  const [a] = s.at(h.start);
  // The 64 characters before (within the sentence), cut out for the expressions that read them.
  const from = Math.max(a, h.start - 64);
  // BY_REGULATOR ends in "by " or "by the " right before the hit.
  if (
    (endsAt(lower, h.start, 'by ') || endsAt(lower, h.start, 'by the ')) &&
    BY_REGULATOR.test(lower.slice(from, h.start))
  )
    return true;
  if (category === 'qualification') return PUPILS_AFTER.test(lower.slice(h.end, h.end + 16));
  if (category === 'soft') {
    if (
      lower.startsWith('leadership', h.start) &&
      (LEADERS_BEFORE.test(lower.slice(from, h.start)) || AUDIENCE_BEFORE.test(lower.slice(from, h.start)))
    )
      return !/^ (?:skills?|qualities|abilit\w+|experience|style)\b/.test(lower.slice(h.end, h.end + 16));
    if (lower.startsWith('accurate', h.start) && ATTRIBUTE_AFTER.test(lower.slice(h.end, h.end + 24)))
      return true;
  }
  const business = category === 'business';
  if (category === 'practice' && s.has(TEAM_VERBS, h.start) && TEAMS_BEFORE.test(lower.slice(from, h.start)))
    return true;
  if (mentionsCandidate(s, h.start)) return false;
  if (category !== 'domain' && !business && s.has(COMPANY_HISTORY, h.start) && s.has(WE_OPENING, h.start))
    return true;
  if (category === 'soft') return false;
  if (!business && !s.has(CUSTOMER_WORDS, h.start) && category !== 'practice') return false;
  const before = lower.slice(from, h.start);
  if (
    !business &&
    s.has(CUSTOMER_WORDS, h.start) &&
    (CUSTOMERS_BEFORE.test(before) || (category === 'domain' && FIELD_RANGE_BEFORE.test(before))) &&
    !(category === 'practice' && DELIVERED.test(before))
  )
    return true;
  if (category !== 'practice' && !business) return false;
  const after = lower.slice(h.end, h.end + 32);
  if (CUSTOMER_AFTER.test(after)) return true;
  return (
    (PRODUCT_AFTER.test(after) || PRODUCT_NOUN.test(lower.slice(h.start, h.end))) && MAKER_BEFORE.test(before)
  );
}
/** Kinds that are ordinary words, named by companies and regulators as much as asked of people. */
const WORD_KINDS = new Set(['practice', 'domain', 'soft', 'business', 'qualification']);

/** "keep accurate service records": the word describes the records, not the person. */
const ATTRIBUTE_AFTER = /^ (?!and\b|or\b|with\b|in\b|at\b|when\b|under\b|to\b)[a-z]+/;
/** "We've been going for 38 years and still answer the phone": the company's history. */
const COMPANY_HISTORY = sentenceTest(
  /\b(?:since (?:1[89]|20)\d\d|for (?:over |more than |nearly |almost )?\d+ years|founded|established in)\b/,
  'since years founded established',
);
const WE_OPENING = sentenceTest(/^(?:we|we're|we've|we have|our)\b/);
/** "Lumio is project management software": a practice named by the company's product. */
const PRODUCT_NOUN = /\b(?:software|platform|app|tool|system)$/;
