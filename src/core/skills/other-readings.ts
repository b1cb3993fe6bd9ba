/**
 * Readings of a skill word that make it something other than a skill asked of the candidate. The
 * company and the people around the job are read in company-readings.ts; this file holds the other
 * senses of a word: an acronym the text spells out as something else ("computer-aided dispatch
 * (CAD)"), a British Standard ("BS EN ISO 9606"), everyday senses of a few skill words ("reading
 * and interpreting drawings", "daily diaries", "OFTEC tickets", "the second line of defence", "more
 * accurate prices"), a skill the posting values less ("more to us than a PhD") or is leaving, a
 * headcount of colleagues ("two iOS, one QA") and skill words in a sentence that lists what the job
 * gives. Every pattern is compiled once; the rules run only on accepted hits.
 */

import {
  aboutProduct,
  ampersandName,
  customersField,
  inEmployerName,
  kindsOfProjects,
  memberOf,
  otherGroup,
  otherTeams,
  pricedBuilding,
  productMade,
  recruitersAnswer,
  registeredOrg,
} from './company-readings.ts';
import { endsAt, type Hit, lettersFrom } from './hits.ts';
import { findSkillName, type SkillMatcher } from './matcher.ts';
import { aboutBenefits, type SentenceCache, sentenceTest } from './sentences.ts';

/** "BS EN ISO 9606-1", "BS 7671": a British Standard, not a Bachelor of Science. */
const STANDARD_AFTER = /^ (?:EN|ISO|IEC|\d)/;

/**
 * "cleaning chemicals", "the cleaning cupboard", "recruitment agencies", "a coaching inn": a
 * one-word method naming the kind of a thing, not the work the candidate does. A firm's trade ("a
 * plumbing and heating firm") is the field of the work, and "resolving maintenance issues" is the
 * work: both stay.
 */
const THING_AFTER =
  /^[ -](?:supplies|chemicals|products|cupboards?|trolleys?|materials|agenc(?:y|ies)|vans?|vehicles?|inns?)\b/;

/**
 * "across the organization", "a FTSE250 organisation", "the whole organization": the
 * word after an article or a company's possessive is the company, not the trait ("organised",
 * "organisational skills" stay). Other people words after "a"/"the" are traits ("a proactive
 * attitude", "the patience to explain"), so the rule is for this noun only.
 */
const ORGANISATION = /^organi[sz]ations?$/;
const NOUN_OF_SOMETHING = /\b(?:the|an?|this|that|whole|wider|entire|our|their|its)\s+(?:[a-z0-9-]+\s+)?$/;
/**
 * "our donor database", "our database (Donorfy)", "state and national databases": a database the
 * company or someone else keeps, not the skill of working with databases ("relational databases",
 * "design database schemas" stay).
 */
const OWNED_BEFORE =
  /\b(?:our|their|its|the company's|state|national|government|police)\s+(?:[a-z-]+\s+){0,2}$/;
const DATA_KIND_BEFORE = /\b(?:relational|sql|nosql|graph|vector|document|cloud|distributed|analytical)\s+$/;

/**
 * "dashboards for German and Dutch energy companies": a language name listed with another before
 * the noun they describe is a nationality, not a language spoken.
 */
const NATIONALITY_LIST =
  /^(?:,? (?:and|or|&) [a-z]+|, [a-z]+)+ (?:[a-z-]+ ){0,2}(?:companies|customers|clients|markets?|businesses|firms|banks|brands|retailers|partners|offices|subsidiaries|universities|hospitals|schools|authorities|government|governments|regulators?|law|laws|cities|teams)\b/;

/**
 * "government guidelines", "government-funded training", "the railway station", "utilities
 * bills": a one-word field before a noun it only describes is not the field of the work.
 */
const DOMAIN_AS_MODIFIER =
  /^[ -](?:guidelines|guidance|funding|funded|grants?|backed|schemes?|stations?|bills|approved|initiatives?|restrictions|rules)\b/;

/**
 * "childcare vouchers", "child care assistance", "a retail discount": a field word naming help or a
 * perk someone is given, not the field of the work.
 */
const GIVEN_AFTER = /^[ -](?:vouchers?|assistance|allowances?|discounts?|subsid(?:y|ies))\b/;

/**
 * "point-of-care testing", "fixed wire testing", "drug and alcohol testing", "routine testing of
 * samples": testing of a thing, a body or a sample, not software testing.
 */
const THINGS_TESTED =
  /(?:\b[a-z]+-[a-z-]+|\b(?:wire|blood|drugs?|alcohol|water|soil|gas|pressure|leak|emissions?|materials?|products?|fire|alarms?|pat|appliances?|samples?|lab|laboratory|routine|proficiency|patch|hearing|eye|vision|covid|antigen|pcr|glucose|urine|pregnancy|cable|circuit|insulation|continuity|earth|rcd|concrete|asbestos|legionella|air|noise|weld|ndt|ultrasonic|penetrant|chemical|microbiological|stability|dissolution|food|hypothesis))(?: and [a-z]+)?\s+$/;

/**
 * "the NHS Pharmacy First consultations", "New Medicine Service consultations", "NMS consultations":
 * consultations of a named service are the care given, not consulting stakeholders ("run
 * consultations with residents" stays).
 */
const NAMED_SERVICE_BEFORE = /(?:\b[A-Z][A-Za-z]+ [A-Z][A-Za-z]+|\b[A-Z]{2,}) $/;

/**
 * "plan and deliver nursing care", "plan and deliver projects": planning something other than
 * teaching ("plan and deliver engaging, well-sequenced lessons" is Lesson Planning).
 */
const TAUGHT_AFTER =
  /^[^.;:]*?\b(?:lessons?|teaching|curriculum|schemes? of work|sessions?|units?|classes|workshops?|learning|tuition)\b/;

/** "charity dinners", "charity balls": an event the venue hosts, not the field of the work. */
const CHARITY_EVENT = /^ (?:dinners?|balls?|galas?|auctions?|events?|fundraisers?|concerts?|nights?)\b/;

/** "public liability insurance", "professional indemnity insurance": a policy held, not the field. */
const POLICY_BEFORE = /\b(?:liability|indemnity|van|vehicle|motor trade|tool|business use)\s+$/;

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
const COUNTED_PEOPLE =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:[a-z-]+ ){0,2}(?:engineers|developers|designers|analysts|testers|scientists|nurses|managers|specialists|consultants|technicians|officers|assistants|advisers|advisors)\b/;

/** "reading and interpreting drawings": interpreting a thing, not between languages. */
const INTERPRET_OBJECT =
  /^ (?:and [a-z]+ )?(?:(?:the|technical|engineering|complex|test|site|financial|fabrication|construction|architectural|electrical|wiring|circuit|survey)\s+){0,2}(?:drawings|plans|data|results|regulations|legislation|specifications|schematics|blueprints|information|figures|reports|guidance|polic(?:y|ies)|instructions|diagrams|rules|scans|images|x-rays|findings|statistics|accounts|contracts|documents?|requirements|trends|readings|measurements)\b/;
const INTERPRET_BEFORE = /\b(?:read|reading|reads|understand|understanding|analys\w+|analyz\w+) and $/;

/** "daily diaries", "site diary": records kept, not someone's calendar managed. */
const RECORD_DIARY_BEFORE =
  /\b(?:site|daily|weekly|food|sleep|work|project|reflective|learning|pain|training)\s+$/;

/** "OFTEC tickets", "CSCS and CPCS tickets": trade certificates, not a ticketing system. */
const CERT_TICKETS_BEFORE = /\b[A-Z]{2,}\)?\s+(?:(?:and|or|&)\s+[A-Z]{2,}\s+)?$/;

/** "the second line of defence": a risk-management phrase, not the defence industry. */
const LINE_OF = /\blines? of $/;

/**
 * "We offer a salary of …, an employee ownership trust bonus", "You'll get a van … one in five
 * weekends on call", "free Welsh lessons": the sentence lists what the job gives, not what it asks.
 */
// Anchored at the sentence's start, so one test per sentence (remembered by the cache) answers
// for every hit in it; the benefit words are looked for only in sentences that open so.
const OFFER_OPENING = sentenceTest(
  /^(?:(?:in return,? )?we (?:can )?(?:offer|provide)|in return|you(?:'ll| will) (?:get|receive|enjoy)|(?:our )?benefits include|the package includes)\b/,
);
/** The letters OFFER_OPENING's openings start with: "in return", "we", "you", "our", "benefits", "the". */
const OFFER_FIRST = new Set([...'iwyobt'].map((c) => c.charCodeAt(0)));
/**
 * "We offer: free snacks, a ping-pong table and Java coffee": office perks, read only in a sentence
 * that opens as OFFER_OPENING does (elsewhere "coffee" or "gym" may be the field of the work).
 */
const PERKS = sentenceTest(
  /\b(?:snacks|coffee|free (?:lunch(?:es)?|breakfasts?|fruit|drinks)|ping[- ]pong|table tennis|gym(?: membership)?|cycle[- ]to[- ]work)\b/,
);
function offeredHere(s: SentenceCache, h: Hit): boolean {
  // The sentence's first letter is read before the expression is tried: most sentences open otherwise.
  return (
    OFFER_FIRST.has(s.lower.charCodeAt(s.at(h.start)[0])) &&
    s.has(OFFER_OPENING, h.start) &&
    (aboutBenefits(s, h.start) || s.has(PERKS, h.start))
  );
}

/** "fairer and more accurate": a quality of a thing compared, not of a person. */
const COMPARED = /\b(?:more|less|most|least)\s+$/;

/** "Send your CV or GitHub profile": where the applicant is found, not a skill asked. */
const PROFILE_AFTER = /^ (?:profiles?|accounts?|handles?|usernames?|links?|pages?)\b/;
const SENDING = sentenceTest(/\b(?:send|share|include|attach|link|apply|cv|resume|résumé|portfolio)\b/);

/**
 * "Message us on Instagram", "apply through our Workday page", "submit a resume via Greenhouse": a
 * product named as the way to apply or get in touch, not a skill asked of the candidate.
 */
const APPLYING = sentenceTest(
  /\b(?:to apply|apply(?: now)? (?:via|through|on|online|at|with|by|here|in)|please apply|message us|contact us|dm us|get in touch|reach out to us|send (?:us|your|a) (?:cv|resume|résumé|note|message|application|portfolio|reel|showreel)|(?:submit|upload) (?:a |your )?(?:cv|resume|résumé|application))\b/,
);
const APPLYING_BEFORE = new RegExp(APPLYING.re.source);
/** The word that ends just before `end` (a space at `end`), or ''. */
function wordBefore(lower: string, end: number): string {
  if (lower.charCodeAt(end) !== 32) return '';
  const space = lower.lastIndexOf(' ', end - 1);
  return end - space > 8 ? '' : lower.slice(space + 1, end);
}
function applicationChannel(lower: string, s: SentenceCache, h: Hit): boolean {
  // Word tests first: most tools have no "on", "via" or "through" before them, and the sentence
  // need not be found for them.
  if (lower.charCodeAt(h.start - 1) !== 32) return false;
  let word = wordBefore(lower, h.start - 1);
  if (word === 'our' || word === 'the' || word === 'a' || word === 'an' || word === 'your')
    word = wordBefore(lower, h.start - 2 - word.length);
  if (word !== 'on' && word !== 'via' && word !== 'through') return false;
  if (!s.has(APPLYING, h.start)) return false;
  // The way to apply comes after the words about applying: "message us on Instagram", not "run our
  // campaigns on LinkedIn; apply with a CV".
  const [a] = s.at(h.start);
  return APPLYING_BEFORE.test(lower.slice(a, h.start));
}

/** "keep the lab audit-ready": a state of a thing, not the work named. */
const READY_AFTER = '-ready';

/**
 * "ICH-GCP" (good clinical practice), "ISO-9001": an acronym joined by a hyphen to another acronym
 * before it is part of that longer name, not the skill the acronym alone names (GCP the cloud).
 */
const ACRONYM_BEFORE = /\b[A-Z]{2,}-$/;
const ACRONYM = /^[A-Z]{2,6}$/;

/** Acronyms the text spells out before them: "computer-aided dispatch (CAD)". */
function spelledOutOtherwise(matcher: SkillMatcher, text: string, h: Hit): boolean {
  if (text.charCodeAt(h.start - 1) !== 40 || text.charCodeAt(h.end) !== 41) return false;
  const acronym = text.slice(h.start, h.end);
  if (!/^[A-Z]{2,6}$/.test(acronym)) return false;
  const words = text
    .slice(Math.max(0, h.start - 90), h.start - 1)
    .trimEnd()
    .split(/[\s\-–/]+/)
    .slice(-acronym.length);
  if (words.length !== acronym.length) return false;
  for (let k = 0; k < words.length; k++)
    if (words[k]!.charAt(0).toUpperCase() !== acronym.charAt(k)) return false;
  const expansion = words.join(' ');
  const name = matcher.skills[h.entry.skill]!.name;
  return (
    findSkillName(matcher, expansion) !== name &&
    findSkillName(matcher, `${expansion}s`) !== name &&
    findSkillName(matcher, expansion.replace(/s$/, '')) !== name
  );
}

/** "GCP (Good Clinical Practice)": an acronym the text spells out after it as something else. */
function spelledAfterOtherwise(matcher: SkillMatcher, text: string, h: Hit): boolean {
  const acronym = text.slice(h.start, h.end);
  if (!ACRONYM.test(acronym)) return false;
  const close = text.indexOf(')', h.end + 2);
  if (close === -1 || close - h.end > 80) return false;
  const words = text
    .slice(h.end + 2, close)
    .split(/[\s\-–/]+/)
    .filter((w) => w !== '' && !/^(?:of|and|the|for|in|&)$/i.test(w));
  if (words.length !== acronym.length) return false;
  for (let k = 0; k < words.length; k++)
    if (words[k]!.charAt(0).toUpperCase() !== acronym.charAt(k)) return false;
  const expansion = text.slice(h.end + 2, close);
  const name = matcher.skills[h.entry.skill]!.name;
  return (
    findSkillName(matcher, expansion) !== name && findSkillName(matcher, expansion.replace(/s$/, '')) !== name
  );
}

/** The kinds whose rules below read the hit's words. */
const WORDS_READ = new Set(['domain', 'practice', 'qualification', 'soft']);

/** Whether the sticky expression `re` matches `s` at `at`. */
function stickyAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(s);
}

/** The words PREFERRED_TO and LEFT_BEHIND can end on, before the spaces that end them. */
const COMPARISON_ENDS = ['than', 'of', 'off', 'from', 'a', 'an', 'the', 'our', 'their'];
/** Their last letters: most words before a hit end otherwise ("with", "and"), and are settled there. */
const COMPARISON_LAST = new Set(COMPARISON_ENDS.map((w) => w.charCodeAt(w.length - 1)));

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

/**
 * A skill the sentence values less, one the team is moving away from, a headcount of colleagues, or
 * anything in a sentence that lists what the job gives (see the patterns above).
 */
function givenOrComparedAway(lower: string, s: SentenceCache, h: Hit): boolean {
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
  const next = lower.charCodeAt(h.end);
  if (
    (next === 44 || next === 41 || lower.startsWith(' and ', h.end)) &&
    wordAfterListStart(lower, h.start) &&
    COUNTED_BEFORE.test(lower.slice(from, h.start))
  )
    return true;
  if (next === 32) {
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

/**
 * Whether the accepted hit `h` reads here as something other than a skill asked of the candidate
 * (see the file comment). `category` is the skill's category.
 */
export function otherReading(
  matcher: SkillMatcher,
  text: string,
  lower: string,
  s: SentenceCache,
  h: Hit,
  category: string,
): boolean {
  if (text.charCodeAt(h.start - 1) === 40 && spelledOutOtherwise(matcher, text, h)) return true;
  if (
    text.charCodeAt(h.end) === 32 &&
    text.charCodeAt(h.end + 1) === 40 &&
    spelledAfterOtherwise(matcher, text, h)
  )
    return true;
  if (
    text.charCodeAt(h.start - 1) === 45 &&
    ACRONYM_BEFORE.test(text.slice(Math.max(0, h.start - 8), h.start))
  )
    return ACRONYM.test(text.slice(h.start, h.end));
  if (givenOrComparedAway(lower, s, h)) return true;
  if (inEmployerName(text, h) || ampersandName(matcher, text, h)) return true;
  // The words of the hit, cut only for the kinds whose rules read them.
  const wordsRead = WORDS_READ.has(category);
  if (!wordsRead && applicationChannel(lower, s, h)) return true;
  if (wordsRead && lower.charCodeAt(h.end) === 45 && lower.startsWith(READY_AFTER, h.end)) return true;
  const words = wordsRead ? lower.slice(h.start, h.end) : '';
  if (
    lower.charCodeAt(h.start) === 99 &&
    lower.startsWith('consultation', h.start) &&
    NAMED_SERVICE_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start))
  )
    return true;
  switch (category) {
    case 'domain':
      if (!words.includes(' ') && DOMAIN_AS_MODIFIER.test(lower.slice(h.end, h.end + 16))) return true;
      if (GIVEN_AFTER.test(lower.slice(h.end, h.end + 14))) return true;
      if (
        words === 'leisure' &&
        /\b(?:your|own|their|our|at)\s+$/.test(lower.slice(Math.max(0, h.start - 8), h.start))
      )
        return true;
      if (words === 'charity' && CHARITY_EVENT.test(lower.slice(h.end, h.end + 16))) return true;
      if (words === 'insurance' && POLICY_BEFORE.test(lower.slice(Math.max(0, h.start - 24), h.start)))
        return true;
      if ((words === 'defence' || words === 'defense') && LINE_OF.test(lower.slice(h.start - 12, h.start)))
        return true;
      if (pricedBuilding(lower, h) || kindsOfProjects(lower, s, h)) return true;
      return customersField(lower, s, h) || otherGroup(lower, s, h) || otherTeams(lower, s, h);
    case 'practice':
      if (!words.includes(' ') && THING_AFTER.test(lower.slice(h.end, h.end + 16))) return true;
      if (aboutProduct(s, h) || productMade(s, h)) return true;
      if (
        (words === 'database' || words === 'databases') &&
        OWNED_BEFORE.test(lower.slice(Math.max(0, h.start - 40), h.start)) &&
        !DATA_KIND_BEFORE.test(lower.slice(Math.max(0, h.start - 16), h.start))
      )
        return true;
      if (otherTeams(lower, s, h)) return true;
      if (words === 'plan and deliver' && !TAUGHT_AFTER.test(lower.slice(h.end, h.end + 48))) return true;
      if (words === 'testing' && THINGS_TESTED.test(lower.slice(Math.max(0, h.start - 24), h.start)))
        return true;
      if (words.startsWith('interpret'))
        return (
          INTERPRET_OBJECT.test(lower.slice(h.end, h.end + 60)) ||
          INTERPRET_BEFORE.test(lower.slice(Math.max(0, h.start - 24), h.start))
        );
      if (
        (words === 'diaries' || words === 'diary') &&
        RECORD_DIARY_BEFORE.test(lower.slice(h.start - 12, h.start))
      )
        return true;
      if (words === 'tickets' && CERT_TICKETS_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start)))
        return true;
      if (words.startsWith('recruit') && recruitersAnswer(lower, s, h)) return true;
      return otherGroup(lower, s, h) || registeredOrg(lower, h);
    case 'qualification':
      if (words === 'bs' && STANDARD_AFTER.test(text.slice(h.end, h.end + 5))) return true;
      if (memberOf(lower, h)) return true;
      return otherGroup(lower, s, h) || registeredOrg(lower, h);
    case 'soft':
      if (
        words.startsWith('organi') &&
        ORGANISATION.test(words) &&
        NOUN_OF_SOMETHING.test(lower.slice(Math.max(0, h.start - 16), h.start))
      )
        return true;
      if (words === 'accurate' && COMPARED.test(lower.slice(Math.max(0, h.start - 8), h.start))) return true;
      return otherGroup(lower, s, h) || otherTeams(lower, s, h);
    case 'language':
      // "Java coffee every morning": the drink.
      return lower.charCodeAt(h.end) === 32 && lower.startsWith(' coffee', h.end);
    case 'spoken':
      return NATIONALITY_LIST.test(lower.slice(h.end, h.end + 48));
    case 'tool':
    case 'platform':
      return (
        lower.charCodeAt(h.end) === 32 &&
        PROFILE_AFTER.test(lower.slice(h.end, h.end + 12)) &&
        s.has(SENDING, h.start)
      );
    default:
      return false;
  }
}
