/**
 * Names a skill word can be part of: a company or place ("Aston Recruitment", "Northgate
 * Hospital", "the Housing Act"), an organisation in a header line, or a job title ("Site
 * Reliability Engineer"). A word inside a name is not asked of the candidate.
 */

import { type Hit, isWord } from './hits.ts';
import type { SentenceCache } from './sentences.ts';

/**
 * "Aston Recruitment is…", "Corecom Consulting", "we are recruiting": a method or field word that
 * is part of a capitalised name (the word before it is capitalised too, with only a space between)
 * or a verb after "are"/"is".
 */
const NAME_VERB = /^ (?:is|are|has|have|was|were|builds|makes|helps|runs|provides|offers)\b/;
const NAME_END =
  /^ (?:Act|Acts|Association|Trust|Council|Group|Ltd|Limited|Inc|LLC|plc|PLC|Partners|Partnership|Foundation|Society|Bank|Agency|Authority|Board|Institute)\b/;

export function partOfName(text: string, lower: string, s: SentenceCache, h: Hit): boolean {
  const first = text.charCodeAt(h.start);
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
  // "we are recruiting", "a software company selling to accountants": what the company does.
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

/** Words that end the name of an organisation or a place ("Northgate Hospital", "Oakfield School"). */
const ORG_END =
  /^(?: [A-Z][a-z]+)? (?:Society|Council|Trust|Ltd|Limited|LLP|Inc|plc|PLC|Group|Services|Foundation|Partnership|Association|Authority|Co\.|Hospitals?|School|College|University|Academy|Clinic|Surgery|Hotel)(?![A-Za-z])/;

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
  if (!/^[A-Z][A-Za-z'&.-]*(?: [A-Z][A-Za-z'&.-]*)* $/.test(text.slice(a, h.start))) return false;
  return /^(?:\s*$|\s*[,(—–|]|\s+-\s)/.test(text.slice(h.end, Math.min(b, h.end + 4)) || ' ');
}
