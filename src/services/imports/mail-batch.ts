import { isReboundError } from '../../core/errors.ts';
import type { MailBatchInput } from '../../core/mail-sync/input.ts';
import type { MailBatchResult } from '../../core/mail-sync/schemas.ts';
import type { ServiceContext } from '../context.ts';
import { applyMailMessage, dismissMailMessage, presentMailMessage } from './mail-import.ts';

/**
 * Records (on the application each was matched to, as the kind it was read as) or dismisses
 * several queued e-mails. Each is its own step, as if done one by one: one that cannot be
 * recorded (no application found, a closed application) is reported and the others go on.
 */
export async function batchMailReview(ctx: ServiceContext, input: MailBatchInput): Promise<MailBatchResult> {
  const result: MailBatchResult = { done: [], failed: [] };
  for (const id of new Set(input.ids)) {
    try {
      const rec =
        input.action === 'apply' ? await applyMailMessage(ctx, id, {}) : await dismissMailMessage(ctx, id);
      result.done.push(presentMailMessage(rec));
    } catch (error) {
      if (!isReboundError(error)) throw error;
      result.failed.push({ id, message: error.message });
    }
  }
  return result;
}
