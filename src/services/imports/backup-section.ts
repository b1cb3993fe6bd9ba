import { z } from 'zod';
import * as repo from '../../store/imports-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
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
    const parsed = parseBackupPart(sectionSchema, data, { prefix: 'sections.imports' });
    await repo.insertMailMessages(ctx.db, ctx.workspaceId, parsed.mailMessages);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearMailMessages(ctx.db, ctx.workspaceId);
  },
};
