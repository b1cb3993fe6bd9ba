/**
 * Situations that make a job e-mail `other` whatever phrases it holds (see classifyEmail).
 * Text is already lower-cased with straight quotes.
 */

/** The employer confirming that the candidate withdrew. */
export const WITHDRAWAL =
  /\b(?:(?:your |the )?request to withdraw|(?:you have|you've|you) withdr[ae]wn?\b|withdr[ae]w your (?:application|candidacy)|(?:application|candidacy) (?:has been|was|is now|have been) withdrawn|(?:we've|we have) withdrawn your (?:application|candidacy)|withdrawal (?:confirmed|request|of your application)|your withdrawal|withdraw from (?:consideration|the process)|(?:application|candidacy) as withdrawn|(?:as you (?:asked|requested)|at your (?:own )?request|per your request|as requested)[^.]{0,80}\b(?:removed|withdrawn|closed|cancell?ed)\b|\b(?:removed|withdrawn|closed|cancell?ed)\b[^.]{0,80}(?:as you (?:asked|requested)|at your (?:own )?request|per your request))/;

/** A recruiter's approach about a role the candidate has not applied for. */
export const RECRUITER_PITCH =
  /\b(?:came across your (?:profile|background|cv|resume)|are you open to (?:new )?(?:opportunities|roles|a (?:new )?(?:role|move))|open to hearing about|(?:my|our) clients?|one of (?:my|our) clients|i have a client|i'm reaching out about|reaching out (?:about|regarding) an? (?:\w+ )?(?:role|opportunity|opening|position)|i'm a recruiter|exciting (?:\w+ )?(?:opportunity|role)|(?:profile|background|work|experience|cv|resume) (?:stood out to me|caught my (?:eye|attention))|i(?:'m| am) hiring for an? |i lead (?:talent|recruiting|hiring) (?:for|at)|i (?:place|recruit) \w+ (?:people|engineers|analysts|candidates)|cold (?:message|email|note)|(?:saw|seen|came across|found) your (?:\w+ ){0,2}(?:work|profile|background|projects?|portfolio) (?:on|at)|i(?:'m| am) working with an? (?:\w+ ){0,3}(?:startup|company|client|firm|scale-up)|i think you'd be (?:a )?(?:great|strong|good) (?:match|fit))\b/;

/** Words that tie a mail to an application the candidate made (a pitch has none). */
export const REFERS_TO_APPLICATION =
  /\b(?:your application|you applied|thanks? (?:you )?for applying|your candidacy|applied (?:for|to))\b/;
