import { z } from 'zod';
import * as repo from '../../store/imports-repository.ts';
import * as senders from '../../store/mail-senders-repository.ts';
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
      // Backups written before matching kept its reasons have none.
      matchReasons: z.array(z.string()).default([]),
      status: z.enum(['pending', 'applied', 'dismissed']),
      action: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  mailSenders: z
    .array(
      z.object({
        sender: z.string().min(1),
        company: z.string().min(1),
        confirmations: z.number().int().min(1),
        updatedAt: z.string(),
      }),
    )
    .default([]),
});

/**
 * Imported e-mails and the review queue in the backup, so a restore does not re-queue them, and
 * the senders the user confirmed, so matching keeps what it learned.
 */
export const importsBackupSection: BackupSection = {
  name: 'imports',
  async export(ctx: ServiceContext) {
    return {
      mailMessages: await repo.listMailMessages(ctx.db, ctx.workspaceId),
      mailSenders: await senders.listMailSenders(ctx.db, ctx.workspaceId),
    };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const parsed = parseBackupPart(sectionSchema, data, { prefix: 'sections.imports' });
    await repo.insertMailMessages(ctx.db, ctx.workspaceId, parsed.mailMessages);
    await senders.insertMailSenders(ctx.db, ctx.workspaceId, parsed.mailSenders);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearMailMessages(ctx.db, ctx.workspaceId);
    await senders.clearMailSenders(ctx.db, ctx.workspaceId);
  },
};
