/**
 * Sentences of a job text and what they say about the person asked for. A skill's sentence decides
 * whether a soft skill is asked of the candidate ("strong organisational skills") or only a noun
 * about the company ("our organization"), whether "German" is a language someone speaks, and
 * whether "finance" is a field of study.
 */
import { type SentenceCache, sentenceTest } from './sentence-cache.ts';

/** Words that turn a sentence to the person wanted ("you", "must", "someone", "looking for"). */
const ADDRESSING_WORDS =
  "you|your|you're|you'll|you've|candidates?|applicants?|ideal|ideally|must|required|requirements?|essential|ability|able to|looking for|seeking|need|needs|experience|bring|preferred|desirable|qualities|qualifications|who is|someone|(?:a|the) person";
/** Words that show a sentence is about the person wanted: those, and "strong", "5+ years"… */
const CANDIDATE = sentenceTest(
  new RegExp(
    `\\b(${ADDRESSING_WORDS}|strong|excellent|good|great|solid|proven|demonstrated|demonstrable|skills?|comfortable|plus|bonus|years of|years' experience)\\b|\\d\\+ ?years\\b`,
  ),
  // A whole word of each alternative ("you" of "you're", "able" of "able to", "years" of "5+ years").
  'you your candidate candidates applicant applicants ideal ideally must required requirement requirements essential ability able strong excellent good great solid proven demonstrated demonstrable skill skills comfortable looking seeking need needs experience bring plus bonus preferred desirable qualities qualifications who someone person years',
);
/** Whether the sentence around `pos` speaks to or about the person wanted ("you", "must", "experience"). */
export function mentionsCandidate(s: SentenceCache, pos: number): boolean {
  return s.has(CANDIDATE, pos);
}
/** A noun about the company or someone else: "our organization", "their decision-making". */
const OWNER_BEFORE = /\b(our|their|its|his|her|company's|team's|client's|clients')\s+(?:[a-z-]+\s+)?$/;
/** The skill word used as the subject of a statement: "decision-making in our team is shared". */
const SUBJECT_AFTER =
  /^\s*((is|are|was|were)\b(?!\s+(a must|essential|required|key|important|needed|vital|expected|everything|a plus|desirable|a bonus))|(?:in|at|of|across|within|for) (our|the company|the team|this team)\b)/;

const STATEMENT = /^(?:we|we're|our|the|this|it|they)\b/;
/** A sentence whose subject is the company or its people: "We are…", "Our team has…". */
const COMPANY_SUBJECT = sentenceTest(
  /^(?:we|we're|we've|our (?:[a-z]+ )?(?:team|teams|people|staff|office|company|culture|crew|colleagues)|the (?:team|office|company|crew)|everyone here)\b/,
);
/** CANDIDATE's words without its adjectives ("great", "good"), and a new joiner. */
const ADDRESSED = sentenceTest(new RegExp(`\\b(?:${ADDRESSING_WORDS}|new hire|joiner|join(?:s|ing)? us)\\b`));

/** A sentence written in the company's voice that asks nothing of the candidate. */
const COMPANY = sentenceTest(/\b(?:we|we're|we've|our|us)\b/, 'we our us');
const DUTY = sentenceTest(
  /\b(?:will|responsib\w*|duties|role|tasks?)\b/,
  'will responsib* duties role task tasks',
);

const GIVES = sentenceTest(
  /\b(?:offer|offers|provide|provides|give|gives|fund|funds|pay|pays|enjoy|get)\b/,
  'offer offers provide provides give gives fund funds pay pays enjoy get',
);
const IS_AFTER = /^\s+(?:is|are|was|were)\b/;

/**
 * True when the word at [start, end) is something the company has or gives, said in its own voice
 * ("We offer coaching", "Our roadmap is public"), in a sentence that neither asks anything of the
 * candidate nor says what the job involves.
 */
export function companyVoice(s: SentenceCache, start: number, end: number): boolean {
  if (!s.has(COMPANY, start) || s.has(CANDIDATE, start) || s.has(DUTY, start)) return false;
  const [a] = s.at(start);
  const lower = s.lower;
  return (
    s.has(GIVES, start) ||
    OWNER_BEFORE.test(lower.slice(Math.max(a, start - 40), start)) ||
    IS_AFTER.test(lower.slice(end, end + 8))
  );
}

/** "We value teamwork", "a team who cares about sustainability": what the company values. */
const VALUES =
  /\b(?:we|we're|our [a-z]+|who|that)\s+(?:[a-z]+\s+){0,2}?(?:value|values|care about|cares about|care deeply about|believe in|believes in|pride ourselves on|are proud of|champion|celebrate|are committed to|are passionate about)\b/;
const YOU = sentenceTest(/\byou/);
/**
 * The words one of which every match of VALUES holds, looked for once per sentence. VALUES reads
 * the sentence from its start up to a hit, which starts a word: each of these stands there after a
 * space and before a \b, so it is a whole word of the sentence.
 */
const VALUE_WORDS = sentenceTest(
  /\b(?:value|values|care|cares|believe|believes|pride|proud|champion|celebrate|committed|passionate)\b/,
  'value values care cares believe believes pride proud champion celebrate committed passionate',
);
/** A second clause after what is valued: ", and we pair program", "; we use". */
const NEW_CLAUSE = /[,;:]\s+(?:and\s+|but\s+|so\s+)?(?:we|our|the team|everyone)\b/;

/** True when a word at `pos` follows what the company says it values, in a sentence not about "you". */
export function companyValues(s: SentenceCache, pos: number): boolean {
  const [a] = s.at(pos);
  // VALUES reads the sentence up to `pos`: one without its words needs no expression per hit (that
  // test first: its words are looked up, and most sentences lack them).
  if (!s.has(VALUE_WORDS, pos) || s.has(YOU, pos)) return false;
  const m = VALUES.exec(s.lower.slice(a, pos));
  return m !== null && !NEW_CLAUSE.test(s.lower.slice(a + m.index + m[0].length, pos));
}

/** Words that make an everyday word a field of work: "the energy sector", "travel industry". */
const FIELD_WORDS =
  '(?:sector|sectors|industry|industries|company|companies|business|businesses|firm|firms|agency|agencies|provider|providers|organi[sz]ations?|clients?|background|experience|skills|markets?|brands?|start-?ups?|groups?|space|field|retail|retailers?|houses?|labels?|e-?commerce|logistics|network|operators?)';
/** The word after, or after "and beauty": "the energy sector", "a fashion and beauty company". */
const FIELD_NOUN = new RegExp(`^(?:[ -]| (?:and|&|or) [a-z-]+ )${FIELD_WORDS}\\b`);

/** True when a field word that is also an everyday word ("energy", "travel") names a field here. */
export function fieldUse(lower: string, start: number, end: number): boolean {
  if (FIELD_NOUN.test(lower.slice(end, end + 40))) return true;
  return /\b(?:in|within|across|into) (?:the )?$/.test(lower.slice(Math.max(0, start - 12), start));
}

/**
 * True when a working-with-people skill at [start, end) is asked of the candidate: the sentence
 * speaks to or about the person wanted, or it is a short list item ("- Teamwork"), and the word is
 * not a noun about the company ("our organization") or the subject of a statement about it.
 */
export function askedOfCandidate(
  s: SentenceCache,
  start: number,
  end: number,
  inAsks: () => boolean = () => false,
): boolean {
  const [a, b] = s.at(start);
  const lower = s.lower;
  if (OWNER_BEFORE.test(lower.slice(Math.max(a, start - 40), start))) return false;
  if (SUBJECT_AFTER.test(lower.slice(end, Math.min(b, end + 60)))) return false;
  // "Our team has a great sense of humour", "We're a friendly bunch with good banter": the company
  // describing itself. Its "great" or "good" asks nothing unless the sentence also turns to the
  // person wanted ("you", "we need", "someone", "looking for").
  if (s.openingEnd(COMPANY_SUBJECT, start, 24) !== -1 && !s.has(ADDRESSED, start)) return false;
  if (s.has(CANDIDATE, start)) return true;
  // A line of the requirements list ("What we're looking for: - Clear written communication; …").
  if (!STATEMENT.test(lower.slice(a, b)) && inAsks()) return true;
  // A bare list item: "Teamwork", "- Attention to detail", "Skills: leadership, planning"; not a
  // short statement about the company ("Our data team is small, curious and kind.").
  if (b - a > 60 || STATEMENT.test(lower.slice(a, b))) return false;
  let words = 1;
  for (let i = a; i < b; i++) if (lower.charCodeAt(i) === 32) words++;
  return words <= 8;
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
  'strongly',
  'highly',
  'desired',
  'useful',
  'advantageous',
  'reading',
  'writing',
  'communication',
  'fluently',
  'perfectly',
]);
/** Words before a spoken language that make it one ("fluent English", "works in English", "good English"). */
const LANGUAGE_BEFORE =
  /\b(fluent|fluently|fluency in|native|speak|speaks|speaking|spoken|written|read|business[- ]level|conversational|bilingual|proficient in|proficiency in|knowledge of|(?:very )?good|excellent|strong|basic|(?:work|works|working|communicate|communicating|write|writing|speak|speaking)(?: [a-z]+ly)? in(?: both)?)\s+(?:and\s+|or\s+|[a-z]+,?\s+(?:and|or)\s+)?$/;
const LANGUAGE_SENTENCE = sentenceTest(
  /\b(fluen(t|cy)|native|speak(s|ing|er|ers)?|spoken|bilingual|multilingual|proficien(t|cy)|mother tongue|languages?|c1|c2|b2|business level)\b/,
  'fluent fluency native speak speaks speaking speaker speakers spoken bilingual multilingual proficient proficiency mother language languages c1 c2 b2 business',
);

/**
 * True when a spoken-language name at [start, end) is a language someone speaks rather than an
 * adjective ("German market", "English Premier League"): the next word is not a noun it describes,
 * and a word nearby says language ("fluent", "speakers", "is a plus", "working language").
 */
export function spokenLanguageUse(s: SentenceCache, start: number, end: number, listed: boolean): boolean {
  const lower = s.lower;
  const next = /^[ \t]+([a-z0-9]+)/.exec(lower.slice(end, end + 24));
  const immediate = lower.slice(end, end + 1);
  if (next && /^[ \t]$/.test(immediate) && !LANGUAGE_FOLLOW.has(next[1]!)) return false;
  const [a] = s.at(start);
  if (LANGUAGE_BEFORE.test(lower.slice(Math.max(a, start - 60), start))) return true;
  if (next && LANGUAGE_FOLLOW.has(next[1]!) && next[1] !== 'and' && next[1] !== 'or' && next[1] !== 'a')
    return true;
  return listed || s.has(LANGUAGE_SENTENCE, start);
}

const DEGREE = sentenceTest(
  /\b(degree|degrees|bachelor'?s?|masters?|master's|bsc|b\.sc|ba|bs|msc|m\.sc|ma|meng|beng|phd|ph\.d|doctorate|diploma|graduate|graduated|studied|studying|study|qualification|qualified|major|a-levels?|gcses?|mba|llb)\b/,
);

/** True when the sentence around a field of study talks about a degree or qualification. */
export function aboutDegree(s: SentenceCache, start: number): boolean {
  return s.has(DEGREE, start);
}

const BENEFITS = sentenceTest(
  /\b(benefits?(?!\s+(?:claims?|claimants?|advice|system|entitlements?|enquiries))|pension|perks?|package|discounts?|salary|vouchers?|schemes?|allowance|subsidi[sz]ed|reimburse\w*|stipend|401\(?k\)?|pto|parental leave)\b/,
  // A whole word of each alternative: "401" of "401(k)", "401k" as one word.
  'benefit benefits pension perk perks package discount discounts salary voucher vouchers scheme schemes allowance subsidised subsidized reimburse* stipend 401 401k pto parental',
);

/** "healthcare and pension", "discounts in retail": a field named among the benefits is a perk. */
export function aboutBenefits(s: SentenceCache, start: number): boolean {
  return s.has(BENEFITS, start);
}

/** The equal-opportunities statement: who may apply and how they are treated. */
const EQUALITY = sentenceTest(
  /\b(?:equal(?:ity|[ -]opportunit(?:y|ies)| employment)|regardless of|discriminat\w*|protected characteristics?|reasonable adjustments?|under-?represented|inclusive (?:employer|workplace|culture|environment|team)|diversity|disability confident|sexual orientation|gender identity|(?:from|of) (?:all|every|diverse|different) (?:backgrounds?|walks of life))\b/,
  // A whole word (or a word's start) of each alternative; "under-represented" holds "represented".
  'equal* regardless discriminat* protected reasonable represented underrepresented inclusive diversity disability sexual gender background backgrounds walks',
);
/** A sentence that gives the job a duty: "you will promote equality and diversity in class". */
const EQUALITY_DUTY = sentenceTest(
  /\b(?:you will|you'll|you must|your role|responsib\w*|duties|promot\w*|uphold\w*|champion\w*|policies|policy|training)\b/,
);

/**
 * "We are an equal opportunity employer and value leadership and teamwork from every background":
 * the sentence says who may apply, and the people or field words in it ask nothing of anyone.
 */
export function equalityStatement(s: SentenceCache, pos: number): boolean {
  return s.has(EQUALITY, pos) && !s.has(EQUALITY_DUTY, pos);
}
