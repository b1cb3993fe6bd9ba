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
  /** Counts only when no strong phrase of its kind was found (a general shape, not words). */
  fallback?: boolean;
}

const p = (re: RegExp, weight: number, fallback = false): Phrase =>
  fallback ? { re, weight, fallback } : { re, weight };

export const PHRASES: Record<Exclude<MailKind, 'other'>, Phrase[]> = {
  rejection: [
    p(/\b(?:will not|won't|not) be (?:moving|going) forward\b/, 4),
    p(
      /(?:\bnot|n't) (?:be )?(?:moving|move|going|go|proceeding|proceed|progressing|progress|continuing|continue|advancing|advance|taking|take)(?: forward| further| ahead)? with (?:your|you|it)\b/,
      4,
    ),
    // Decision verbs: "decided / opted / chose / made the decision … not to move forward".
    p(
      /\b(?:decided|decision|opted|chosen|chose|elected|determined) (?:not to|to not) (?:move|proceed|progress|pursue|continue|offer|advance|invite|take|extend|go)\b/,
      4,
    ),
    p(
      /\b(?:did not|didn't|do not|won't|will not) (?:select|choose|shortlist|progress|advance) (?:your|you)\b/,
      4,
    ),
    p(
      /\b(?:move|moving|go|going|proceed|proceeding|continue|continuing) (?:forward )?with (?:other|another|a different)\b/,
      4,
    ),
    p(
      /\b(?:decided|chosen|chose|elected|opted) to (?:pursue|go with|proceed with|progress|continue with|move forward with|interview|invite|shortlist|focus on|hire|appoint|select|offer (?:the (?:role|position|job) )?to) (?:other|another|a different|candidates|applicants|someone|an? (?:candidate|applicant|person))\b/,
      4,
    ),
    p(
      /\b(?:decided|chosen|chose|opted) (?:to go )?(?:with |for )?(?:another|a different|an?) (?:candidate|applicant|person)\b/,
      4,
    ),
    p(
      /\boffer(?:ed)? (?:the (?:role|position|job)|it) to (?:another|a different|someone else|other|an?(?:other)? (?:candidate|applicant)|the successful)\b/,
      4,
    ),
    p(/\b(?:go|move|moving|going) in a different direction\b/, 4),
    p(/\b(?:pursue|progress|pursuing|progressing) other (?:candidates|applicants)\b/, 4),
    p(/\b(?:other|another) (?:candidates?|applicants?) (?:whose|who|that)\b/, 3),
    p(
      /\b(?:(?:have|has|were|was|are|is) not|haven't|hasn't|weren't|wasn't|aren't|isn't) (?:been )?(?:selected|shortlisted|successful|chosen|picked|progressed)\b/,
      4,
    ),
    p(
      /\b(?:unsuccessful|not successful) (?:on this occasion|this time|in your application|at this stage)\b|\bapplication (?:was|has been|is) unsuccessful\b/,
      4,
    ),
    p(/\bregret to (?:inform|let you know|advise|tell)\b/, 4),
    p(
      /\b(?:unable|not able|aren't able|are not able|cannot|can't|not in a position) to (?:offer you|move forward|proceed|progress|continue|take your application|advance)\b/,
      4,
    ),
    p(
      /(?:\bunable|\bnot able|n't able|\bcannot|n't) to (?:move|take|bring|carry|progress|advance) (?:your application|your candidacy|you|it) (?:any )?(?:forward|further)\b/,
      4,
    ),
    p(
      /(?:\bnot|n't) (?:been |be )?able to (?:select|shortlist|progress|advance|offer you|move forward|proceed|invite)\b/,
      4,
    ),
    p(/\bnot (?:to )?(?:proceed|progress) (?:with|further)\b/, 3),
    p(
      /\bnot (?:be )?(?:taking|take|taken|progressing|progress|advancing) (?:your application|your candidacy|it) (?:any )?further\b/,
      4,
    ),
    p(/\bnot going to (?:proceed|continue|move forward|progress|advance)\b/, 4),
    p(
      /\b(?:will not|won't|not) be (?:taken|carried) forward\b|(?:\bnot|n't) be able to take (?:things|this|it|your application) (?:any )?further\b/,
      4,
    ),
    p(
      /\b(?:decided|chosen|chose|opted) to (?:pass on|close|decline) your (?:application|candidacy|profile)\b/,
      4,
    ),
    p(
      /\b(?:application|candidacy)(?: for [\w ,&-]{1,60}?)? (?:has been|was|is being) (?:declined|rejected|turned down)\b/,
      4,
    ),
    p(/\bno further action will be taken\b/, 3),
    p(
      /\b(?:move|moving) ahead with (?:other|another|a different|someone|an? (?:candidate|applicant)|candidates|applicants)\b|\bwith someone else\b/,
      4,
    ),
    p(/\b(?:has|have) not been (?:progressed|taken forward|retained)\b|\bnot (?:been )?retained\b/, 4),
    p(/\b(?:unable|not able) to consider your (?:application|candidacy) (?:any )?further\b/, 4),
    p(/\b(?:will not|won't|not) be (?:inviting|scheduling|offering|pursuing)\b/, 4),
    p(
      /\b(?:selected|hired|chosen|offered the (?:role|position) to) (?:another|a different|an?other) (?:candidate|applicant|person)\b/,
      4,
    ),
    p(/\b(?:has|have) been offered to (?:another|a different|someone)\b/, 4),
    p(
      /\b(?:selected|chosen|hired|picked|appointed|offered (?:it|the (?:role|position|job)) to) someone else\b|\b(?:hir(?:ed|ing)|fill(?:ed|ing)? (?:it|the (?:role|position))) internally\b/,
      4,
    ),
    p(/\b(?:decided against|must decline|have to decline)\b/, 3),
    p(/\bdecided against (?:moving|progressing|proceeding|advancing|taking|inviting|continuing)\b/, 4),
    p(/\b(?:has|have) (?:now )?gone to (?:another|a different|an?other|someone)\b/, 4),
    p(
      /(?:\bdid not|n't|\bhas not|\bwill not) make (?:it (?:onto|on|to|through) )?(?:the|our) (?:shortlist|cut|next (?:round|stage))\b/,
      4,
    ),
    p(/\b(?:it's|it is) a no\b/, 4),
    p(
      /\b(?:recruitment|hiring process|selection process|search) (?:has|is|was) (?:now )?(?:closed|concluded)\b/,
      3,
    ),
    p(/\b(?:will not|won't|not) be (?:extending|making) (?:you )?an offer\b/, 4),
    p(/\bno longer (?:being )?consider(?:ed|ing)?\b/, 4),
    // Closures: the role is gone.
    p(
      /\b(?:position|role|vacancy|job|requisition|opening)s? (?:you applied for )?(?:has|have|is|was) (?:now |since |already )?(?:been )?(?:filled|closed|cancell?ed|canceled|withdrawn|put on hold|no longer (?:open|available))\b/,
      4,
    ),
    p(
      /\b(?:we|we have|we've|have|has|had) (?:now |since |already )?(?:filled|closed|cancell?ed) (?:the|this|our) (?:[\w,-]+ ){0,4}?(?:position|role|vacancy|opening|job|requisition)s?\b/,
      4,
    ),
    p(
      /\b(?:concluded|completed|closed) (?:the|our) (?:recruitment|hiring|search|process) (?:for|on)\b|\bsuccessful candidate has been (?:appointed|selected|chosen)\b/,
      4,
    ),
    p(
      /\b(?:all|every) (?:the )?(?:spots?|places?|positions?|seats?|openings?|roles?)(?: [\w-]+){0,4}? (?:are|is|were|was|have been|has been) (?:now )?(?:already )?(?:filled|taken)\b/,
      4,
    ),
    p(/\bno longer (?:recruiting|hiring|processing|open|reviewing applications)\b/, 3),
    p(
      /\b(?:we have|we've|have|has) (?:now |already |since )?(?:hired|made (?:a|an|our) (?:hire|appointment)|appointed someone|found (?:someone|the right (?:person|candidate)))\b/,
      4,
    ),
    p(/\bwithout making a hire\b/, 3),
    p(
      /\b(?:spots|places|positions|seats|openings|roles|slots)\b[^.]{0,40}? (?:are|were|have) (?:now )?(?:all|already) (?:been )?(?:filled|taken)\b/,
      4,
    ),
    // "Not a match": the candidate and the role do not fit.
    p(
      /\bmore closely (?:align|match)\w*\b|\b(?:closer|better) (?:match|fit)\w*\b|\bbetter (?:match|meet|suit)\w*\b/,
      3,
    ),
    p(
      /(?:(?:\bnot|n't) (?:quite )?(?:the right|a|the best|a good|a great|a strong|a close) (?:\w+ )?(?:fit|match)|\bnot a match|(?:\bno|n't (?:currently )?have an?|\bnot (?:currently )?have an?|\bisn't an?|\bis not an?) (?:position|role|opening|vacancy)(?: here| with us| at the moment| right now| currently)? (?:that is|that's|which is|that would be) a (?:\w+ )?(?:match|fit))\b/,
      4,
    ),
    p(
      /\b(?:skills|experience|background|profile|qualifications)(?: and experience)? (?:don't|do not|doesn't|does not|didn't|did not) (?:align|match|fit|meet)\b/,
      4,
    ),
    p(
      /\b(?:don't|do not|doesn't|does not|didn't|did not) (?:quite |fully |closely |yet )?(?:line up|meet|align|match|fit|map)(?: closely)? (?:enough )?(?:with|to)\b/,
      3,
    ),
    p(/\b(?:stronger|closer|better) (?:match|fit)\w*\b|\b(?:were|was) (?:a )?stronger\b/, 3),
    p(/\b(?:we've|we have) (?:determined|concluded) (?:that )?(?:you|your)\b/, 2),
    p(/\bdecline your application\b/, 4),
    // The general shape of a decision, whatever its words: a negation shortly before a verb of
    // going on, then where to (forward, further, the next stage) or whom (you, your application).
    // Weaker than a known phrase (below STRONG), so alone it reads as a rejection only in mail
    // about a job, and then waits for review.
    p(
      /(?:\bnot|n't|\bunable to|\bno longer)\b(?: [\w'-]+){0,5}? (?:moving|move|going|go|proceed\w*|progress\w*|advanc\w*|continu\w*|tak(?:e|ing)|bring\w*|carry\w*|select\w*|shortlist\w*|invit\w*|consider\w*|contact\w* you|pursu\w*|offer\w*)\b[^.?!;]{0,60}?\b(?:forward|further|ahead|next (?:stage|round|step)|interview stage|to interview|final (?:stage|round)|your (?:application|candidacy|profile)|any applications)\b/,
      2.5,
      true,
    ),
    p(/\b(?:it|that) (?:won't|will not|wasn't|was not|isn't|is not) (?:be )?you\b/, 4),
    p(/\b(?:decided on|chosen|selected) (?:a|another|the|our) (?:finalist|candidate|applicant)\b/, 3),
    p(/\b(?:decided to|will|going to) keep (?:looking|searching)\b/, 3),
    p(/\b(?:were|was|have been|has been|are) unsuccessful\b/, 4),
    // "Pass on", "close" and "not considered further": what happens to the application.
    p(/\b(?:pass|passing) on your (?:application|candidacy|profile|resume|cv)\b/, 4),
    p(
      /\b(?:we(?:'ll| will)(?: be)?|we're|we are|we have|we've|we) (?:now )?(?:clos(?:ing|ed|e)|archiv(?:ing|ed|e))(?: out)? your (?:application|candidacy)\b/,
      4,
    ),
    p(
      /(?:\bnot|n't) be considered (?:any )?further\b|\bnot (?:be )?(?:considered|under consideration) (?:any ?more|any longer)\b/,
      4,
    ),
    p(/\bnot among (?:the )?(?:candidates|applicants|those|people|finalists)\b/, 4),
    p(
      /\b(?:application|candidacy) (?:did not|didn't|has not|hasn't|was not|wasn't|will not|won't) (?:progress|proceed|advance|move forward|go forward|go any further|make it|been progressed)\b/,
      4,
    ),
    p(
      /(?:\bnot|n't) (?:be )?(?:progressing|advancing|moving|taking|putting|inviting) (?:your application |your candidacy |you |it )?(?:on |forward |ahead |through )?(?:to|into) (?:an? |the )?(?:interviews?|next (?:stage|round|step)|final (?:stage|round)|interview stage)\b/,
      4,
    ),
    p(
      /\b(?:status|outcome)\b[^.\n]{0,120}?(?:\bnot selected|\bnot progressing|\bunsuccessful|\brejected|\bdeclined|\bnot moving forward)\b/,
      4,
    ),
    p(/\b(?:go|going|went) (?:in )?(?:another|a different) (?:way|route)\b/, 4),
    p(
      /\b(?:can't|cannot|can not|won't|will not|couldn't|could not) offer you (?:a |an |the )?(?:spot|place|position|role|job|interview)\b/,
      4,
    ),
    p(/\bunfortunately\b/, 1.5),
    p(/\bregret\w*\b/, 1),
    p(/\b(?:i'm|i am|we're|we are) (?:sorry|afraid)\b/, 1.5),
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
      // Not "decided not to invite you to interview".
      /(?<!\bnot (?:to )?|n't |to not )\b(?:invite|inviting|invitation) (?:you )?(?:to|for) (?:an? |the |your )?(?:\w+ )?(?:interview|call|chat|conversation|meeting|onsite|on-site|round|stage)\b/,
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
    // "Move forward" counts only said positively, about the candidate ("we'd like to move you forward").
    p(
      /\b(?:(?:like|love|happy|pleased|glad|excited|delighted|want) to (?:move|progress|advance)(?: you| your application)? (?:forward|to the (?:next|final) (?:stage|round|step))|(?:move|moving|progress|advance|advancing) you (?:forward|to the (?:next|final) (?:stage|round|step)))\b/,
      3,
    ),
    p(/\b(?:calendly\.com|cal\.com|goodtime\.io|meet\.google\.com|zoom\.us|teams\.microsoft\.com)\b/, 2),
    p(/\b(?:interview|time) slots?\b|\bwhich time suits\b/, 3),
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
      /\bcomplete (?:the|this|our|a|an|your) (?:\w+ ){0,2}(?:test|challenge|exercise|questionnaire|task|assignment)\b/,
      3,
    ),
    p(/\bcase study\b/, 2),
    p(
      /\b(?:design|take-home|take home|written|work sample) (?:challenge|exercise|task|assignment|test)\b/,
      4,
    ),
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
 * details on file"; "we cannot take your application further without your documents"). Rejection phrases inside them do not count: an acknowledgement says this.
 */
export const CONDITIONAL = /\b(?:if|should|in case|in the event|whether|unless|once|until|without)\b/;

/** Words that show a message is about a job at all. */
export const JOB_CONTEXT =
  /\b(?:application|applied|applying|applicant|candidate\w*|position|role|interview|recruit\w*|hiring|hire|job|career|resume|cv|talent|vacancy|opening|offer|assessment)\b/;

/** Text that reads like instructions to a program rather than mail from an employer. */
export const INSTRUCTION_INJECTION =
  /\b(?:ignore (?:all |any )?(?:previous|prior|above) instructions|system prompt|developer mode|you are now|new instructions|jailbreak|disregard (?:all |the )?(?:previous|above))\b/;

/** Mail about job-seeking in general (events, tips, newsletters) rather than one application. */
export const GENERAL_CAREER_MAIL =
  /\b(?:mock interviews?|webinar|workshop|newsletter|job alerts?|jobs? (?:that )?match your|recommended jobs|interview (?:prep|preparation|tips|questions))\b/;

/** A newsletter or event mailing, recognised anywhere in the mail, footers included. */
export const NEWSLETTER = /\b(?:newsletter|webinar|in this (?:week's )?issue|this week's issue)\b/;
