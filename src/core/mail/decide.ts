/**
 * What the import does with a classified, matched e-mail: record it at once, keep it for the
 * person to review, or set it aside as not about an application. One rule, used by the import
 * and by `npm run eval:mail`, so the evaluation measures what the import does.
 */
import type { MailClassification } from './classify-email.ts';

/**
 * How sure the classifier must be before Rebound acts on an e-mail by itself. The phrase scorer
 * gives 1.0 when one kind is clearly signalled and nothing else is, and drops towards 0.5 as a
 * second kind competes; at 0.7 the winning kind outweighs the others more than two to one.
 */
export const MAIL_APPLY_CONFIDENCE = 0.7;
/** How sure the match to an application must be (see `matchEmailToApplication`). */
export const MAIL_APPLY_MATCH = 0.6;

export type MailDecision =
  | { status: 'apply' }
  | { status: 'review'; why: string }
  | { status: 'dismiss'; why: string };

/**
 * Record, review or set aside: recording needs a clear kind and a sure match; a rejection also
 * needs no reason for caution (see `MailClassification.caution`), since a wrong one closes an
 * application the person is still hoping for.
 */
export function decideMail(
  classification: MailClassification,
  match: { applicationId: string | null; score: number } | null,
): MailDecision {
  if (classification.kind === 'other') return { status: 'dismiss', why: 'not about an application' };
  if (!match || match.applicationId === null || match.score < MAIL_APPLY_MATCH)
    return {
      status: 'review',
      why: match
        ? `not sure which application (match ${match.score.toFixed(2)})`
        : 'no matching application found',
    };
  if (classification.confidence < MAIL_APPLY_CONFIDENCE)
    return {
      status: 'review',
      why: `not sure what it means (confidence ${classification.confidence.toFixed(2)})`,
    };
  if (classification.kind === 'rejection' && classification.caution)
    return { status: 'review', why: `a rejection to check: ${classification.caution}` };
  return { status: 'apply' };
}
