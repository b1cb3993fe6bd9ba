import { z } from 'zod';
import { isoDate } from '../../core/applications/input.ts';
import { STEP_CHANNELS, STEP_STATUSES } from '../../core/week/steps.ts';
import * as repo from '../../store/week-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const sectionSchema = z.object({
  steps: z.array(
    z.object({
      id: z.string().min(1),
      weekStart: isoDate,
      day: isoDate,
      time: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .nullable(),
      where: z.string().min(1),
      what: z.string().min(1),
      minutes: z.number().int().min(1),
      channel: z.enum(STEP_CHANNELS),
      status: z.enum(STEP_STATUSES),
      movedFrom: isoDate.nullable(),
      settledAt: z.string().nullable(),
      sourceKey: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
type SectionData = z.infer<typeof sectionSchema>;

/** The weekly plan's steps in the backup. */
export const weekBackupSection: BackupSection = {
  name: 'week',
  async export(ctx: ServiceContext): Promise<SectionData> {
    return { steps: await repo.listAllSteps(ctx.db, ctx.workspaceId) };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const d = parseBackupPart(sectionSchema, data, { prefix: 'sections.week' });
    await repo.insertSteps(ctx.db, ctx.workspaceId, d.steps);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await repo.clearSteps(ctx.db, ctx.workspaceId);
  },
};
