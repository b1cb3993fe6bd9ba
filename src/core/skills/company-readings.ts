/**
 * Readings of a skill word that name the company or the people around the job rather than a skill
 * asked of the candidate: the fields of the company's customers ("for construction and agriculture
 * customers", "lending to manufacturers"), parties the job deals with ("liaise with hauliers,
 * shipping lines and HMRC"), departments and colleagues ("our in-house recruitment team", "with our
 * ML engineers", "the retail and ecommerce teams"), a regulator or body the company belongs to ("a
 * CQC-registered provider"), what the company makes ("builds the ticketing apps"), its projects ("a
 * £14m secondary school", "education, healthcare and residential projects"), the names it gives its
 * own products ("our house blend, Morning Java"). Its name ("Ember &
 * Oak", "Helix Arbor Therapeutics") is read in names.ts. Every pattern is compiled once;
 * other-readings.ts calls these only on accepted hits.
 */

import { charCodes, endsAt, endsAtOneOf, type Hit } from './hits.ts';
import { type SentenceCache, sentenceTest, wordsTest } from './sentence-cache.ts';
import { mentionsCandidate } from './sentences.ts';

/** "for food manufacturers and national retailers", "lending to farms", "We advise housebuilders". */
const CUSTOMERS_BEFORE =
  /\bfor\s+((?:[a-z0-9'&,-]+\s+){0,6})$|\b(?:lend(?:s|ing)? to|advis(?:e|es|ing)|serv(?:e|es|ing)|work(?:s|ing)? with|partner(?:s|ing)? with|rang(?:e|es|ing) from)\s+((?:[a-z0-9'&,-]+\s+){0,9})$|\b(?:clients|customers|partners|brands) (?:include|including|such as|like|are)\s+((?:[a-z0-9'&,-]+\s+){0,8})$/;
/** "sold in grocery stores", "stocked by supermarkets": where the company's products are sold. */
const SOLD_BEFORE = /\b(?:sold|stocked|available) (?:in|to|through|by|at)\s+(?:[a-z0-9'&,-]+\s+){0,4}$/;
/**
 * "around 80 small businesses in South Wales: accountants, dental practices, architects, a couple of
 * schools": the company's customers listed after a colon.
 */
const CUSTOMERS_COLON_BEFORE =
  /\b(?:businesses|clients|customers|organi[sz]ations|companies|firms|brands|employers|members)\b[^:.;]{0,40}:\s+((?:[a-z0-9'&,-]+\s+){0,9})$/;
function customersAfterColon(lower: string, a: number, h: Hit): boolean {
  const m = CUSTOMERS_COLON_BEFORE.exec(lower.slice(Math.max(a, h.start - 140), h.start));
  return m !== null && (LISTED.test(m[1]!) || LIST_AFTER.test(lower.slice(h.end, h.end + 24)));
}
/** "for construction, agriculture and marine customers": the list ends in the customers. */
const CUSTOMERS_AFTER =
  /^(?:,? (?:and |or |& )?[a-z-]+){0,4} (?:customers|clients|brands|chains|buyers|users|partners)\b/;
/** "to trucking, construction and field service companies": a list of fields before the firms served. */
const FIRMS_AFTER =
  /^(?:,? (?:and |or |& )?[a-z-]+(?: [a-z-]+)?){1,4} (?:companies|firms|businesses|operators)\b/;
/** "for our hospital", "a writer wanted for a travel insurance site": the employer itself. */
const OWN_BEFORE =
  /\b(?:(?:for|with) (?:our|the|this)|(?:wanted|needed|required|hiring|recruiting|seeks|seeking|sought) for (?:an?|the|our)?\s*(?:[a-z-]+\s+){0,3})\s*(?:[a-z-]+\s+)?$/;
/** A hit that is one of several listed: "manufacturers, farms and family firms". */
const LISTED = /,|\b(?:and|or)\b|&/;
const LIST_AFTER = /^(?:\s+[a-z-]+)?(?:,\s*[a-z]|\s+(?:and|or|&)\s+[a-z])/;
/** "liaise with hauliers, shipping lines and HMRC": the parties the job deals with, listed. */
const PARTIES_BEFORE =
  /\b(?:liais(?:e|es|ing)|deal(?:s|ing)?|coordinat(?:e|es|ing)|negotiat(?:e|es|ing)|communicat(?:e|es|ing)|correspond(?:s|ing)?|relationships?|links?|partnerships?|work(?:s|ing)? closely|collaborat(?:e|es|ing))\s+with\s+((?:[a-z0-9'&,-]+\s+){0,6})$/;

/**
 * A field word the company names about its customers, in a sentence that asks nothing of the
 * candidate: "We move goods for food manufacturers and national retailers", "sold in grocery
 * stores", "for construction, agriculture and marine customers", "for haulage firms, councils and
 * builders". One field alone after "for" ("software for dental clinics", "websites for charities")
 * is the field the work serves and stays. Parties the job liaises, deals or works closely with,
 * listed ("liaise with hauliers, shipping lines and HMRC", "relationships with neighbours and the
 * local authority", "work closely with community mental health teams, GPs and housing officers"),
 * are not its field even in a sentence about the candidate.
 */
/**
 * A word every match of PARTIES_BEFORE, OWN_BEFORE, SOLD_BEFORE and CUSTOMERS_BEFORE holds (each
 * reads the hit's sentence only), looked for once per sentence.
 */
const CUSTOMER_WORDS = wordsTest(
  'for with sold stocked available lend lends lending advise advises advising serve serves serving range ranges ranging clients customers partners brands',
);
export function customersField(lower: string, s: SentenceCache, h: Hit): boolean {
  const [a] = s.at(h.start);
  // A sentence without those words, and no colon in the 80 characters before the hit (within the
  // sentence): none of the expressions that read before the hit can match; only those after it.
  if (!s.has(CUSTOMER_WORDS, h.start)) {
    let colon = false;
    for (let i = Math.max(a, h.start - 80); i < h.start && !colon; i++) colon = lower.charCodeAt(i) === 58;
    if (!colon) {
      const after = lower.slice(h.end, h.end + 48);
      return (CUSTOMERS_AFTER.test(after) || FIRMS_AFTER.test(after)) && !mentionsCandidate(s, h.start);
    }
  }
  const before = lower.slice(Math.max(a, h.start - 80), h.start);
  const listed = (words: string) => LISTED.test(words) || LIST_AFTER.test(lower.slice(h.end, h.end + 24));
  const parties = PARTIES_BEFORE.exec(before);
  if (parties !== null && listed(parties[1]!)) return true;
  if (mentionsCandidate(s, h.start)) return false;
  if (OWN_BEFORE.test(before)) return false;
  if (SOLD_BEFORE.test(before)) return true;
  const m = CUSTOMERS_BEFORE.exec(before);
  if (m !== null && listed(m[1] ?? m[2] ?? m[3]!)) return true;
  if (before.includes(':') && customersAfterColon(lower, a, h)) return true;
  const after = lower.slice(h.end, h.end + 48);
  return CUSTOMERS_AFTER.test(after) || FIRMS_AFTER.test(after);
}

/**
 * "the compliance team", "our in-house recruitment team", "with our ML engineers", "share the work
 * with our Android developer" (one colleague); FIRM_AFTER.
 */
const GROUP_AFTER =
  /^(?:(?:,|,? and|,? or|,? &) (?:the )?[a-z-]+(?: [a-z-]+)?){0,3} (?:teams?|departments?|dept|functions?|colleagues|engineers?|developers?|designers?|nurses|analysts?|scientists?|specialists?|staff|committees?|boards?|panels?|units?|managers?|directors?|leads?|leaders?|officers?)\b/;
/** "bugs reported by our QA partner", "briefs for our SEO agency": another firm doing that work. */
const FIRM_AFTER = /^ (?:partners?|agenc(?:y|ies)|vendors?)\b/;
/** The first letters of FIRM_AFTER's words, read before it is tried. */
const FIRM_FIRST = charCodes('pav');
/** The group is one the job deals with: "with the", "to our", "alongside the" (not the team it joins). */
const OTHER_GROUP_BEFORE =
  /\b(?:(?:with|alongside|to|into|from|by|via|contact|ask|tell|inform|notify|across|between|supporting)\s+(?:the|an?|our|your|their|its|[a-z]+'s)|supports?|serves?|serving)\s+(?:[a-z'-]+,?\s+){0,4}$/;
/**
 * "our in-house recruitment team will be in touch", "call our recruiting line or apply online": who
 * answers an application.
 */
const RECRUITERS = /^ (?:team|department|partners?|line|hotline|office|number|portal|page|site|website)\b/;
const ANSWERS = sentenceTest(
  /\b(?:apply|applying|application|applications|in touch|contact you|get back to you|hear from)\b/,
);
/** A recruitment word naming the team that answers applications, not recruitment as the work. */
export function recruitersAnswer(lower: string, s: SentenceCache, h: Hit): boolean {
  return RECRUITERS.test(lower.slice(h.end, h.end + 12)) && s.has(ANSWERS, h.start);
}
/** "our dental nurses", "by our engineers": a plural people word that is the hit itself. */
const PEOPLE_END = [
  'nurses',
  'engineers',
  'developers',
  'analysts',
  'scientists',
  'teachers',
  'accountants',
  'assistants',
];
/** Whether the hit's own words end in one of PEOPLE_END (read in place). */
function peopleEnd(lower: string, h: Hit): boolean {
  for (const word of PEOPLE_END)
    if (word.length <= h.end - h.start && endsAt(lower, h.end, word)) return true;
  return false;
}

/** "nurses, carers, housekeepers and maintenance staff": the group is one of a list of people. */
const PEOPLE_LIST_BEFORE = /[a-z]s,\s+(?:[a-z'-]+,\s+)*(?:[a-z'-]+,?\s+)?(?:and|or|&)\s+$|[a-z]s,\s+$/;
const PEOPLE_AFTER = /^ (?:staff|workers|teams|colleagues|operatives|engineers|technicians|assistants)\b/;

/**
 * The words the expressions about other teams and groups need, looked for once per sentence: the
 * team words TEAMS_IN_BEFORE starts with (it reads only the hit's sentence), and, after a space,
 * the group and people words that TEAMS_LIST_AFTER, GROUP_AFTER and PEOPLE_AFTER end on. A match
 * of those three after a hit that ends before its sentence does lies inside the sentence too
 * (none matches a character that ends one; a hit ending in "." may end the sentence with it). One
 * test for otherTeams and otherGroup both: a sentence without these words settles every hit in it.
 * Two expressions, the words after a space (each starts a word: its first four letters are looked
 * up) and the ones that may stand inside a word ("steamship" holds "teams"), which is run only
 * when the first finds nothing.
 */
const PEOPLE_WORD_STARTS = sentenceTest(
  / (?:team|department|dept|function|colleague|engineer|developer|nurse|analyst|scientist|specialist|staff|committee|board|panel|unit|manager|director|lead|officer|worker|operative|technician|assistant)/,
  'team* depa* dept* func* coll* engi* deve* nurs* anal* scie* spec* staf* comm* boar* pane* unit* mana* dire* lead* offi* work* oper* tech* assi*',
);
const PEOPLE_WORDS_INSIDE = sentenceTest(/teams|departments|colleagues |functions /);
function peopleWords(s: SentenceCache, pos: number): boolean {
  return s.has(PEOPLE_WORD_STARTS, pos) || s.has(PEOPLE_WORDS_INSIDE, pos);
}
function mayNameGroup(s: SentenceCache, h: Hit): boolean {
  return h.end >= s.at(h.start)[1] || peopleWords(s, h.start);
}

export function otherGroup(lower: string, s: SentenceCache, h: Hit): boolean {
  // The 40 characters before the hit (within its sentence), cut only when an expression reads them.
  const from = Math.max(s.at(h.start)[0], h.start - 40);
  if (
    lower.charCodeAt(h.end) === 32 &&
    mayNameGroup(s, h) &&
    PEOPLE_AFTER.test(lower.slice(h.end, h.end + 14)) &&
    PEOPLE_LIST_BEFORE.test(lower.slice(from, h.start))
  )
    return true;
  if (
    lower.charCodeAt(h.end) === 32 &&
    FIRM_FIRST.has(lower.charCodeAt(h.end + 1)) &&
    FIRM_AFTER.test(lower.slice(h.end, h.end + 12)) &&
    OTHER_GROUP_BEFORE.test(lower.slice(from, h.start))
  )
    return true;
  // A group after the hit, or the hit a plural people word, and a word before that makes it one the
  // job deals with; the anchored tests after the hit first, as they are the cheaper.
  const after = lower.charCodeAt(h.end);
  if (
    !(
      (after === 44 || after === 32) &&
      mayNameGroup(s, h) &&
      GROUP_AFTER.test(lower.slice(h.end, h.end + 60))
    ) &&
    !(lower.charCodeAt(h.end - 1) === 115 && peopleEnd(lower, h))
  )
    return false;
  return OTHER_GROUP_BEFORE.test(lower.slice(from, h.start));
}

/** "a CQC-registered provider", "an FCA-regulated firm": the company's regulator. */
const REGISTERED_ORG =
  /^[- ](?:registered|regulated|accredited|approved|rated|inspected)\s+(?:[a-z-]+\s+){0,3}?(?:providers?|company|companies|firms?|employers?|organi[sz]ations?|business(?:es)?|homes?|services?|charity|charities|practices?|nurser(?:y|ies)|schools?|centres?|centers?|agency|agencies|brokers?|lenders?|banks?|insurers?|clinics?)\b/;

/** REGISTERED_ORG after the hit; tried only where "-" or a space and then an r, a or i follow. */
export function registeredOrg(lower: string, h: Hit): boolean {
  const c = lower.charCodeAt(h.end);
  const d = lower.charCodeAt(h.end + 1);
  if ((c !== 45 && c !== 32) || (d !== 114 && d !== 97 && d !== 105)) return false;
  return REGISTERED_ORG.test(lower.slice(h.end, h.end + 48));
}

/** "We are a registered practice of CIEEM": the body the company belongs to. */
const MEMBER_OF =
  /\b(?:we are|we're|is|are)\s+(?:an?\s+)?(?:registered|accredited|approved|certified|chartered)\s+(?:[a-z]+\s+)?(?:of|with|by)\s+(?:the\s+)?$/;
export function memberOf(lower: string, h: Hit): boolean {
  return MEMBER_OF.test(lower.slice(Math.max(0, h.start - 48), h.start));
}

/**
 * "Mapleleaf builds the journey-planning and ticketing apps used by…": a method word naming the
 * kind of product the company makes, in a sentence that asks nothing of the candidate.
 */
const PRODUCT_MADE = sentenceTest(
  /^(?!(?:this|the|your) (?:role|job|position)\b)(?:we|[a-z0-9&'-]+(?: [a-z0-9&'-]+){0,2}) (?:builds?|makes?|develops?|designs?|creates?) (?:the |an? |our )?(?:[a-z-]+,? ){0,5}(?:apps?|software|platforms?|products?|tools?|systems?)\b/,
  // The verb, a whole word (between spaces); every match lies inside the sentence, as none of the
  // characters it matches ends one.
  'build builds make makes develop develops design designs create creates',
);
export function productMade(s: SentenceCache, h: Hit): boolean {
  // Hits of one sentence share its opening: the cache reads it once.
  return s.openingEnd(PRODUCT_MADE, h.start, 100) >= h.end && !mentionsCandidate(s, h.start);
}

/**
 * "ChairsideHQ makes practice management software for dental practices: scheduling, patient
 * reminders, insurance claims and payments in one place": after a colon in a sentence that opens
 * by saying what the company makes, the list is the product's features, not the field of the work
 * ("We make scheduling software for dental clinics", without the list, keeps its field).
 */
export function productFeature(s: SentenceCache, h: Hit): boolean {
  const [a] = s.at(h.start);
  // The opening first: remembered for the sentence, and most sentences have none, so the hit is
  // settled without reading back to the sentence's start for a colon.
  const opening = s.openingEnd(PRODUCT_MADE, h.start, 100);
  if (opening === -1) return false;
  // The last colon of the sentence before the hit, read back to the sentence's start only.
  let colon = h.start;
  while (colon >= a && s.lower.charCodeAt(colon) !== 58) colon--;
  if (colon < a) return false;
  return opening <= colon && !mentionsCandidate(s, h.start);
}

/**
 * "Our products help children learn to read with phonics games and teachers track progress",
 * "Fieldmark helps grain co-ops manage contracts and payments": a sentence whose subject is the
 * company's product, or the company helping its customers, says what the product does, not what
 * the candidate does (unless it speaks to the candidate: "our platform, which you will build…").
 */
const PRODUCT_SUBJECT = sentenceTest(
  /^(?:(?:our|the|its|their) (?:[a-z-]+ )?(?:products?|apps?|platform|software|tools?|solutions?)\b(?! team)|(?!(?:this|the|your|it) )[a-z0-9&'-]+(?: [a-z0-9&'-]+){0,2} (?:is|are) (?:an?|the) (?:[a-z-]+ ){0,3}(?:app|apps|platform|software|tool|product|marketplace)\b|(?!(?:this|the|your) (?:role|job|position)\b)(?:we|[a-z0-9&'-]+(?: [a-z0-9&'-]+){0,2}) (?:helps?|lets|enables|allows) )/,
);
export function aboutProduct(s: SentenceCache, h: Hit): boolean {
  // Both tests are remembered for the sentence.
  return !mentionsCandidate(s, h.start) && s.has(PRODUCT_SUBJECT, h.start);
}

/**
 * "we have moved our quoting, policy administration and claims handling onto Salesforce": the
 * company's own processes, named as what it moved onto a system, in a sentence that asks nothing
 * of the candidate ("you will be moving our payroll onto Sage" keeps it).
 */
const MOVED_OURS = sentenceTest(
  /\b(?:moved|moving|migrated|migrating|brought|bringing|consolidated|consolidating|transferred|transferring) (?:all |most |much )?(?:of )?our\b/,
  'moved moving migrated migrating brought bringing consolidated consolidating transferred transferring',
);
const MOVED_BEFORE =
  /\b(?:moved|moving|migrated|migrating|brought|bringing|consolidated|consolidating|transferred|transferring) (?:all |most |much )?(?:of )?our\s+(?:[a-z'-]+,?\s+(?:(?:and|&)\s+)?){0,8}$/;
const ONTO_AFTER = /^(?:(?:,|,? and|,? &) [a-z'-]+(?: [a-z'-]+){0,2})*\s+(?:onto|on to|into|over to|to)\s/;
export function processesMoved(lower: string, s: SentenceCache, h: Hit): boolean {
  if (!s.has(MOVED_OURS, h.start) || mentionsCandidate(s, h.start)) return false;
  const [a, b] = s.at(h.start);
  return (
    MOVED_BEFORE.test(lower.slice(Math.max(a, h.start - 100), h.start)) &&
    ONTO_AFTER.test(lower.slice(h.end, Math.min(b, h.end + 80)))
  );
}

/**
 * "the retail and ecommerce teams", "brief the kitchen, front of house and housekeeping teams":
 * fields and methods listed as the names of other teams (plural) are the departments the job works
 * with. "experience in finance or HR teams" (where the candidate has worked) is not this.
 */
const TEAMS_LIST_AFTER =
  /^(?:(?:,|,? and|,? &) (?:the )?[a-z-]+(?: [a-z-]+){0,2}){0,3} (?:teams|departments)\b/;
const LIST_BEFORE = /(?:,|\band|&)\s+(?:the )?$/;
const LIST_NEXT = /^(?:,|\s+(?:and|&))\s/;
const INSIDE_TEAMS =
  /\b(?:in|within|join(?:s|ing)?|lead(?:s|ing)?|manag(?:e|es|ing)|run(?:s|ning)?)\s+(?:the |our |your )?(?:[a-z-]+(?: [a-z-]+){0,2}(?:,\s+|,?\s+(?:and|&)\s+))*$/;
/** "the head office teams in finance, marketing and IT", "colleagues across sales, finance and HR". */
const TEAMS_IN_BEFORE =
  /\b(?:teams|departments|colleagues|functions) (?:in|across|such as|including|like) (?:[a-z-]+(?: [a-z-]+)?(?:,|,? and|,? or|,? &) )*$/;
export function otherTeams(lower: string, s: SentenceCache, h: Hit): boolean {
  const [a, b] = s.at(h.start);
  if (h.end < b && !peopleWords(s, h.start)) return false;
  const after = lower.slice(h.end, h.end + 64);
  const teamsAfter =
    (after.includes('teams') || after.includes('departments')) && TEAMS_LIST_AFTER.test(after);
  if (!teamsAfter && !peopleWords(s, h.start)) return false;
  const before = lower.slice(Math.max(0, a, h.start - 64), h.start);
  if (!LIST_BEFORE.test(before) && !LIST_NEXT.test(after)) return false;
  return teamsAfter ? !INSIDE_TEAMS.test(before) : TEAMS_IN_BEFORE.test(before);
}

/**
 * "two live projects, a £14m secondary school and a £6m care home": a building priced as a
 * project is the thing built, not the field ("a £50m construction business" is the company).
 */
const PRICED_BEFORE = /[£$€]\s?\d[\d.,]*\s?(?:k|m|bn|million|billion)?\s+(?:[a-z-]+\s+)?$/;
const COMPANY_AFTER =
  /^ (?:company|business|firm|group|sector|industry|provider|brand|retailer|organi[sz]ation)\b/;

/**
 * "delivering work in education, healthcare, commercial and residential projects": fields in a
 * list of three or more kinds of the company's projects, in a sentence that asks nothing of the
 * candidate ("first fix on new-build and refurbishment projects" is the work itself and stays).
 */
const PROJECTS_AFTER =
  /^(?:(?:,|,? and|,? or|,? &) [a-z-]+){2,4} (?:projects|schemes|developments|buildings|contracts)\b/;
const PROJECT_NOUN = /projects|schemes|developments|buildings|contracts/;
const PROJECTS_LAST =
  /^(?:(?:,|,? and|,? or|,? &) [a-z-]+){1,4} (?:projects|schemes|developments|buildings|contracts)\b/;
export function pricedBuilding(lower: string, h: Hit): boolean {
  const near = lower.slice(Math.max(0, h.start - 32), h.start);
  if (!near.includes('£') && !near.includes('$') && !near.includes('€')) return false;
  return PRICED_BEFORE.test(near) && !COMPANY_AFTER.test(lower.slice(h.end, h.end + 16));
}
/**
 * "a new-build primary school project", "followed by a care home extension", "the hospital
 * refurbishment": a building named as one project the work is on is the thing built, not the field
 * (the singular only: "experience on healthcare projects" may name the sector wanted).
 */
const BUILDING_END =
  /(?:schools?|homes?|hospitals?|academy|nursery|college|prison|station|hotel|library|centre|center|surgery|clinic|warehouse|factory)$/;
const ONE_PROJECT_AFTER =
  /^[ -](?:project|extension|refurb|refurbishment|new-build|new build|build|fit-out|fit out|scheme|contract)\b/;
export function buildingProject(lower: string, h: Hit): boolean {
  const c = lower.charCodeAt(h.end);
  if (c !== 32 && c !== 45) return false;
  return (
    ONE_PROJECT_AFTER.test(lower.slice(h.end, h.end + 16)) && BUILDING_END.test(lower.slice(h.start, h.end))
  );
}
export function kindsOfProjects(lower: string, s: SentenceCache, h: Hit): boolean {
  // PROJECTS_AFTER and PROJECTS_LAST open with a comma, or " and ", " or ", " & ": read in place.
  const c = lower.charCodeAt(h.end);
  if (
    c !== 44 &&
    !(
      c === 32 &&
      (lower.startsWith(' and ', h.end) || lower.startsWith(' or ', h.end) || lower.startsWith(' & ', h.end))
    )
  )
    return false;
  const after = lower.slice(h.end, h.end + 64);
  if (!PROJECT_NOUN.test(after)) return false;
  const listOfThree =
    PROJECTS_AFTER.test(after) || (lower.startsWith(', ', h.start - 2) && PROJECTS_LAST.test(after));
  return listOfThree && !mentionsCandidate(s, h.start);
}

/**
 * "Our house blend, Morning Java, is…", "our best-selling colour, Sage Whisper, has…", "a sofa
 * range called Teams": a capitalised name the company gives its own product (after "our …
 * blend / colour / range," or "… range called"), not the skill of the same name ("a tool called
 * Jira" is the tool).
 */
const PRODUCT_NAMED_BEFORE =
  /\b(?:[Oo]ur|[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z-]+ ){0,2}(?:blends?|colou?rs?|shades?|paints?|ranges?|products?|flavou?rs?|roasts?|brews?|collections?|lines?|models?|sofas?|beers?|ales?|wines?|gins?|dishes|games?)(?:,| called| named) (?:[A-Z][a-z]+ )?$/;

/** PRODUCT_NAMED_BEFORE's nouns, each of which may stand right before its comma. */
const PRODUCT_NOUNS = [
  ...['blend', 'colour', 'color', 'shade', 'paint', 'range', 'product', 'flavour', 'flavor', 'roast'],
  ...['brew', 'collection', 'line', 'model', 'sofa', 'beer', 'ale', 'wine', 'gin', 'game'],
].flatMap((w) => [w, `${w}s`]);
PRODUCT_NOUNS.push('dishes');

/**
 * Whether PRODUCT_NAMED_BEFORE's `(?:,| called| named) ` may end at the space at `space`: a
 * comma right after one of its nouns, or "called" or "named" (read in place).
 */
function namingEndsAt(text: string, space: number): boolean {
  if (text.charCodeAt(space - 1) === 44) return endsAtOneOf(text, space - 1, PRODUCT_NOUNS);
  return endsAt(text, space, ' called') || endsAt(text, space, ' named');
}

/** See PRODUCT_NAMED_BEFORE; a capital first and a space before are read first. */
export function productNamed(text: string, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  if (c < 65 || c > 90 || text.charCodeAt(h.start - 1) !== 32) return false;
  // Right before the name: a comma, "called" or "named" (their "d"), or one capitalised word that
  // follows one of them ("…blend, Morning Java"); most capitalised hits follow a lower-case word.
  let p = h.start - 2;
  if (text.charCodeAt(p) !== 44 && text.charCodeAt(p) !== 100) {
    while (p > h.start - 20 && text.charCodeAt(p) >= 97 && text.charCodeAt(p) <= 122) p--;
    const first = text.charCodeAt(p);
    if (first < 65 || first > 90 || text.charCodeAt(p - 1) !== 32) return false;
    const q = text.charCodeAt(p - 2);
    if (q !== 44 && q !== 100) return false;
    if (!namingEndsAt(text, p - 1)) return false;
  } else if (!namingEndsAt(text, h.start - 1) && !(text.charCodeAt(p) === 100 && namedAfterWord(text, h))) {
    // Most hits after a comma follow a word of a list ("with Java, Python"), and most after a "d"
    // follow "and": neither of which PRODUCT_NAMED_BEFORE's noun, "called" or "named" ends.
    return false;
  }
  return PRODUCT_NAMED_BEFORE.test(text.slice(Math.max(0, h.start - 64), h.start));
}

/**
 * Whether a capitalised word ending in "d" stands right before the hit ("…blend, Red Java"), after
 * a space that `namingEndsAt` accepts: PRODUCT_NAMED_BEFORE's optional name word.
 */
function namedAfterWord(text: string, h: Hit): boolean {
  let p = h.start - 2;
  while (p >= 0 && text.charCodeAt(p) >= 97 && text.charCodeAt(p) <= 122) p--;
  const first = text.charCodeAt(p);
  return first >= 65 && first <= 90 && text.charCodeAt(p - 1) === 32 && namingEndsAt(text, p - 1);
}
