import { z } from 'zod';
import { ReboundError } from '../../core/errors.ts';
import { issuesToDetails } from '../../core/validation.ts';
import * as repo from '../../store/imports-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import type { ServiceContext } from '../context.ts';

const sectionSchema = z.object({
  mailMessages: z.array(
    z.object({
      id: z.string().min(1),
      messageKey: z.string().min(1),
      fromAddress: z.string().nullable(),
      fromName: z.string().nullable(),
      subject: z.string(),
      sentAt: z.string().nullable(),
      excerpt: z.string(),
      kind: z.string().min(1),
      confidence: z.number().min(0).max(1),
      evidence: z.array(z.string()),
      applicationId: z.string().nullable(),
      matchScore: z.number().nullable(),
      status: z.enum(['pending', 'applied', 'dismissed']),
      action: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

/** Imported e-mails and the review queue in the backup, so a restore does not re-queue them. */
export const importsBackupSection: BackupSection = {
  name: 'imports',
  async export(ctx: ServiceContext) {
    return { mailMessages: await repo.listMailMessages(ctx.db, ctx.workspaceId) };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const parsed = sectionSchema.safeParse(data);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues).map((d) => ({
        ...d,
        path: `sections.imports.${d.path}`,
      }));
      throw new ReboundError(
        'invalid_backup',
        `This is not a valid Rebound backup: ${details
          .slice(0, 5)
          .map((d) => `${d.path}: ${d.message}`)
          .join('; ')}`,
        details,
      );
    }
    await repo.insertMailMessages(ctx.db, ctx.workspaceId, parsed.data.mailMessages);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearMailMessages(ctx.db, ctx.workspaceId);
  },
};
