/**
 * How to apply, and what is said about applying: a product named as the way to apply or get in
 * touch ("message us on Instagram", "apply through our Workday portal", "follow us on LinkedIn"),
 * where the applicant's work is found ("a portfolio link (Behance, Dribbble)"), the privacy notice
 * and application instructions ("by applying you agree…"), the language of the form ("applications
 * may be made in Welsh") and the file sent ("your CV in Word or PDF"). None of these asks a skill
 * of the candidate.
 */
import { endsAt, type Hit, lettersFrom } from './hits.ts';
import { type SentenceCache, sentenceTest } from './sentence-cache.ts';

/** A sentence about sending something to apply (a CV, a link, a portfolio). */
export const SENDING = sentenceTest(
  /\b(?:send|share|include|attach|link|apply|cv|resume|résumé|portfolio)\b/,
);

/**
 * "Message us on Instagram", "apply through our Workday page", "submit a resume via Greenhouse": a
 * product named as the way to apply or get in touch, not a skill asked of the candidate.
 */
const APPLY_WAY = sentenceTest(
  /\b(?:to apply|apply(?: now)? (?:via|through|on|online|at|with|by|here|in)|please apply|message us|contact us|dm us|get in touch|reach out to us|send (?:us|your|a) (?:cv|resume|résumé|note|message|application|portfolio|reel|showreel)|(?:submit|upload) (?:a |your )?(?:cv|resume|résumé|application))\b/,
);
const APPLY_WAY_BEFORE = new RegExp(APPLY_WAY.re.source);
/** The word that ends just before `end` (a space at `end`), or ''. */
function wordBefore(lower: string, end: number): string {
  if (lower.charCodeAt(end) !== 32) return '';
  // The space before it, at most 8 back (read no further: a text without spaces made it quadratic).
  for (let i = end - 1; i >= 0 && end - i <= 8; i--)
    if (lower.charCodeAt(i) === 32) return lower.slice(i + 1, end);
  return end + 1 <= 8 ? lower.slice(0, end) : '';
}
export function applicationChannel(lower: string, s: SentenceCache, h: Hit): boolean {
  // Word tests first: most tools have no "on", "via" or "through" before them, and the sentence
  // need not be found for them.
  if (lower.charCodeAt(h.start - 1) !== 32) return false;
  let word = wordBefore(lower, h.start - 1);
  if (word === 'our' || word === 'the' || word === 'a' || word === 'an' || word === 'your')
    word = wordBefore(lower, h.start - 2 - word.length);
  if (word !== 'on' && word !== 'via' && word !== 'through') return false;
  if (!s.has(APPLY_WAY, h.start)) return false;
  // The way to apply comes after the words about applying: "message us on Instagram", not "run our
  // campaigns on LinkedIn; apply with a CV".
  const [a] = s.at(h.start);
  return APPLY_WAY_BEFORE.test(lower.slice(a, h.start));
}

/**
 * "Please send a showreel link (Vimeo or YouTube is fine)", "a portfolio link (Behance, Dribbble)":
 * where the applicant's work is found, named in brackets after the link asked for.
 */
const LINK_BEFORE = /\b(?:links?|urls?|profiles?|portfolio|showreel|reel)\s*\($/;

/** Whether `h` stands inside brackets (opened at most 40 characters before it) after LINK_BEFORE's words. */
export function linkNamed(text: string, lower: string, s: SentenceCache, h: Hit): boolean {
  // The nearest bracket before the hit, within 40 characters: an opening one.
  const open = s.bracketBefore(h.start, 40);
  if (open === -1 || text.charCodeAt(open) !== 40) return false;
  return LINK_BEFORE.test(lower.slice(Math.max(0, open - 16), open + 1)) && s.has(SENDING, h.start);
}

/**
 * "Please apply through our Workday portal", "follow us on social media": the tool the application
 * goes through or where the company posts, not a skill.
 */
/**
 * Whether a word ending in the letters `a`, `b` may be the last of "apply through/via/on/using/in
 * (our/the)": "gh", "ia", "on", "ng", "in", "ur" or "he".
 */
function applyWordEnd(a: number, b: number): boolean {
  switch (b) {
    case 104: // h: throuGH, tHE
      return a === 103;
    case 97: // a: vIA
      return a === 105;
    case 110: // n: ON, IN
      return a === 111 || a === 105;
    case 103: // g: usiNG
      return a === 110;
    case 114: // r: oUR
      return a === 117;
    case 101: // e: tHE
      return a === 104;
    default:
      return false;
  }
}
export function applyThrough(lower: string, h: Hit): boolean {
  // Each expression is tried only when the words it needs are there (this runs for every hit).
  if (
    lower.charCodeAt(h.end) === 32 &&
    lower.charCodeAt(h.end + 1) === 112 &&
    /^ portals?\b/.test(lower.slice(h.end, h.end + 8))
  )
    return true;
  // Both expressions below end in a space right before the hit: "… us on (word) ", "… apply
  // through (our) ": the last word is read in place first, and an expression runs only if it fits.
  if (lower.charCodeAt(h.start - 1) !== 32) return false;
  // And a letter before that space (the last of "on", of the word after "us on", or of "through"…).
  const last = lower.charCodeAt(h.start - 2);
  if (last < 97 || last > 122) return false;
  const near = Math.max(0, h.start - 24);
  if (
    (endsAt(lower, h.start, 'on ') || endsAt(lower, lettersFrom(lower, h.start - 1), 'on ')) &&
    /\b(?:follow|find|join|like) us on (?:[a-z]+ )?$/.test(lower.slice(near, h.start))
  )
    return true;
  const before = Math.max(0, h.start - 48);
  return (
    applyWordEnd(lower.charCodeAt(h.start - 3), lower.charCodeAt(h.start - 2)) &&
    /\bapply(?:ing)? (?:[a-z]+ ){0,3}?(?:through|via|on|using|in) (?:our |the )?$/.test(
      lower.slice(before, h.start),
    )
  );
}

/** The privacy notice or application instructions at the end of a posting ("by applying you agree…"). */
const APPLYING = sentenceTest(
  /\b(?:by applying|by submitting|your application|your (?:personal )?data|privacy (?:policy|notice|statement)|applicant data|applications? (?:may|can|should|must|will) be|(?:no|not accept(?:ing)?|don't accept) (?:cvs from )?(?:recruitment )?agencies|recruitment (?:hub|agency|agencies|line|fair|open day|portal|website|page)|(?:walk|pop|drop) in to)\b/,
  // A whole word of each alternative.
  'applying submitting application applications data privacy agencies recruitment walk pop drop',
);
/** "Applications may be submitted in Welsh or English": the language of the form, not of the work. */
const APPLYING_LANGUAGE = sentenceTest(
  /\b(?:applications? (?:may|can|should|must|will) be|in either language|(?:apply|cvs?|resumes?|applications?) in (?:[a-z]+ or )?[a-z]+ (?:only|or)\b)/,
);
/** "Please send your CV in Word or PDF": the words around it are about the file, not the work. */
const SENDING_CV = sentenceTest(
  /\b(?:send|sending|email|emailing|upload|uploading|submit|submitting|attach|attaching|forward) (?:us |over |across )?(?:your|a|an up-to-date) (?:cv|resume|résumé|covering letter|cover letter)\b/,
  // The verb, a whole word.
  'send sending email emailing upload uploading submit submitting attach attaching forward',
);
/**
 * Whether the sentence around `pos` is about applying rather than the work. `notAskedWhenSending`:
 * the skill's kind says nothing asked when the sentence is about sending a CV (sentence-rules.ts).
 */
export function aboutApplying(
  s: SentenceCache,
  pos: number,
  category: string,
  notAskedWhenSending: boolean,
): boolean {
  if (category === 'spoken') return s.has(APPLYING_LANGUAGE, pos);
  return s.has(APPLYING, pos) || (notAskedWhenSending && s.has(SENDING_CV, pos));
}
