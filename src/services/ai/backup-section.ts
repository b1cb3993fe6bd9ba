import { z } from 'zod';
import { AI_LIMITS } from '../../core/ai/input.ts';
import { ReboundError } from '../../core/errors.ts';
import * as repo from '../../store/ai-repository.ts';
import { findFeedbackRequest } from '../../store/feedback-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const sectionSchema = z.object({
  replySummaries: z.array(
    z.object({
      feedbackRequestId: z.string().min(1),
      summary: z.string().min(1).max(AI_LIMITS.summary),
      updatedAt: z.string(),
    }),
  ),
});

/**
 * The themes kept beside feedback replies (after recovery's section, which holds the replies).
 * The endpoint, its key and the call log stay on this machine: they are settings, not the search.
 */
export const aiBackupSection: BackupSection = {
  name: 'ai',
  async export(ctx: ServiceContext) {
    return { replySummaries: await repo.listReplySummaries(ctx.db, ctx.workspaceId) };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const parsed = parseBackupPart(sectionSchema, data, { prefix: 'sections.ai' });
    for (const [i, s] of parsed.replySummaries.entries()) {
      if (!(await findFeedbackRequest(ctx.db, ctx.workspaceId, s.feedbackRequestId))) {
        const path = `sections.ai.replySummaries[${i}].feedbackRequestId`;
        throw new ReboundError(
          'invalid_backup',
          `This is not a valid Rebound backup: ${path}: no such feedback request`,
          [{ path, message: 'no such feedback request' }],
        );
      }
      await repo.saveReplySummary(ctx.db, ctx.workspaceId, s.feedbackRequestId, s.summary, s.updatedAt);
    }
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearReplySummaries(ctx.db, ctx.workspaceId);
  },
};
