/**
 * Readings of a skill word that make it something other than a skill asked of the candidate. The
 * company and the people around the job are read in company-readings.ts, a skill valued less, a
 * headcount or a benefit in given-readings.ts; this file holds the other senses of a word and the
 * dispatcher: an acronym the text spells out as something else ("computer-aided dispatch (CAD)"),
 * a British Standard ("BS EN ISO 9606"), everyday senses of a few skill words ("reading and
 * interpreting drawings", "daily diaries", "OFTEC tickets", "the second line of defence", "more
 * accurate prices"). Every pattern is compiled once; the rules run only on accepted hits.
 */

import { applicationChannel, linkNamed, SENDING } from './applying.ts';
import {
  aboutProduct,
  buildingProject,
  customersField,
  kindsOfProjects,
  memberOf,
  otherGroup,
  otherTeams,
  pricedBuilding,
  processesMoved,
  productFeature,
  productMade,
  productNamed,
  recruitersAnswer,
  registeredOrg,
} from './company-readings.ts';
import { givenOrComparedAway } from './given-readings.ts';
import { charCodes, endsAt, endsAtOneOf, type Hit, hitHasSpace } from './hits.ts';
import { findSkillName, type SkillMatcher } from './matcher.ts';
import { ampersandName, inEmployerName } from './names.ts';
import { type SentenceCache, sentenceTest } from './sentence-cache.ts';

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

/** Whether THING_AFTER may match at `end`: a space or hyphen, then the first letter of one of its words. */
const THING_FIRST = charCodes('scptmavi');
function thingAfterMay(lower: string, end: number): boolean {
  const c = lower.charCodeAt(end);
  return (c === 32 || c === 45) && THING_FIRST.has(lower.charCodeAt(end + 1));
}

/**
 * "across the organization", "a FTSE250 organisation", "the whole organization": the
 * word after an article or a company's possessive is the company, not the trait ("organised",
 * "organisational skills" stay). Other people words after "a"/"the" are traits ("a proactive
 * attitude", "the patience to explain"), so the rule is for this noun only.
 */
const ORGANISATION = /^organi[sz]ations?$/;
const NOUN_OF_SOMETHING = /\b(?:the|an?|this|that|whole|wider|entire|our|their|its)\s+(?:[a-z0-9-]+\s+)?$/;
/**
 * "a contract development and manufacturing organization", "a community health organisation": the
 * kind of organisation the company is, named by what it does.
 */
const KIND_OF_ORGANISATION =
  /\b(?:an?|the|our)\s+(?:[a-z0-9-]+\s+){0,3}(?:[a-z-]+ing|health|healthcare|care|research|charity|charitable|membership|member-led|non-profit|nonprofit|not-for-profit|voluntary|community|public|government|service|services|sales|engineering|technology|development|education|training|housing|sports?)\s+$/;
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
 * samples", "content uniformity testing", "compendial testing": testing of a thing, a body or a
 * sample, not software testing.
 */
const THINGS_TESTED =
  /(?:\b[a-z]+-[a-z-]+|\b(?:wire|blood|drugs?|alcohol|water|soil|gas|pressure|leak|emissions?|materials?|products?|fire|alarms?|pat|appliances?|samples?|lab|laboratory|routine|proficiency|patch|hearing|eye|vision|covid|antigen|pcr|glucose|urine|pregnancy|cable|circuit|insulation|continuity|earth|rcd|concrete|asbestos|legionella|air|noise|weld|ndt|ultrasonic|penetrant|chemical|microbiological|stability|dissolution|food|hypothesis|uniformity|compendial|analytical|qc|assay|potency|purity|sterility|endotoxin|microbial|microbiology|mold|mould|yeast|coliforms?|pathogens?|allergens?|swabs?|moisture))(?: and [a-z]+)?\s+$/;

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

/**
 * "Equivalent combinations of education and experience", "relevant education, training or
 * experience": the candidate's schooling weighed against experience, not the education sector
 * ("experience in education and training" names the field and stays).
 */
const SCHOOLING_AFTER =
  /^(?:(?:,|,? and\/or|,? and|,? or) (?:relevant |related |professional |equivalent |work )?(?:training|experience|qualifications?)\b)+/;
const SECTOR_BEFORE = /\b(?:in|within|across|into|of the) (?:the )?$/;

/** "3D scenes in Cinema 4D with Redshift": the renderer, not Amazon's data warehouse. */
const RENDERING = sentenceTest(
  /\b(?:cinema 4d|c4d|houdini|maya|blender|3ds max|octane|arnold|v-?ray|unreal engine|after effects|3d|render(?:s|ing|er|ers)?)\b/,
);

/**
 * "our studio is in a converted rope factory", "a converted Victorian school", "a restored 1890s
 * cotton warehouse", "a former school": a building's old use.
 */
const CONVERTED_BEFORE =
  /\b(?:converted|restored|renovated|former|disused|repurposed)\s+(?:[a-z0-9'-]+\s+){0,2}$/;

/** "wiring up Firebase", "wire up Stripe webhooks": connecting software, not electrical wiring. */
const WIRED_PRODUCT_AFTER = /^ up (?:the |our )?[A-Z][A-Za-z0-9]/;

/** "bend and terminate EMT, rigid and PVC conduit": electrical metallic tubing, not a paramedic. */
const CONDUIT_AFTER = /^[^.;:!?]{0,40}\bconduits?\b/;
const CONDUIT_BEFORE = /\bbend(?:s|ing)?\b[^.;:!?]{0,24}$/;

/**
 * "hang fire doors to manufacturer and BM TRADA standards", "in line with the manufacturer's
 * instructions": the maker of a product, whose instructions the work follows, not the field.
 */
const MAKERS_WORDS_AFTER =
  /^(?:'s|s'|’s)?(?: (?!and\b|or\b|with\b|in\b|of\b|for\b|at\b|that\b|where\b)[a-z0-9-]+)?(?: (?:and|or|&) [a-z0-9-]+(?: [a-z0-9-]+){0,2})? (?:instructions|standards|specifications?|specs|guidelines|guidance|recommendations|warrant(?:y|ies)|requirements)\b/;

/** "vanity units and IPS panels": integrated plumbing system panels, not intrusion prevention. */
const PANELS_AFTER = /^ (?:panels?|panelling|paneling|boxing|frames?|framework)\b/;

/** "Java coffee", "our house blend, Morning Java, …whole-bean coffee": the drink, in a sentence about coffee and not code. */
const COFFEE = sentenceTest(
  /\b(?:coffee|espresso|blends?|roast(?:s|ed|ing|ery)?|brew(?:s|ed)?|baristas?|latte|cappuccino)\b/,
);
const CODE_WORDS = sentenceTest(
  /\b(?:developers?|develop(?:ment|ing)?|code|coding|software|engineers?|engineering|spring|jvm|kotlin|backend|back-end|programming|apis?)\b/,
);

/** "best-selling", "top-selling", "fastest-selling": see the practice case of `otherReading`. */
const SOLD_WELL_BEFORE = /\b(?:best|top|fast|fastest|biggest|big|strong|steady|quick)-$/;

/** "charity dinners", "charity balls": an event the venue hosts, not the field of the work. */
const CHARITY_EVENT = /^ (?:dinners?|balls?|galas?|auctions?|events?|fundraisers?|concerts?|nights?)\b/;

/** "public liability insurance", "professional indemnity insurance": a policy held, not the field. */
const POLICY_BEFORE = /\b(?:liability|indemnity|van|vehicle|motor trade|tool|business use)\s+$/;

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

/** "fairer and more accurate": a quality of a thing compared, not of a person. */
const COMPARED = /\b(?:more|less|most|least)\s+$/;

/**
 * "reliable transportation to job sites", "a dependable car": a thing the candidate has, not the
 * trait; "thorough knowledge of the protocol", "a thorough, current understanding": how much they
 * know, not care over detail ("a thorough pre-trip inspection", "reliable and punctual" stay).
 */
const THING_DESCRIBED =
  /^ (?:(?:means of )?transport(?:ation)?|vehicles?|cars?|internet(?: connection| access)?|wi-?fi|broadband)\b/;
const KNOWLEDGE_AFTER =
  /^(?:,?\s+(?:and\s+)?(?:current|up-to-date|up to date|working|practical|detailed|technical|sound|broad|deep)){0,2},?\s+(?:knowledge|understanding|grasp|awareness|familiarity)\b/;

/** "Send your CV or GitHub profile": where the applicant is found, not a skill asked. */
const PROFILE_AFTER = /^ (?:profiles?|accounts?|handles?|usernames?|links?|pages?)\b/;
/** The first letters of PROFILE_AFTER's words, read before it is tried. */
const PROFILE_FIRST = charCodes('pahul');

/**
 * "Working knowledge of Oracle Opera (PMS)", "Salesforce (CRM)": an acronym for a kind of system,
 * alone in brackets after a product's name, says what that product is; the product is the skill
 * named (GUIDE.md: the narrow one only). Not when the words before spell it out ("Learning
 * Management System (LMS)").
 */
const SYSTEM_KIND =
  /^(?:PMS|CRM|ERP|EHR|EMR|EPR|LMS|CMS|ATS|HRIS|HRMS|WMS|TMS|POS|EPOS|MIS|BMS|CMMS|CAFM|DMS)$/;
const PRODUCT_BEFORE = /(?:^|[^A-Za-z])([A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*){0,3}) \($/;
function kindOfProduct(text: string, h: Hit): boolean {
  if (text.charCodeAt(h.end) !== 41) return false;
  const acronym = text.slice(h.start, h.end);
  if (!SYSTEM_KIND.test(acronym)) return false;
  const m = PRODUCT_BEFORE.exec(text.slice(Math.max(0, h.start - 48), h.start));
  if (m === null) return false;
  const words = m[1]!.split(' ');
  const initials = words
    .slice(-acronym.length)
    .map((w) => w.charAt(0))
    .join('');
  return initials !== acronym;
}

/**
 * "Download our app from the App Store", "available on the App Store", "our App Store rating": the
 * place the company's app is found or rated, not the skill of publishing to it ("shipped an app to
 * the App Store", "the App Store review process" stay).
 */
const STORE_REACHED_BEFORE =
  /\b(?:download(?:ed|s|ing)?|install(?:ed|s)?|get (?:it|us|the app)|find (?:it|us)|available|live|listed|rated|featured)\b[^.;:!?\n]{0,32}\b(?:on|from|in) (?:the )?(?:apple )?$/;
const OUR_STORE_BEFORE = /\bour (?:apple )?$/;
const STORE_STANDING_AFTER = /^ (?:ratings?|rated|listings?|charts?|downloads|stars?)\b/;
function storeOfOurApp(lower: string, h: Hit): boolean {
  const before = lower.slice(Math.max(0, h.start - 64), h.start);
  if (STORE_REACHED_BEFORE.test(before)) return true;
  return OUR_STORE_BEFORE.test(before) && STORE_STANDING_AFTER.test(lower.slice(h.end, h.end + 12));
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
  const name = matcher.skills[h.skill]!.name;
  return (
    findSkillName(matcher, expansion) !== name &&
    findSkillName(matcher, `${expansion}s`) !== name &&
    findSkillName(matcher, expansion.replace(/s$/, '')) !== name
  );
}

/** "GCP (Good Clinical Practice)": an acronym the text spells out after it as something else. */
function spelledAfterOtherwise(matcher: SkillMatcher, text: string, h: Hit): boolean {
  // ACRONYM's length and first letter, read before the hit is cut out.
  const first = text.charCodeAt(h.start);
  if (h.end - h.start < 2 || h.end - h.start > 6 || first < 65 || first > 90) return false;
  const acronym = text.slice(h.start, h.end);
  if (!ACRONYM.test(acronym)) return false;
  // The closing bracket within 80 characters (searched there only).
  let close = h.end + 2;
  while (close <= h.end + 80 && close < text.length && text.charCodeAt(close) !== 41) close++;
  if (close > h.end + 80 || close >= text.length) return false;
  const words = text
    .slice(h.end + 2, close)
    .split(/[\s\-–/]+/)
    .filter((w) => w !== '' && !/^(?:of|and|the|for|in|&)$/i.test(w));
  if (words.length !== acronym.length) return false;
  for (let k = 0; k < words.length; k++)
    if (words[k]!.charAt(0).toUpperCase() !== acronym.charAt(k)) return false;
  const expansion = text.slice(h.end + 2, close);
  const name = matcher.skills[h.skill]!.name;
  return (
    findSkillName(matcher, expansion) !== name && findSkillName(matcher, expansion.replace(/s$/, '')) !== name
  );
}

/**
 * "read a map without GPS", "welcome applicants without a degree": what the work is done without is
 * not asked ("you can't start without a CSCS card" asks it; "work without supervision" is a trait
 * and "without compromising safety" a method, so neither kind is read here).
 */
const WITHOUT_BEFORE = /\bwithout (?:an? |the |any )?$/;
const WITHOUT_WORDS = ['without ', 'without a ', 'without an ', 'without the ', 'without any '];
const WITHOUT_LAST = charCodes('taney');
const NOT_WITHOUT = /(?:\b(?:not|cannot|never|no one|nobody)|n't)\b[^.;:!?]*$/;
function doneWithout(lower: string, h: Hit, category: string): boolean {
  if (category === 'soft' || category === 'practice' || lower.charCodeAt(h.start - 1) !== 32) return false;
  // The last letter before the space ends one of WITHOUT_WORDS (t, a, n, e, y) or the hit is settled;
  // then the words are compared in place: most hits have no "without" right before them.
  if (!WITHOUT_LAST.has(lower.charCodeAt(h.start - 2)) || !endsAtOneOf(lower, h.start, WITHOUT_WORDS))
    return false;
  const before = lower.slice(Math.max(0, h.start - 64), h.start);
  return WITHOUT_BEFORE.test(before) && !NOT_WITHOUT.test(before.slice(0, before.lastIndexOf('without')));
}

/** Whether the hit's words are `w` (compared in place, without cutting them out). */
function hitIs(lower: string, h: Hit, w: string): boolean {
  return h.end - h.start === w.length && lower.startsWith(w, h.start);
}
/** Whether the hit's words start with `w` (in place). */
function hitStarts(lower: string, h: Hit, w: string): boolean {
  return h.end - h.start >= w.length && lower.startsWith(w, h.start);
}

/** The kinds whose rules below read the hit's words (compared in place: this runs for every hit). */
const wordsReadFor = (category: string) =>
  category === 'domain' || category === 'practice' || category === 'qualification' || category === 'soft';

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
  if (text.charCodeAt(h.start - 1) === 40 && kindOfProduct(text, h)) return true;
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
  if (linkNamed(text, lower, s, h)) return true;
  if (inEmployerName(text, h) || ampersandName(matcher, text, h)) return true;
  // The kinds whose rules read the hit's words (compared in place, below).
  const wordsRead = wordsReadFor(category);
  if (!wordsRead && applicationChannel(lower, s, h)) return true;
  if (wordsRead && lower.charCodeAt(h.end) === 45 && lower.startsWith(READY_AFTER, h.end)) return true;
  if (
    lower.charCodeAt(h.start) === 99 &&
    lower.startsWith('consultation', h.start) &&
    NAMED_SERVICE_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start))
  )
    return true;
  if (productNamed(text, h) || doneWithout(lower, h, category)) return true;
  switch (category) {
    case 'domain':
      if (!hitHasSpace(lower, h) && DOMAIN_AS_MODIFIER.test(lower.slice(h.end, h.end + 16))) return true;
      if (GIVEN_AFTER.test(lower.slice(h.end, h.end + 14))) return true;
      if (
        hitIs(lower, h, 'leisure') &&
        /\b(?:your|own|their|our|at)\s+$/.test(lower.slice(Math.max(0, h.start - 8), h.start))
      )
        return true;
      if (hitIs(lower, h, 'charity') && CHARITY_EVENT.test(lower.slice(h.end, h.end + 16))) return true;
      if (
        (hitIs(lower, h, 'manufacturer') || hitIs(lower, h, 'manufacturers')) &&
        MAKERS_WORDS_AFTER.test(lower.slice(h.end, h.end + 64))
      )
        return true;
      if (CONVERTED_BEFORE.test(lower.slice(Math.max(0, h.start - 40), h.start))) return true;
      if (
        hitIs(lower, h, 'education') &&
        SCHOOLING_AFTER.test(lower.slice(h.end, h.end + 48)) &&
        !SECTOR_BEFORE.test(lower.slice(Math.max(0, h.start - 12), h.start))
      )
        return true;
      if (hitIs(lower, h, 'insurance') && POLICY_BEFORE.test(lower.slice(Math.max(0, h.start - 24), h.start)))
        return true;
      if (
        (hitIs(lower, h, 'defence') || hitIs(lower, h, 'defense')) &&
        LINE_OF.test(lower.slice(h.start - 12, h.start))
      )
        return true;
      if (pricedBuilding(lower, h) || buildingProject(lower, h) || kindsOfProjects(lower, s, h)) return true;
      if (productFeature(s, h)) return true;
      return customersField(lower, s, h) || otherGroup(lower, s, h) || otherTeams(lower, s, h);
    case 'practice':
      if (
        !hitHasSpace(lower, h) &&
        thingAfterMay(lower, h.end) &&
        THING_AFTER.test(lower.slice(h.end, h.end + 16))
      )
        return true;
      if (aboutProduct(s, h) || productMade(s, h) || productFeature(s, h) || processesMoved(lower, s, h))
        return true;
      if (
        (hitIs(lower, h, 'database') || hitIs(lower, h, 'databases')) &&
        OWNED_BEFORE.test(lower.slice(Math.max(0, h.start - 40), h.start)) &&
        !DATA_KIND_BEFORE.test(lower.slice(Math.max(0, h.start - 16), h.start))
      )
        return true;
      if (otherTeams(lower, s, h)) return true;
      if (hitIs(lower, h, 'plan and deliver') && !TAUGHT_AFTER.test(lower.slice(h.end, h.end + 48)))
        return true;
      // "our best-selling colour", "a top-selling range": how well a product sells, not the work of selling.
      if (
        hitIs(lower, h, 'selling') &&
        lower.charCodeAt(h.start - 1) === 45 &&
        SOLD_WELL_BEFORE.test(lower.slice(h.start - 9, h.start))
      )
        return true;
      if (hitIs(lower, h, 'wiring') && WIRED_PRODUCT_AFTER.test(text.slice(h.end, h.end + 12))) return true;
      if (hitIs(lower, h, 'testing') && THINGS_TESTED.test(lower.slice(Math.max(0, h.start - 24), h.start)))
        return true;
      if (hitStarts(lower, h, 'interpret'))
        return (
          INTERPRET_OBJECT.test(lower.slice(h.end, h.end + 60)) ||
          INTERPRET_BEFORE.test(lower.slice(Math.max(0, h.start - 24), h.start))
        );
      if (
        (hitIs(lower, h, 'diaries') || hitIs(lower, h, 'diary')) &&
        RECORD_DIARY_BEFORE.test(lower.slice(h.start - 12, h.start))
      )
        return true;
      if (
        hitIs(lower, h, 'tickets') &&
        CERT_TICKETS_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start))
      )
        return true;
      if (hitStarts(lower, h, 'recruit') && recruitersAnswer(lower, s, h)) return true;
      return otherGroup(lower, s, h) || registeredOrg(lower, h);
    case 'qualification':
      if (hitIs(lower, h, 'bs') && STANDARD_AFTER.test(text.slice(h.end, h.end + 5))) return true;
      if (
        hitIs(lower, h, 'emt') &&
        (CONDUIT_AFTER.test(lower.slice(h.end, h.end + 48)) ||
          CONDUIT_BEFORE.test(lower.slice(Math.max(0, h.start - 32), h.start)))
      )
        return true;
      if (memberOf(lower, h)) return true;
      return otherGroup(lower, s, h) || registeredOrg(lower, h);
    case 'soft':
      if (
        hitStarts(lower, h, 'organi') &&
        ORGANISATION.test(lower.slice(h.start, h.end)) &&
        (NOUN_OF_SOMETHING.test(lower.slice(Math.max(0, h.start - 16), h.start)) ||
          KIND_OF_ORGANISATION.test(lower.slice(Math.max(0, h.start - 64), h.start)))
      )
        return true;
      if (hitIs(lower, h, 'accurate') && COMPARED.test(lower.slice(Math.max(0, h.start - 8), h.start)))
        return true;
      if (
        (hitIs(lower, h, 'reliable') || hitIs(lower, h, 'dependable')) &&
        THING_DESCRIBED.test(lower.slice(h.end, h.end + 24))
      )
        return true;
      if (hitIs(lower, h, 'thorough') && KNOWLEDGE_AFTER.test(lower.slice(h.end, h.end + 48))) return true;
      return otherGroup(lower, s, h) || otherTeams(lower, s, h);
    case 'language':
      // "Java coffee every morning": the drink.
      if (lower.charCodeAt(h.end) === 32 && lower.startsWith(' coffee', h.end)) return true;
      return lower.startsWith('java', h.start) && s.has(COFFEE, h.start) && !s.has(CODE_WORDS, h.start);
    case 'security':
      return lower.startsWith('ips', h.start) && PANELS_AFTER.test(lower.slice(h.end, h.end + 12));
    case 'spoken':
      return NATIONALITY_LIST.test(lower.slice(h.end, h.end + 48));
    case 'analytics':
      return lower.startsWith('redshift', h.start) && s.has(RENDERING, h.start);
    case 'healthcare':
      // "ChairsideHQ makes practice management software": the kind of product the company makes.
      return productMade(s, h);
    case 'tool':
    case 'platform':
      if (lower.startsWith('app store', h.start) && storeOfOurApp(lower, h)) return true;
      return (
        lower.charCodeAt(h.end) === 32 &&
        PROFILE_FIRST.has(lower.charCodeAt(h.end + 1)) &&
        PROFILE_AFTER.test(lower.slice(h.end, h.end + 12)) &&
        s.has(SENDING, h.start)
      );
    default:
      return false;
  }
}
