import { z } from 'zod';
import { REFERRAL_ASK_STATUSES } from '../../core/referrals/asks.ts';
import * as repo from '../../store/referrals-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const sectionSchema = z.object({
  connections: z.array(
    z.object({
      contactId: z.string().min(1),
      source: z.string().min(1),
      connectedOn: day.nullable(),
      importedAt: z.string(),
    }),
  ),
  referralAsks: z.array(
    z.object({
      id: z.string().min(1),
      applicationId: z.string().min(1),
      contactId: z.string().min(1),
      status: z.enum(REFERRAL_ASK_STATUSES),
      askedOn: day,
      statusOn: day,
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

/** Connection marks and referral asks in the backup (after recovery's section, which holds the contacts). */
export const referralsBackupSection: BackupSection = {
  name: 'referrals',
  async export(ctx: ServiceContext) {
    const [connections, referralAsks] = await Promise.all([
      repo.listConnections(ctx.db, ctx.workspaceId),
      repo.listReferralAsks(ctx.db, ctx.workspaceId),
    ]);
    return { connections, referralAsks };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const parsed = parseBackupPart(sectionSchema, data, { prefix: 'sections.referrals' });
    await repo.insertConnections(ctx.db, ctx.workspaceId, parsed.connections);
    await repo.insertReferralAsks(ctx.db, ctx.workspaceId, parsed.referralAsks);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearReferralData(ctx.db, ctx.workspaceId);
  },
};
