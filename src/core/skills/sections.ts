/**
 * How strongly a job asks for each skill: per sentence first ("must", "3+ years", "you have" vs
 * "nice to have", "a plus", "ideally"), then by the section heading it sits under ("Requirements",
 * "Bonus"). A skill under "Must have" weighs more in a tailoring score than one under "Bonus", and
 * a one-paragraph posting is read sentence by sentence.
 */
import type { ExtractedSkill, SkillExtraction } from './extract.ts';
import { extractSkills } from './extract.ts';
import type { SkillMatcher } from './matcher.ts';
import { sentenceAt, sentenceText } from './sentence-cache.ts';

export type Importance = 'required' | 'niceToHave' | 'mentioned';

/** How much each kind of mention counts in a tailoring score. */
export const IMPORTANCE_WEIGHT: Record<Importance, number> = {
  required: 1,
  mentioned: 0.7,
  niceToHave: 0.35,
};

export interface JobSection {
  start: number;
  end: number;
  importance: Importance;
  /** The heading the section sits under, as written ("Nice to have"), if any. */
  heading?: string;
}

export interface WeightedJobSkill extends ExtractedSkill {
  importance: Importance;
  weight: number;
  /** True unless the job only calls it nice to have. */
  required: boolean;
  /** Why, in plain words: `says "must"`, `under "Nice to have"`, `named in the description`. */
  reason: string;
  /** The sentence of the mention that decided how much it counts. */
  sentence: string;
}

const NICE =
  /\b(nice[\s-]to[\s-]haves?|bonus(es)?|preferred|pluses|a plus|desirable|desired|good[\s-]to[\s-]haves?|would be (a )?(plus|bonus|great)|would be (lovely|nice|great|good|helpful) if you|extra credit|extra points|bonus points|stand out|even better|(?:might|may|could) also have|optional|not required|ideally|helpful extras?|not essential)\b/i;
const REQUIRED =
  /\b(requirements?|required|must[\s-]haves?|essentials?|qualifications|what you('ll)? (need|bring)|you (have|bring|will need)|who you are|about you|skills( and experience)?|experience and skills|we('re| are) looking for|what we look for|we look for|what we need( from you)?|your (profile|qualifications|background|competences|competencies)|(candidate|applicant|person) profile|we expect|we imagine|(the )?ideal candidate|you should have)\b/i;
const NEUTRAL =
  /\b(responsibilities|what you('ll)? do|about (us|the (role|team|company|job))|benefits|perks|what we offer|the role|your role|day[\s-]to[\s-]day|how to apply|salary|compensation)\b/i;

/** Sentence punctuation inside the line, or a full stop or "!" ending it. */
const SENTENCE_INSIDE = /[.;!?]\s+\S|[^.][.!]$/;
/** "Docker would be a bonus", "Kafka is a plus": said of a subject; not "It would be a plus if you had". */
const SAID_OF_SUBJECT =
  /^(?!(?:it|this|that|these|the following|what)\b)\S.*\b(?:is|are|would be|will be)(?: (?:a|an|also|really|definitely|a (?:big|real|huge)))* (?:plus|bonus|advantage|desirable|preferred|nice to have|great|helpful)$/i;

/** Reads a line as a heading when it is short and mostly a label ("Nice to have:", "## Requirements"). */
function headingOf(
  line: string,
): { kind: Importance | 'neutral'; label: string; inline: boolean } | undefined {
  // A bullet is content, never a heading ("- Experience with Kafka" under "Bonus").
  if (/^\s*([-•–]|\*\s|\d+[.)]\s)/.test(line)) return undefined;
  const label = line
    .replace(/^[\s#*_>]+/, '')
    .replace(/[\s*_:]+$/, '')
    .trim();
  const colon = label.indexOf(':');
  const head = colon > 0 && colon < 40 ? label.slice(0, colon) : label;
  // "It would be lovely if you also had": a nice-to-have heading may run to nine words.
  const words = head.split(/\s+/).length;
  if (head.length === 0 || head.length > 50 || words > 9) return undefined;
  // A sentence is no heading: "Must know SQL. Kafka is a plus." or "Docker would be a bonus"
  // softens what it names, not the lines below it.
  if (SENTENCE_INSIDE.test(head) || SAID_OF_SUBJECT.test(head)) return undefined;
  // "Bonus: Kafka" is an inline heading: it says how much its own line counts, not the lines below.
  const inline = head !== label && label.slice(colon + 1).trim() !== '';
  if (NICE.test(head)) return { kind: 'niceToHave', label: head, inline };
  if (words > 7) return undefined;
  if (NEUTRAL.test(head)) return { kind: 'neutral', label: head, inline };
  if (REQUIRED.test(head)) return { kind: 'required', label: head, inline };
  return undefined;
}

/**
 * Splits a job description into sections by their headings. Text before any heading, and under
 * headings such as "Responsibilities", is `mentioned`. An inline heading ("Bonus: Kafka") counts
 * for its own line. Sentences are read on their own by `mentionStrength`.
 */
export function jobSections(text: string): JobSection[] {
  const sections: JobSection[] = [];
  let current: { importance: Importance; heading?: string } = { importance: 'mentioned' };
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const heading = headingOf(text.slice(pos, end));
    const under = current;
    if (heading !== undefined)
      current = {
        importance: heading.kind === 'neutral' ? 'mentioned' : heading.kind,
        heading: heading.label,
      };
    const last = sections.at(-1);
    if (
      last &&
      last.importance === current.importance &&
      last.heading === current.heading &&
      last.end === pos - 1
    )
      last.end = end;
    else sections.push({ start: pos, end, ...current });
    if (heading?.inline) current = under;
    if (nl === -1) break;
    pos = nl + 1;
  }
  return sections;
}

/** Cues that come before what they soften: "ideally in e-commerce", "Bonus: Kafka". */
const NICE_BEFORE =
  /\b((?:(?:a |an |it['’]s an? |it is an? |would be (?:a |an )?|be (?:a |an )?)(?:bonus|plus|great|lovely|helpful|handy|useful|nice|advantage|help)|would help|helps|(?:we['’]d|we would|i['’]d|i would) (?:love|like)(?: it)?) if you(?: also| already)? (?:have|had|know|knew|speak|spoke|can|could|hold|held|bring|brought|are|were|'ve|have used|had used|used)|not essential but|not required but|interesting to us|ideally|preferably|optionally|bonus|bonus points|nice[\s-]to[\s-]haves?|good[\s-]to[\s-]haves?|a plus if|extra credit|extra points|even better|desirable|desired|preferred|plus)\b/g;
/** Cues that come after what they soften: "Kafka is a plus", "SAP experience is preferred". */
const NICE_AFTER =
  /\b(plus|pluses|bonus|preferred|desirable|desired|ideal|advantage|advantageous|helpful|helps|welcome|welcomed|nice[\s-]to[\s-]haves?|nice extras?|not required|not essential|not needed|optional|useful|would be (?:nice|great|lovely|good|brilliant|fantastic)|asset|would help|could help|handy|encouraged to apply)\b/g;
/**
 * What the employer teaches: "we will train you in Xero", "full training in Sage", "you'll be
 * trained on our till", "Sage training will be given". Used in the job, but not asked of anyone
 * applying, so a gap in it is no gap.
 */
const TRAINED_BEFORE =
  /\b(we(?:'ll|’ll| will)? (?:train|teach) you(?: in| on| to use| how to use| to)?|(?:full|on-the-job|paid|free) training (?:in|on)|you(?:'ll|’ll| will) be (?:trained|taught)(?: in| on| to use| to)?)\s+(?:[a-z0-9&'-]+,?\s+){0,3}$/;
const TRAINED_AFTER = /^\s*(training (?:is |will be )?(?:given|provided|offered)|(?:is |will be )taught)\b/;
/** Conditions that soften only the item they follow, not the list before it: "take x-rays if qualified". */
const NICE_NEAR = /\b(if qualified|where qualified|if you can|if trained)\b/;
/** "subject to an enhanced", "conditional on a satisfactory": what the post is conditional on, right before the mention. */
const CONDITION_BEFORE = /\b(subject to|conditional (?:up)?on)\s+(?:an? |the )?(?:[a-z-]+,?\s+){0,2}$/;
/** Requirement cues; "minimum" is not one in "kept to a minimum" or "above minimum wage". */
const REQUIRED_CUE =
  /\b(must|required|requirements?(?=\s*(?:[:\-–—]|include|are\b|for (?:this|the) (?:role|job|post|position)))|essential|mandatory|you have|you've got|you bring|you hold|you need|you will need|you'll need|we need|we ask for|need to have|needed|necessary|(?<!to an? |to the )minimum(?! wage)|at least|\d+\s*\+\s*(?:years?|yrs)|\d+\s*(?:years?|yrs)(?: of)?|proven|demonstrable|you are confident|(?<!(?:wherever|whenever|where|when|if|what|as|than|whatever|how) )(?:you know|you can)(?!\s*[,.;:!?)]))\b/g;

/** The team's own tools, in the clause before the mention: "we use", "our team works in". */
const TEAM_USES = /\b(we (?:use|work (?:in|with)|run on|rely on|live in|build (?:in|with|on)))\b[^.;:!?]*$/;

interface Strength {
  importance: Importance;
  reason: string;
}

/**
 * Whether the words between a softening cue and the mention ask for it after all ("ideally Java;
 * you must know SQL"). A count of years or "at least" there is how much of it is wished for:
 * "preferably 2+ years with GMP" stays nice to have.
 */
function cancelsSoftening(between: string): boolean {
  const cue = firstMatch(REQUIRED_CUE, between);
  return cue !== undefined && !/^(?:\d|at least|minimum)/.test(cue[0]);
}

/** The words of a cue found in the lower-case text at `at`, as the posting writes them ("Bonus"). */
function asWritten(text: string, at: number, cue: string): string {
  return text.slice(at, at + cue.length);
}

function lastMatch(re: RegExp, s: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) last = m;
  return last;
}
function firstMatch(re: RegExp, s: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  return re.exec(s) ?? undefined;
}

/**
 * How strongly the sentence around one mention asks for it. A softening cue before the mention in
 * its clause ("ideally", "Bonus:") or after it ("is a plus") with no requirement cue in between
 * makes it nice to have; otherwise a requirement cue in its clause ("must", "4+ years") makes it
 * required; otherwise the section heading decides.
 */
export function mentionStrength(
  text: string,
  lower: string,
  start: number,
  end: number,
  section?: JobSection,
): Strength {
  // The sentence reaches SENTENCE_REACH characters each side at most, so a run-on text is not read
  // whole again for every mention.
  const [a, b] = sentenceAt(lower, start);
  // The clause: semicolons and dashes separate requirements within one sentence.
  // (Read by character code: a one-character string per position cost most of a long sentence.)
  let ca = a;
  for (let i = start - 1; i >= a; i--) {
    const c = lower.charCodeAt(i);
    if (c === 59 || (c === 0x2014 && lower.charCodeAt(i - 1) === 32 && lower.charCodeAt(i + 1) === 32)) {
      ca = i + 1;
      break;
    }
  }
  let cb = b;
  for (let i = end; i < b; i++) {
    const c = lower.charCodeAt(i);
    if (c === 59 || (c === 32 && lower.charCodeAt(i + 1) === 0x2014 && lower.charCodeAt(i + 2) === 32)) {
      cb = i;
      break;
    }
  }
  const before = lower.slice(ca, start);
  const after = lower.slice(end, cb);
  const trained = TRAINED_BEFORE.exec(before.slice(-80)) ?? TRAINED_AFTER.exec(after.slice(0, 40));
  if (trained) return { importance: 'niceToHave', reason: `says "${trained[1]!.replace(/\s+/g, ' ')}"` };
  const niceBefore = lastMatch(NICE_BEFORE, before);
  // "Java (preferred) or Kotlin": a cue closed in brackets softens what came before it only.
  const closed = niceBefore && /^\s*\)/.test(before.slice(niceBefore.index + niceBefore[0].length));
  if (niceBefore && !closed && !cancelsSoftening(before.slice(niceBefore.index + niceBefore[0].length)))
    return {
      importance: 'niceToHave',
      reason: `says "${asWritten(text, ca + niceBefore.index, niceBefore[0])}"`,
    };
  // "ideally" after the mention softens it only at the end of the clause: "Forklift licence ideally."
  const niceAfter = firstMatch(NICE_AFTER, after) ?? firstMatch(/\bideally(?=\W*$)/g, after);
  if (niceAfter && !firstMatch(REQUIRED_CUE, after.slice(0, niceAfter.index)))
    return {
      importance: 'niceToHave',
      reason: `says "${asWritten(text, end + niceAfter.index, niceAfter[0])}"`,
    };
  const near = NICE_NEAR.exec(after);
  if (near && !/,| and | or /.test(after.slice(0, near.index)))
    return { importance: 'niceToHave', reason: `says "${asWritten(text, end + near.index, near[0])}"` };
  // "The successful candidate will be subject to an enhanced DBS check" in the paragraph after a
  // "Desirable" list: a condition of the post is required whatever the heading above it.
  if ((before.includes('subject to') || before.includes('conditional')) && CONDITION_BEFORE.test(before)) {
    const condition = CONDITION_BEFORE.exec(before)!;
    return {
      importance: 'required',
      reason: `says "${asWritten(text, ca + condition.index, condition[1]!)}"`,
    };
  }
  if (section?.importance === 'niceToHave')
    return { importance: 'niceToHave', reason: `under "${section.heading ?? 'nice to have'}"` };
  // A requirement cue counts in the mention's own clause: "You'll prep and cook the menu; Level 2
  // Food Hygiene is a must" asks for the certificate, not for the cooking.
  const required = firstMatch(REQUIRED_CUE, lower.slice(ca, cb));
  if (required)
    return {
      importance: 'required',
      reason: `says "${text.slice(ca + required.index, ca + required.index + required[0].length)}"`,
    };
  // "We use Slack." under "About you": what the team works with, said of the team, asks nothing
  // of the candidate, whatever the heading above it (a requirement cue in the sentence still does).
  const team = TEAM_USES.exec(before);
  if (team) return { importance: 'mentioned', reason: `says "${team[1]}"` };
  if (section?.importance === 'required')
    return { importance: 'required', reason: `under "${section.heading ?? 'requirements'}"` };
  return { importance: 'mentioned', reason: 'part of the work described' };
}

const RANK: Record<Importance, number> = { required: 3, mentioned: 2, niceToHave: 1 };
/**
 * Mentions of one skill read for how strongly they are asked: the first ones. A posting names a
 * skill a handful of times; a pasted text that names it thousands of times is not read for each.
 */
const WEIGHED_MENTIONS = 100;

/**
 * Gives each skill of a job its importance: the strongest of its mentions, each read in its own
 * sentence and section, so a skill both required and listed again under "Bonus" stays required.
 */
export function weighJobSkills(text: string, extraction: SkillExtraction): WeightedJobSkill[] {
  const sections = jobSections(text);
  const lower = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
  return extraction.skills.map((skill) => {
    let best: (Strength & { at: number }) | undefined;
    let k = 0;
    for (let m = 0; m < skill.spans.length && m < WEIGHED_MENTIONS; m++) {
      const [start, end] = skill.spans[m]!;
      while (k < sections.length - 1 && sections[k]!.end < start) k++;
      const here = mentionStrength(text, lower, start, end, sections[k]);
      if (!best || RANK[here.importance] > RANK[best.importance]) best = { ...here, at: start };
      // Nothing ranks above required: the later mentions cannot change the result.
      if (best.importance === 'required') break;
    }
    const importance = best?.importance ?? 'mentioned';
    return {
      ...skill,
      importance,
      weight: IMPORTANCE_WEIGHT[importance],
      required: importance !== 'niceToHave',
      reason: best?.reason ?? 'part of the work described',
      sentence: best ? sentenceText(text, best.at) : '',
    };
  });
}

/** Extracts and weighs the skills of a job description in one call. */
export function extractJobSkills(matcher: SkillMatcher, text: string): WeightedJobSkill[] {
  return weighJobSkills(text, extractSkills(matcher, text));
}
