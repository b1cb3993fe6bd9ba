/**
 * Parts of a posting that are not about the candidate or the work: the company blurb ("About us"),
 * benefits and perks, the equal-opportunities statement, how to apply, and the privacy notice.
 * A field, method or people word found there says what the company is or gives, not what the job
 * asks ("an on-site café", "coaching sessions with our wellbeing partner", "we value teamwork").
 */
import type { LineBreaks } from './hits.ts';

export type OffTopicKind = 'company' | 'benefits' | 'equality' | 'applying';

export interface OffTopicSection {
  start: number;
  end: number;
  kind: OffTopicKind;
}

/** Headings of each kind. "About the role" and "About the team" are about the work and stay out. */
const HEADINGS: [RegExp, OffTopicKind][] = [
  [
    /^(?:about (?:us|the company|the business|the organi[sz]ation|the employer|the client|our (?:company|business|client|organi[sz]ation))|about (?!you\b|yourself|the (?:role|team|job|position|opportunity|work|candidate|person|vacancy)|this (?:role|job|position|opportunity|vacancy)|the (?:ideal|successful))[a-z0-9&'. -]+|who we are|our story|company (?:overview|description|profile)|our (?:mission|values|company|culture)|the (?:company|business|organi[sz]ation|client|employer)|our client)$/,
    'company',
  ],
  [
    /^(?:(?:the |our |employee |staff |your )?(?:benefits?|perks?)(?: (?:and|&) (?:perks?|benefits?|rewards?))?(?: include)?|(?:salary|compensation|pay|reward|rewards)(?: (?:and|&) (?:benefits?|perks?))?|(?:what |in return )?we(?: can)? (?:offer|provide)(?: you)?|what(?:'s| is) in it for you|why (?:join|work (?:for|with|at)) (?:us|the team)|why (?!you\b|this role\b)[a-z0-9&'. -]{2,30}|(?:the |our |your )?package|what(?:'s| is) on offer|in return|what you(?:'ll)? get(?: in return)?|what we (?:can )?give you|our offer|(?:life|working) (?:at|with|for|here)(?: [a-z0-9&'. -]{1,30})?|what you can expect(?: from us)?|why you'll love (?:it|us|working (?:here|with us|for us))|extras|wellbeing)$/,
    'benefits',
  ],
  [
    /^(?:equal (?:opportunit(?:y|ies)|employment)(?: statement| employer)?|eeo(?: statement)?|diversity(?:,? (?:equity )?(?:and|&) inclusion)?(?: statement)?|inclusion|dei|d&i|our commitment(?: to (?:diversity|inclusion|equality)(?: (?:and|&) (?:diversity|inclusion|equality))?)?|accessibility|reasonable adjustments|equality(?:,? (?:and |& )?diversity)?(?:,? (?:and |& )?inclusion)?|edi)$/,
    'equality',
  ],
  [
    /^(?:how to apply|to apply|apply(?: now| today)?|next steps|the (?:application|interview|hiring|recruitment) process|(?:application|interview|hiring|recruitment) process|privacy(?: notice| policy)?|data protection|gdpr|disclaimer|legal|note to (?:recruitment )?agencies|recruitment agencies|interested|sounds? like you|ready to apply|closing date|how we hire|our (?:hiring|interview|recruitment) process)$/,
    'applying',
  ],
];

/** Known headings that start an on-topic section ("The role", "Requirements", "What you'll do"). */
const ON_TOPIC =
  /\b(?:role|responsibilities|duties|requirements?|qualifications|skills|experience|about you|about the (?:role|team|job|position)|who you are|what you(?:'ll)? (?:do|bring|need)|what we(?:'re| are) looking for|you (?:have|bring|will)|day[\s-]to[\s-]day|the job|the team|nice[\s-]to[\s-]haves?|bonus points|essential|desirable|must[\s-]haves?)\b/;

/** The first words of every heading in HEADINGS, at a line start (a cheap filter before them). */
const OPENING_WORDS =
  /[ \t#*_>]*(?:about|who|our|company|the|benefit|perk|package|employee|staff|your|salary|compensation|pay|reward|what|in return|we|why|equal|eeo|divers|inclusion|dei|d&i|accessib|reasonable|how|to apply|apply|next steps|application|interview|hiring|recruitment|privacy|data protection|gdpr|disclaimer|legal|note to|life|working|extras|wellbeing|equality|edi|interested|sounds?|ready|closing)/;
/** OPENING_WORDS at the start of the text (tried once, at position 0). */
const OPENING_HERE = new RegExp(OPENING_WORDS.source, 'iy');
/**
 * OPENING_WORDS after a line break (\n, \r, U+2028 or U+2029: where a multiline ^ matches),
 * searched through the text: the engine skips to each break at once, where a multiline ^ had it
 * try every position of the text.
 */
const OPENING_AFTER_BREAK = new RegExp(`[\\n\\r\\u2028\\u2029]${OPENING_WORDS.source}`, 'gi');

/** The first line start at or after `pos` (itself a line start) where a heading may open, or -1. */
function nextOpening(text: string, pos: number): number {
  if (pos === 0) {
    OPENING_HERE.lastIndex = 0;
    if (OPENING_HERE.test(text)) return 0;
  }
  // From the break that ends the line before `pos`, so that a heading at `pos` itself is found.
  OPENING_AFTER_BREAK.lastIndex = pos === 0 ? 0 : pos - 1;
  const next = OPENING_AFTER_BREAK.exec(text);
  return next === null ? -1 : next.index + 1;
}

/** The label of a line that reads as a heading ("## Benefits:", "What we offer"), lower case. */
function label(line: string): string | undefined {
  if (line.length > 70 || /^\s*(?:[-•–]|\*\s|\d+[.)]\s)/.test(line)) return undefined;
  const l = line
    .replace(/^[\s#*_>]+/, '')
    .replace(/[\s*_:?!.]+$/, '')
    .trim()
    .toLowerCase();
  if (l.length === 0) return undefined;
  let words = 1;
  for (let i = 0; i < l.length; i++) if (l.charCodeAt(i) === 32 && words++ >= 8) return undefined;
  return l;
}

/**
 * The off-topic sections of a posting, by their headings. A section runs until the next heading:
 * a known heading of any kind, or a short line that ends in ":" or follows a blank line. A heading
 * with text after its colon ("Benefits: free parking, …") covers its own line only.
 */
export function offTopicSections(text: string): OffTopicSection[] {
  const out: OffTopicSection[] = [];
  let current: OffTopicSection | undefined;
  let pos = 0;
  let blankBefore = true;
  while (pos < text.length) {
    // Outside an off-topic section only a line that may open one matters: jump to the next.
    if (current === undefined) {
      const next = nextOpening(text, pos);
      if (next === -1) break;
      if (next > pos) {
        pos = next;
        blankBefore = false;
      }
    }
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    // A bullet or a long line without a heading before a colon is content: skip it cheaply.
    const c = text.charCodeAt(pos);
    const bullet = c === 45 || c === 42 || c === 0x2022 || c === 0x2013;
    const line = bullet ? '' : text.slice(pos, Math.min(end, pos + 80));
    // "Benefits: free parking", "Why work for us? Paid mileage…": a heading and its text on one line.
    const m = bullet ? null : /[:?]/.exec(line);
    const colon = m === null ? -1 : m.index;
    const inline = colon > 0 && colon < 40 && text.slice(pos + colon + 1, end).trim() !== '';
    const l = bullet || (!inline && end - pos > 70) ? undefined : label(inline ? line.slice(0, colon) : line);
    let kind: OffTopicKind | undefined;
    if (l !== undefined) for (const [re, k] of HEADINGS) if (re.test(l)) kind = k;
    const heading =
      kind !== undefined ||
      (l !== undefined &&
        !inline &&
        (ON_TOPIC.test(l) || /:\s*$/.test(line) || (blankBefore && !/[.,;]$/.test(line.trim()))));
    if (heading && current) {
      current.end = pos;
      out.push(current);
      current = undefined;
    }
    if (kind !== undefined) {
      if (inline) out.push({ start: pos, end, kind });
      else current = { start: pos, end: text.length, kind };
    }
    blankBefore = !bullet && end - pos < 80 && line.trim() === '';
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (current) out.push(current);
  return out;
}

/** The kind of off-topic section `pos` lies in, if any (sections in text order; `from` is a cursor). */
export class OffTopicCursor {
  private k = 0;
  private readonly sections: OffTopicSection[];
  constructor(text: string) {
    this.sections = text.indexOf('\n') === -1 ? [] : offTopicSections(text);
  }
  /** Positions must be asked in increasing order. */
  at(pos: number): OffTopicKind | undefined {
    const s = this.sections;
    while (this.k < s.length && s[this.k]!.end <= pos) this.k++;
    const here = s[this.k];
    return here !== undefined && here.start <= pos ? here.kind : undefined;
  }
}

/** Headings of the list of what the candidate needs ("What we're looking for", "About you"). */
const ASKS_HEADING =
  /^(?:(?:key |essential |minimum |preferred |desirable )?(?:requirements?|qualifications|criteria)|(?:essential|desirable)(?: (?:skills|criteria|experience))?|about you|who you are|what you(?:'ll| will)? (?:bring|need|have)|what we(?:'re| are) looking for|what we need(?: from you)?|you (?:have|bring|will have|will need|need|are)|you'll (?:need|have|bring)|the (?:ideal|successful) candidate(?: will)?|person specification|(?:your )?skills(?: and experience)?|nice[\s-]to[\s-]haves?|bonus(?: points)?|we'd (?:like|love) you to have)$/;

/**
 * Whether `pos` lies under a heading of the requirements list: the nearest heading-like line above
 * it (a short line ending in ":" or a known heading, within a few lines) is one. Read only for the
 * few people words the sentence itself does not show to be asked.
 */
export function underRequirementsHeading(text: string, pos: number, breaks: LineBreaks): boolean {
  let end = breaks.last(pos - 1);
  for (let lines = 0; end > 0 && lines < 12; lines++) {
    const start = breaks.last(end - 1) + 1;
    const line = text.slice(start, end).trimEnd();
    end = start - 1;
    const colon = line.indexOf(':');
    // "Requirements:", "About you", "Essential: …": a heading; a line of text or a bullet is not.
    const heading = colon > 0 && colon < 40 ? line.slice(0, colon) : line;
    if (colon <= 0 && (line.length >= 40 || /[.,;!?]$/.test(line))) continue;
    const l = label(heading);
    if (l !== undefined) return ASKS_HEADING.test(l);
  }
  return false;
}
