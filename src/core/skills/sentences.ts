/**
 * Sentences of a job text and what they say about the person asked for. A skill's sentence decides
 * whether a soft skill is asked of the candidate ("strong organisational skills") or only a noun
 * about the company ("our organization"), whether "German" is a language someone speaks, and
 * whether "finance" is a field of study.
 */

/** [start, end) of the sentence around `pos`: bounded by line breaks, bullets and . ! ? before a space. */
export function sentenceAt(text: string, pos: number): [number, number] {
  let start = pos;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || c === 13 || c === 0x2022) break;
    if ((c === 46 || c === 33 || c === 63) && start < text.length && /\s/.test(text[start]!)) break;
    start--;
  }
  let end = pos;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13 || c === 0x2022) break;
    if ((c === 46 || c === 33 || c === 63) && (end + 1 >= text.length || /\s/.test(text[end + 1]!))) {
      end++;
      break;
    }
    end++;
  }
  while (start < end && /[\s\-*•–#>]/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The sentence around `pos`, trimmed to at most `max` characters around the position. */
export function sentenceText(text: string, pos: number, max = 280): string {
  const [a, b] = sentenceAt(text, pos);
  if (b - a <= max) return text.slice(a, b);
  const from = Math.max(a, Math.min(pos - max / 2, b - max));
  const to = Math.min(b, from + max);
  return `${from > a ? '…' : ''}${text.slice(from, to).trim()}${to < b ? '…' : ''}`;
}

/** Words that show a sentence is about the person wanted ("you", "strong", "ability to"). */
const CANDIDATE =
  /\b(you|your|you're|you'll|you've|candidates?|applicants?|ideal|ideally|must|required|requirements?|essential|ability|able to|strong|excellent|good|great|solid|proven|demonstrated|demonstrable|skills?|comfortable|looking for|seeking|need|needs|experience|bring|plus|bonus|preferred|desirable|qualities|qualifications|who is|someone|person)\b/;
/** A noun about the company or someone else: "our organization", "their decision-making". */
const OWNER_BEFORE = /\b(our|their|its|his|her|company's|team's|client's|clients')\s+(?:[a-z-]+\s+)?$/;
/** The skill word used as the subject of a statement: "decision-making in our team is shared". */
const SUBJECT_AFTER =
  /^\s*((is|are|was|were)\b(?!\s+(a must|essential|required|key|important|needed|vital|expected|everything|a plus|desirable|a bonus))|(?:in|at|of|across|within|for) (our|the company|the team|this team)\b)/;

/**
 * True when a working-with-people skill at [start, end) is asked of the candidate: the sentence
 * speaks to or about the person wanted, or it is a short list item ("- Teamwork"), and the word is
 * not a noun about the company ("our organization") or the subject of a statement about it.
 */
export function askedOfCandidate(lower: string, start: number, end: number): boolean {
  const [a, b] = sentenceAt(lower, start);
  const before = lower.slice(a, start);
  const after = lower.slice(end, b);
  if (OWNER_BEFORE.test(before) || SUBJECT_AFTER.test(after)) return false;
  const sentence = lower.slice(a, b);
  if (CANDIDATE.test(sentence)) return true;
  // A bare list item: "Teamwork", "- Attention to detail", "Skills: leadership, planning".
  return sentence.split(/\s+/).length <= 8;
}

/** Words after a spoken language that keep it a language ("German is a plus", "Polish speakers"). */
const LANGUAGE_FOLLOW = new Set([
  'and',
  'or',
  'is',
  'are',
  'would',
  'will',
  'as',
  'at',
  'to',
  'skills',
  'skill',
  'speaker',
  'speakers',
  'speaking',
  'language',
  'languages',
  'level',
  'proficiency',
  'fluency',
  'required',
  'essential',
  'preferred',
  'desirable',
  'a',
  'an',
  'also',
  'both',
  'native',
  'fluent',
  'written',
  'spoken',
  'verbal',
  'c1',
  'c2',
  'b1',
  'b2',
  'mother',
  'plus',
  'welcome',
  'helpful',
]);
/** Words before a spoken language that make it one ("fluent English", "works in English"). */
const LANGUAGE_BEFORE =
  /\b(fluent|fluently|fluency in|native|speak|speaks|speaking|spoken|written|read|business[- ]level|conversational|bilingual|proficient in|proficiency in|knowledge of|(?:work|works|working|communicate|communicating|write|writing) in)\s+(?:and\s+|or\s+|[a-z]+,?\s+(?:and|or)\s+)?$/;
const LANGUAGE_SENTENCE =
  /\b(fluen(t|cy)|native|speak(s|ing|er|ers)?|spoken|bilingual|multilingual|proficien(t|cy)|mother tongue|languages?|c1|c2|b2|business level)\b/;

/**
 * True when a spoken-language name at [start, end) is a language someone speaks rather than an
 * adjective ("German market", "English Premier League"): the next word is not a noun it describes,
 * and a word nearby says language ("fluent", "speakers", "is a plus", "working language").
 */
export function spokenLanguageUse(lower: string, start: number, end: number, listed: boolean): boolean {
  const next = /^[ \t]+([a-z0-9]+)/.exec(lower.slice(end, end + 24));
  const immediate = lower.slice(end, end + 1);
  if (next && /^[ \t]$/.test(immediate) && !LANGUAGE_FOLLOW.has(next[1]!)) return false;
  const [a, b] = sentenceAt(lower, start);
  if (LANGUAGE_BEFORE.test(lower.slice(a, start))) return true;
  if (next && LANGUAGE_FOLLOW.has(next[1]!) && next[1] !== 'and' && next[1] !== 'or' && next[1] !== 'a')
    return true;
  return listed || LANGUAGE_SENTENCE.test(lower.slice(a, b));
}

const DEGREE =
  /\b(degree|degrees|bachelor'?s?|masters?|master's|bsc|b\.sc|ba|bs|msc|m\.sc|ma|meng|beng|phd|ph\.d|doctorate|diploma|graduate|graduated|studied|studying|study|qualification|qualified|major|a-levels?|gcses?|mba|llb)\b/;

/** True when the sentence around a field of study talks about a degree or qualification. */
export function aboutDegree(lower: string, start: number): boolean {
  const [a, b] = sentenceAt(lower, start);
  return DEGREE.test(lower.slice(a, b));
}
