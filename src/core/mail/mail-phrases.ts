/**
 * The phrases that decide what kind of job e-mail a message is, with weights. Rejection phrases
 * and their strength follow `shared/data/emails/rejection-phrase-stats.json` (how often each occurs
 * in real rejections vs other job mail); acknowledgement phrases follow the subject filters of
 * jobseeker-analytics. Text is lower-cased, curly quotes straightened and whitespace collapsed first.
 */

export const MAIL_KINDS = [
  'rejection',
  'interview',
  'assessment',
  'offer',
  'acknowledgement',
  'other',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface Phrase {
  re: RegExp;
  weight: number;
}

const p = (re: RegExp, weight: number): Phrase => ({ re, weight });
const NOT_AFTER_NEGATION = String.raw`(?<!\bnot )(?<!n't )(?<!\bno longer )(?<!\bunable to )(?<!\bnot able to )`;

export const PHRASES: Record<Exclude<MailKind, 'other'>, Phrase[]> = {
  rejection: [
    p(/\b(?:will not|won't|not) be (?:moving|going) forward\b/, 4),
    p(
      /\b(?:not|n't) (?:be )?(?:moving|move|going|go|proceeding|proceed|progressing|progress|continuing|continue)(?: forward)? with (?:your|you)\b/,
      4,
    ),
    p(/\bdecided (?:not to|to not) (?:move|proceed|progress|pursue|continue|offer|advance|invite|take)\b/, 4),
    p(/\b(?:move|moving|go|going|proceed|proceeding) forward with (?:other|another|a different)\b/, 4),
    p(
      /\bdecided to (?:pursue|go with|proceed with|move forward with) (?:other|another|a different|candidates)\b/,
      4,
    ),
    p(/\bpursue other (?:candidates|applicants)\b/, 4),
    p(/\b(?:other|another) (?:candidates?|applicants?) (?:whose|who|that)\b/, 3),
    p(/\b(?:have|has|were|was|are|is) not (?:been )?(?:selected|shortlisted|successful)\b/, 4),
    p(
      /\b(?:unsuccessful|not successful) (?:on this occasion|this time|in your application|at this stage)\b/,
      4,
    ),
    p(/\bregret to (?:inform|let you know|advise|tell)\b/, 4),
    p(
      /\b(?:unable|not able|aren't able|are not able|cannot|can't) to (?:offer you|move forward|proceed|progress|take your application)\b/,
      4,
    ),
    p(/\bnot (?:to )?(?:proceed|progress) (?:with|further)\b/, 3),
    p(/\bno longer (?:being )?consider(?:ed|ing)?\b/, 4),
    p(/\b(?:position|role|vacancy|job) (?:has|have) (?:now )?been (?:filled|closed|cancelled|canceled)\b/, 4),
    p(/\b(?:filled|closed|cancelled) the (?:position|role|vacancy)\b/, 4),
    p(/\bno longer (?:recruiting|hiring|processing)\b/, 3),
    p(/\bmore closely (?:align|match)\w*\b/, 3),
    p(/\b(?:not (?:the right|a|the best|a good|a strong) (?:fit|match)|not a match)\b/, 3),
    p(/\b(?:we've|we have) (?:determined|concluded) (?:that )?(?:you|your)\b/, 2),
    p(/\bdecline your application\b/, 4),
    p(/\bunfortunately\b/, 1.5),
    p(/\bregret\b/, 1),
    p(/\b(?:wish you|best of luck|success in your|good luck (?:in|with) your)\b/, 1),
    p(/\bfuture (?:opportunities|openings|roles|positions|vacancies)\b/, 1),
    p(/\b(?:keep|retain) your (?:resume|cv|details|application|profile) on file\b/, 1),
    p(
      /\b(?:many|large number of|high number of|so many) (?:qualified|talented|strong)? ?(?:candidates|applicants|applications)\b/,
      1,
    ),
    p(/\bhighly competitive\b/, 1),
  ],
  interview: [
    p(
      /\b(?:invite|inviting|invitation) (?:you )?(?:to|for) (?:an? |the |your )?(?:\w+ )?(?:interview|call|chat|conversation|meeting|onsite|on-site|round|stage)\b/,
      4,
    ),
    p(/\binterview (?:invitation|invite|request|confirmation|details|schedule)\b/, 4),
    p(
      /\b(?:schedule|book|set up|arrange|find a time for) (?:a|an|your|the)? ?(?:\w+ )?(?:interview|call|chat|conversation|screen|meeting)\b/,
      4,
    ),
    p(/\b(?:your|share your|send me your|let us know your) availability\b/, 2),
    p(/\b(?:reschedul\w*|re-schedul\w*|move (?:our|your|the) (?:interview|call))\b/, 4),
    p(/\binterview (?:is|has been) (?:confirmed|scheduled|booked|moved)\b/, 4),
    p(
      /\b(?:phone|video|technical|final|onsite|on-site|panel|behavioural|behavioral|first|second|next|1st|2nd) (?:round|interview|screen|stage interview)\b/,
      3,
    ),
    p(/\b(?:would|'d) (?:love|like) to (?:speak|chat|talk|meet|learn more|set up|schedule|invite)\b/, 3),
    p(
      new RegExp(
        `${NOT_AFTER_NEGATION}\\b(?:move|moving|progress|advance) (?:you |your application )?(?:forward|to the next (?:stage|round|step))\\b`,
      ),
      2,
    ),
    p(/\b(?:calendly\.com|cal\.com|goodtime\.io|meet\.google\.com|zoom\.us|teams\.microsoft\.com)\b/, 2),
    p(/\binterview\b/, 1),
  ],
  assessment: [
    p(/\b(?:online |technical |coding |skills |cognitive |psychometric |video )?assessment\b/, 3),
    p(
      /\b(?:coding|technical|programming|take-home|take home) (?:challenge|exercise|test|task|assignment)\b/,
      4,
    ),
    p(
      /\b(?:hackerrank|codility|codesignal|coderbyte|testgorilla|hirevue|pymetrics|criteria corp|shl\.com|devskiller)\b/,
      4,
    ),
    p(
      /\bcomplete (?:the|this|our|a|an|your) (?:\w+ )?(?:test|challenge|exercise|questionnaire|task|assignment)\b/,
      3,
    ),
    p(/\bcase study\b/, 2),
  ],
  offer: [
    p(
      /\b(?:pleased|delighted|happy|thrilled|excited) to (?:offer you|extend (?:you )?(?:an|this|the) offer)\b(?! (?:an?|the opportunity to) (?:interview|call|chat|phone|video|assessment))/,
      5,
    ),
    p(/\boffer of employment\b/, 5),
    p(/\b(?:offer letter|employment contract|contract of employment)\b/, 3),
    p(/\b(?:your|a|the|formal|verbal|written|job) offer\b(?! (?:an? )?(?:interview|call))/, 2),
    p(/\b(?:accept|sign|countersign|review) (?:the|your|this) offer\b|\bconfirm your acceptance\b/, 3),
    p(/\bcompensation package\b|\bbase salary\b|\bsigning bonus\b|\bequity grant\b/, 1),
    p(/\bstart(?:ing)? date\b/, 1),
    p(/\bcongratulations\b/, 1),
  ],
  acknowledgement: [
    p(
      /\b(?:we(?:'ve| have)?|has been|have been|was|been) (?:successfully )?received (?:your|the) application\b/,
      3,
    ),
    p(
      /\b(?:your|the) application (?:has been |was |is )?(?:successfully )?(?:received|submitted|sent|complete)\b/,
      3,
    ),
    p(/\bthank(?:s| you) for (?:applying|your application|submitting|your submission|applying to)\b/, 1.5),
    p(/\bthank(?:s| you) for your interest\b/, 0.5),
    p(
      /\b(?:will|we'll|are going to) (?:carefully )?(?:review|be reviewing|look at|consider) (?:your|the|all) (?:application|profile|resume|cv|applications|submission)\b/,
      2,
    ),
    p(/\b(?:currently |is )?under review\b|\bin review\b/, 1.5),
    p(
      /\bif (?:your|you(?:r)? (?:are|seem|look)) (?:qualifications|experience|skills|profile|background)?\s?(?:match|meet|align|fit|a match|a fit|selected|shortlisted)\b/,
      2,
    ),
    p(/\bif (?:you are|you're) (?:not )?(?:selected|shortlisted|invited)\b/, 2),
    p(/\b(?:will|we'll) (?:be in touch|contact you|reach out|get back to you|let you know)\b/, 1),
    p(/\bapplication (?:confirmation|received|submitted)\b/, 2),
  ],
};

/**
 * Sentences that only say what *might* happen ("if you are not selected, we will keep your
 * details on file"). Rejection phrases inside them do not count: an acknowledgement says this.
 */
export const CONDITIONAL = /\b(?:if|should|in case|in the event|whether|unless|once)\b/;

/** Words that show a message is about a job at all. */
export const JOB_CONTEXT =
  /\b(?:application|applied|applying|applicant|candidate\w*|position|role|interview|recruit\w*|hiring|hire|job|career|resume|cv|talent|vacancy|opening|offer|assessment)\b/;

/** Text that reads like instructions to a program rather than mail from an employer. */
export const INSTRUCTION_INJECTION =
  /\b(?:ignore (?:all |any )?(?:previous|prior|above) instructions|system prompt|developer mode|you are now|new instructions|jailbreak|disregard (?:all |the )?(?:previous|above))\b/;

/** Mail about job-seeking in general (events, tips, newsletters) rather than one application. */
export const GENERAL_CAREER_MAIL =
  /\b(?:mock interviews?|webinar|workshop|newsletter|job alerts?|jobs? (?:that )?match your|recommended jobs|interview (?:prep|preparation|tips|questions))\b/;
