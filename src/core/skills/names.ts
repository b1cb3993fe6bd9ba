/**
 * Names a skill word can be part of: a company or place ("Aston Recruitment", "Northgate
 * Hospital", "the Housing Act"), an organisation in a header line, a job title ("Site
 * Reliability Engineer"), the posting's own title line, or someone's post ("Head of Purchasing",
 * "the social media manager"). A word inside a name is not asked of the candidate.
 */

import { charCodes, endsAt, endsAtOneOf, type Hit, isWord, type LineBreaks, spacesFrom } from './hits.ts';
import { findSkillName, type SkillMatcher } from './matcher.ts';
import type { SentenceCache } from './sentence-cache.ts';

/**
 * "Aston Recruitment is…", "Corecom Consulting", "we are recruiting": a method or field word that
 * is part of a capitalised name (the word before it is capitalised too, with only a space between)
 * or a verb after "are"/"is".
 */
const NAME_VERB = /^ (?:is|are|has|have|was|were|builds|makes|helps|runs|provides|offers)\b/;
const NAME_END =
  /^ (?:Act|Acts|Association|Trust|Council|Group|Ltd|Limited|Inc|LLC|plc|PLC|Partners|Partnership|Foundation|Society|Bank|Agency|Authority|Board|Institute)\b/;

/**
 * "Department of Information Technology", "Ministry of Defence", "Office for Students": a public
 * body; "a member of Feeding America": an organisation the company belongs to.
 */
const BODY_OF =
  /\b(?:Department|Ministry|Office|Bureau|Division|Directorate|Secretary|Agency) (?:of|for) (?:the )?$|\b[Mm]embers? of (?:the )?$/;

/** The words before a verb in "-ing" that make it what the company does (see partOfName). */
const DOING_AFTER = [
  'are',
  'is',
  'currently',
  'now',
  "we're",
  'company',
  'companies',
  'business',
  'firm',
  'brand',
  'agency',
];

export function partOfName(text: string, lower: string, s: SentenceCache, h: Hit): boolean {
  const first = text.charCodeAt(h.start);
  // Read in place first: "of " or "for " (or "the ") ends right before a capitalised hit.
  if (
    first >= 65 &&
    first <= 90 &&
    (endsAt(text, h.start, 'of ') || endsAt(text, h.start, 'for ') || endsAt(text, h.start, 'the ')) &&
    BODY_OF.test(text.slice(Math.max(0, h.start - 28), h.start))
  )
    return true;
  if (first >= 65 && first <= 90 && h.start >= 2 && text.charCodeAt(h.start - 1) === 32) {
    let w = h.start - 1;
    while (w > 0 && isWord(text.charCodeAt(w - 1))) w--;
    const c = text.charCodeAt(w);
    if (w < h.start - 1 && c >= 65 && c <= 90) {
      if (w > s.at(h.start)[0]) return true;
      // "Northwind Freight is a logistics company": a name opening the sentence as its subject.
      if (text.charCodeAt(h.end) === 32 && NAME_VERB.test(text.slice(h.end, h.end + 12))) return true;
    }
  }
  // "the Housing Act", "a Retail Bank", "Social Care Trust": the word begins a proper name.
  if (
    first >= 65 &&
    first <= 90 &&
    nameWordAfter(text, h.end) &&
    NAME_END.test(text.slice(h.end, h.end + 14))
  )
    return true;
  if (lower.charCodeAt(h.end - 1) !== 103 || !lower.endsWith('ing', h.end)) return false;
  // "we are recruiting", "a software company selling to accountants": what the company does. One
  // of the words, then spaces, is read in place before the expression is tried.
  const spaces = spacesFrom(lower, h.start);
  if (spaces === h.start || !endsAtOneOf(lower, spaces, DOING_AFTER)) return false;
  return /\b(are|is|currently|now|we're|company|companies|business|firm|brand|agency)\s+$/.test(
    lower.slice(Math.max(0, h.start - 12), h.start),
  );
}

/** The last words of a job title after a skill word: "Site Reliability Engineer", "Customer Service Advisor". */
const TITLE_AFTER =
  /^(?: [A-Z][A-Za-z-]*)? (?:Engineer|Executive|Manager|Officer|Advis[eo]r|Assistant|Analyst|Specialist|Co-?ordinator|Consultant|Lead|Technician|Developer|Administrator|Director|Associate|Representative|Agent|Operative|Inspector|Electrician|Supervisor|Worker|Clerk|Architect|Designer|Partner|Apprentice|Trainee|Intern|Leader|Teacher|Nurse|Practitioner|Planner|Buyer|Accountant|Solicitor|Paralegal|Receptionist|Scientist|Researcher|Instructor|Trainer|Tutor|Mechanic|Fitter|Installer|Surveyor|Controller|Producer|Writer|Editor|Carer|Driver)s?\b/;

/** A capitalised method, field or people word inside a job title ("Site Reliability Engineer"). */
export function inJobTitle(text: string, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  // Both expressions start with a space (checked first: this runs for most hits).
  if (c < 65 || c > 90 || text.charCodeAt(h.end) !== 32) return false;
  const next = text.charCodeAt(h.end + 1);
  if (next >= 65 && next <= 90 && TITLE_AFTER.test(text.slice(h.end, h.end + 40))) return true;
  // "Payroll administrator wanted for…": a one-paragraph posting opening with its job title.
  return (
    (h.start === 0 || text.charCodeAt(h.start - 1) === 10) &&
    TITLE_AFTER_LOWER.test(text.slice(h.end, h.end + 40))
  );
}
const TITLE_AFTER_LOWER = new RegExp(TITLE_AFTER.source, 'i');

/** Kinds a company or place name is made of ("Northgate Building Society", "Caerwent County Council"). */
export const NAMED_KINDS = new Set(['practice', 'domain', 'soft', 'business', 'qualification']);
/**
 * Whether a space and a capital (or the "p" of "plc") follow `end`: NAME_END and ORG_END can only
 * match there, and checking two characters is cheaper than cutting a string for the expression.
 */
function nameWordAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  const c = text.charCodeAt(end + 1);
  return (c >= 65 && c <= 90) || c === 112;
}

/**
 * Words that end the name of an organisation or a place ("Northgate Hospital", "Oakfield School",
 * "Northgate Distribution"). Not "Systems" or "Solutions": "Epic Systems" and "SAP Solutions" name
 * the product as often as the firm; nor "Recruitment": "Public Sector Recruitment" names the field
 * the agency hires for.
 */
const ORG_END =
  /^(?: [A-Z][a-z]+)? (?:Society|Council|Trust|Ltd|Limited|LLP|Inc|plc|PLC|Group|Services|Foundation|Partnership|Partners|Association|Authority|Co\.|Hospitals?|School|College|University|Academy|Clinic|Surgery|Hotel|Distribution|Logistics|Freight|Consulting|Consultancy|Holdings|Industries)(?![A-Za-z])/;

/**
 * "Northgate Building Society, Leeds", "Caerwent County Council — Grade 7", "Meridian Pharma
 * Services", "Northgate Hospital": a capitalised word of an organisation's name, in a header line or before a word
 * that ends a name, is the employer, not a skill.
 */
export function nameInHeader(text: string, s: SentenceCache, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  if (c < 65 || c > 90 || inJobTitle(text, h)) return false;
  if (nameWordAfter(text, h.end) && ORG_END.test(text.slice(h.end, h.end + 24))) return true;
  // A capitalised name opening a short header line: "Caerwent County Council — Grade 7".
  const [a, b] = s.at(h.start);
  const last = b > a ? text.charCodeAt(b - 1) : 0;
  if (h.start === a || b - a > 90 || last === 46 || last === 33 || last === 63) return false;
  const open = text.charCodeAt(a);
  if (open < 65 || open > 90 || text.charCodeAt(h.start - 1) !== 32) return false;
  // The word right before the space is capitalised, and a space (or the sentence's start) stands
  // before it: read in place before the expression below is tried on every word.
  let w = h.start - 1;
  while (w > a && HEADER_WORD.has(text.charCodeAt(w - 1))) w--;
  const capital = text.charCodeAt(w);
  if (w === h.start - 1 || capital < 65 || capital > 90 || (w > a && text.charCodeAt(w - 1) !== 32))
    return false;
  if (!/^[A-Z][A-Za-z'&.-]*(?: [A-Z][A-Za-z'&.-]*)* $/.test(text.slice(a, h.start))) return false;
  return /^(?:\s*$|\s*[,(—–|]|\s+-\s)/.test(text.slice(h.end, Math.min(b, h.end + 4)) || ' ');
}

/** The characters of a header's words after their capital: `[A-Za-z'&.-]`. */
const HEADER_WORD = charCodes("'&.-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

/**
 * "Registered Nurse, Surgical Ward" over a text that asks for an RN licence: a skill in the title
 * line that the text names again is the job's name, not one more mention of the skill.
 */
export function dropTitleRepeats(text: string, hits: Hit[]): void {
  const nl = text.indexOf('\n');
  if (nl <= 0 || nl > 90 || /[.!?]\s*$/.test(text.slice(0, nl))) return;
  if (text.slice(0, nl).split(' ').length > 10) return;
  for (const h of hits) {
    if (h.start >= nl) break;
    if (!h.accepted) continue;
    if (hits.some((o) => o.start > nl && o.accepted && o.skill === h.skill)) h.accepted = false;
  }
}

/**
 * Whether a hit lies in the posting's own title: a short first line ("QA Automation Engineer"), or
 * the capitalised words that open a one-paragraph posting ("Payroll Administrator wanted for…",
 * "QA Automation Engineer. Lanternfish is…"). A job title in running text names someone's post
 * ("report to the Purchasing Manager", "the successful Automation Test Analyst will…", "as a
 * DevOps Engineer you…"), not a skill asked of the candidate (GUIDE: job titles are not labelled).
 */
export function inTitleLine(text: string, h: Hit, breaks: LineBreaks): boolean {
  const nl = breaks.first();
  const end = nl < 0 ? text.length : nl;
  if (h.start >= end) return false;
  if (nl > 0 && end <= 90 && !/[.!?]\s/.test(text.slice(0, h.start))) return true;
  // A title is short: past 200 characters the words before the hit are no title (and reading them
  // all for each hit made a long line of capitalised words quadratic).
  return h.start <= 200 && TITLE_WORDS.test(text.slice(0, h.start));
}
/**
 * Words of a title: each capitalised (or a number, "&", "/", "–"), none ending a sentence, and not
 * a sentence's article ("The Test Consultant / Automation Test Analyst will…").
 */
const TITLE_WORDS =
  /^(?!(?:The|A|An|As|This|Our|Your|We|You|My|They)\s)(?:(?:[A-Z0-9(][^\s.!?]*|[&/–—-])\s+)*$/;
/** A skill name that ends in a post ("HR Business Partner", "social media manager"): a person. */
const ROLE_END =
  /\b(?:partner|manager|officer|director|advis[eo]r|executive|engineer|analyst|assistant|co-?ordinator|specialist|consultant|supervisor|technician)s?$/;
/** "the social media manager", "a data analyst": a post, not "work with partners". */
const ROLE_DETERMINER = /\b(?:the|an?|our|your|their)\s+$/;
/** "HR Business Partner" (every word capitalised), not "Mentor engineers" (a verb and its object). */
const TITLE_CASE = /^[A-Z][A-Za-z&-]*(?: [A-Z][A-Za-z&-]*)+$/;
/** Whether "of ", "for " or "the " ends right before `start`, as HEAD_OF needs. */
const afterOfOrFor = (text: string, start: number) =>
  endsAt(text, start, 'of ') || endsAt(text, start, 'for ') || endsAt(text, start, 'the ');
/** ROLE_END's words. */
const ROLE_WORDS = [
  'partner',
  'manager',
  'officer',
  'director',
  'adviser',
  'advisor',
  'executive',
  'engineer',
  'analyst',
  'assistant',
  'coordinator',
  'co-ordinator',
  'specialist',
  'consultant',
  'supervisor',
  'technician',
];
/** Whether one of ROLE_END's words ends right before `end`, or before a plural's "s" there (read in place). */
function roleWordEnds(lower: string, end: number): boolean {
  return endsAtOneOf(lower, lower.charCodeAt(end - 1) === 115 ? end - 1 : end, ROLE_WORDS);
}
/** "Head of Purchasing", "Director of Operations": the rest of a job title. */
const HEAD_OF = /\b(?:Head|Director|Chief|VP|Vice President|Manager|Officer)s? (?:of|for) (?:the )?$/;

/**
 * "Head of Purchasing", "the social media manager", "HR Business Partner": a skill name that is
 * the rest of a post or ends in one names a person, not a skill asked.
 */
export function namesAPost(text: string, lower: string, h: Hit): boolean {
  return (
    (afterOfOrFor(text, h.start) && HEAD_OF.test(text.slice(Math.max(0, h.start - 16), h.start))) ||
    (roleWordEnds(lower, h.end) &&
      ROLE_END.test(lower.slice(Math.max(h.start, h.end - 14), h.end)) &&
      (TITLE_CASE.test(text.slice(h.start, h.end)) ||
        ROLE_DETERMINER.test(lower.slice(Math.max(0, h.start - 8), h.start))))
  );
}

/**
 * "Helix Arbor Therapeutics is a biotech … Helix Arbor is an equal opportunity employer": the
 * employer's name, found as two to four capitalised words opening a sentence before "is", "has",
 * "builds"…, and named at least twice in the text. A skill word inside it is part of the name.
 */
const NAME_SUBJECT =
  /(?:^|[.!?]\s+|\n)((?!(?:Our|The|This|That|We|You|Your|It|They|A|An|All|Every|Each|Strong|Excellent|Good|Experience|Knowledge)\b)[A-Z][A-Za-z&'-]+(?: [A-Z][A-Za-z&'-]+){1,3}),?(?: (?:Inc|Ltd|LLC|LLP|plc)\.?,?)? (?:is|are|has|have|was|were|builds|makes|helps|runs|provides|offers|designs|develops|supplies|delivers|moves|sells|serves|employs|operates)\b/g;
let namesOf = '';
let names: string[] = [];
/** The employer names of `namesOf` by each word in them (runs of word characters): see inEmployerName. */
let namesByWord = new Map<string, string[]>();
function employerNames(text: string): string[] {
  if (text === namesOf) return names;
  namesOf = text;
  names = [];
  namesByWord = new Map();
  for (const m of text.matchAll(NAME_SUBJECT)) {
    const name = m[1]!;
    const first = text.indexOf(name);
    if (names.includes(name)) continue;
    if (text.indexOf(name, first + name.length) !== -1) names.push(name);
    // Named once, the words are still a name when the sentence says what the company is: "Northgate
    // Forwarding is an independent freight forwarder" (not a post: "Data Engineer is a new role";
    // not a skill valued: "Fluent French is a strong plus").
    else if (
      A_COMPANY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)) &&
      !POST_END.test(name)
    )
      names.push(name);
  }
  for (const name of names)
    for (let i = 0; i < name.length; ) {
      const end = wordRunEnd(name, i);
      if (end === i) {
        i++;
        continue;
      }
      const word = name.slice(i, end);
      const list = namesByWord.get(word);
      if (list === undefined) namesByWord.set(word, [name]);
      else if (!list.includes(name)) list.push(name);
      i = end;
    }
  return names;
}
/** Where the run of word characters (`isWord`) starting at `i` ends. */
function wordRunEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isWord(s.charCodeAt(j))) j++;
  return j;
}
/** "… is a", "… is an": the sentence defines the company. */
const A_COMPANY_AFTER =
  /^ an? (?!(?:(?:strong|big|huge|real|definite|distinct|great|nice|major|key|clear|useful|welcome|must|good|important) )*(?:plus|bonus|must|advantage|requirement|asset|benefit|help|priority|skill)\b)/;
const POST_END =
  /\b(?:Engineer|Manager|Developer|Analyst|Specialist|Officer|Lead|Role|Team|Department|Assistant|Director|Coordinator|Advisor|Adviser|Designer|Technician|Nurse|Teacher)s?$/;
export function inEmployerName(text: string, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  if (c < 65 || c > 90) return false;
  employerNames(text);
  // Most texts name no employer this way: then no word is cut out to look up.
  if (namesByWord.size === 0) return false;
  // A name that holds the hit holds its first word as one of its own: the hit starts a word (no
  // word character before it) and ends one. Only those names are tried (a long text names many).
  const candidates = namesByWord.get(text.slice(h.start, wordRunEnd(text, h.start)));
  if (candidates === undefined) return false;
  for (const name of candidates) {
    // A skill that is the whole name ("Customer Service is a priority") is not inside a name.
    if (h.end - h.start >= name.length) continue;
    // Only an occurrence starting between these bounds can hold the hit; searching the slice keeps
    // the search near the hit in a long text.
    const from = Math.max(0, h.end - name.length);
    if (text.slice(from, h.start + name.length).includes(name)) return true;
  }
  return false;
}

/**
 * "Ember & Oak", "Hartwell & Finch", "Pixel & Pine": a capitalised skill word joined by "&" to a
 * capitalised word that is not a skill is a firm's name. Two skills so joined ("Sales &
 * Marketing", "Docker & Kubernetes") stay.
 */
const AMP_AFTER = /^ & ([A-Z][a-z]+)\b/;
/** Whether " & " stands at `p`. */
const ampersandAt = (text: string, p: number) =>
  text.charCodeAt(p) === 32 && text.charCodeAt(p + 1) === 38 && text.charCodeAt(p + 2) === 32;
const AMP_BEFORE = /\b([A-Z][a-z]+) & $/;
export function ampersandName(matcher: SkillMatcher, text: string, h: Hit): boolean {
  const c = text.charCodeAt(h.start);
  if (c < 65 || c > 90) return false;
  // Each expression is tried only where its " & " is there (this runs for every capitalised hit).
  const m =
    (ampersandAt(text, h.end) ? AMP_AFTER.exec(text.slice(h.end, h.end + 24)) : null) ??
    (h.start >= 3 && ampersandAt(text, h.start - 3)
      ? AMP_BEFORE.exec(text.slice(Math.max(0, h.start - 24), h.start))
      : null);
  return m !== null && findSkillName(matcher, m[1]!) === undefined;
}
