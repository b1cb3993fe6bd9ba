import { z } from 'zod';
import { isoDate } from '../../core/applications/input.ts';
import * as repo from '../../store/writing-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const sectionSchema = z.object({
  sessions: z.array(
    z.object({
      id: z.string().min(1),
      applicationId: z.string().min(1),
      number: z.number().int().min(1).max(5),
      on: isoDate,
      prompt: z.string(),
      text: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
type SectionData = z.infer<typeof sectionSchema>;

/**
 * The writing after a no, in the backup only when the user includes it (`private`): an ordinary
 * export leaves it out, and restoring a backup without it keeps what is on this machine.
 */
export const writingBackupSection: BackupSection = {
  name: 'writing',
  private: true,
  async export(ctx: ServiceContext): Promise<SectionData> {
    return { sessions: await repo.listAllWritingSessions(ctx.db, ctx.workspaceId) };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const d = parseBackupPart(sectionSchema, data, { prefix: 'sections.writing' });
    await repo.insertWritingSessions(ctx.db, ctx.workspaceId, d.sessions);
  },
  async keep(ctx: ServiceContext, kept: unknown, applicationIds: ReadonlySet<string>): Promise<void> {
    const sessions = (kept as SectionData).sessions.filter((s) => applicationIds.has(s.applicationId));
    await repo.insertWritingSessions(ctx.db, ctx.workspaceId, sessions);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearWriting(ctx.db, ctx.workspaceId);
  },
};
