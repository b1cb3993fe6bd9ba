import { z } from 'zod';
import { isoDate } from '../../core/applications/input.ts';
import { LOG_CHANNELS } from '../../core/channels/input.ts';
import { GOAL_KINDS } from '../../core/wellbeing/goals.ts';
import * as logs from '../../store/time-log-repository.ts';
import * as repo from '../../store/wellbeing-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const sectionSchema = z.object({
  timeLogs: z.array(
    z.object({
      id: z.string().min(1),
      channel: z.enum(LOG_CHANNELS),
      minutes: z.number().int().min(1),
      loggedOn: isoDate,
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  goals: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(GOAL_KINDS),
      target: z.number().positive(),
      unit: z.string().min(1),
      label: z.string().optional(),
      weekStart: isoDate.optional(),
      createdAt: z.string(),
    }),
  ),
  goalProgress: z.array(
    z.object({
      id: z.string().min(1),
      goalId: z.string().min(1),
      on: isoDate,
      amount: z.number().positive(),
      createdAt: z.string(),
    }),
  ),
  wins: z.array(
    z.object({
      id: z.string().min(1),
      on: isoDate,
      text: z.string().min(1),
      applicationId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  plannedBreaks: z.array(
    z.object({
      id: z.string().min(1),
      startsOn: isoDate,
      endsOn: isoDate,
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
type SectionData = z.infer<typeof sectionSchema>;

/**
 * Time logs, weekly goals and their progress, manual wins and planned breaks in the backup. The
 * plan, weekly hours and routine are settings and travel with them; the journal belongs to the
 * recovery section.
 */
export const insightsBackupSection: BackupSection = {
  name: 'insights',
  async export(ctx: ServiceContext): Promise<SectionData> {
    const [timeLogs, goals, goalProgress, wins, plannedBreaks] = await Promise.all([
      logs.listTimeLogs(ctx.db, ctx.workspaceId),
      repo.listGoals(ctx.db, ctx.workspaceId),
      repo.listGoalProgress(ctx.db, ctx.workspaceId),
      repo.listWins(ctx.db, ctx.workspaceId),
      repo.listBreaks(ctx.db, ctx.workspaceId),
    ]);
    return { timeLogs, goals, goalProgress, wins, plannedBreaks };
  },
  async import(ctx: ServiceContext, data: unknown): Promise<void> {
    const d = parseBackupPart(sectionSchema, data, { prefix: 'sections.insights' });
    await logs.insertTimeLogs(ctx.db, ctx.workspaceId, d.timeLogs);
    await repo.insertGoals(ctx.db, ctx.workspaceId, d.goals);
    await repo.insertGoalProgress(ctx.db, ctx.workspaceId, d.goalProgress);
    await repo.insertWins(ctx.db, ctx.workspaceId, d.wins);
    await repo.insertBreaks(ctx.db, ctx.workspaceId, d.plannedBreaks);
  },
  async clear(ctx: ServiceContext): Promise<void> {
    await logs.clearTimeLogs(ctx.db, ctx.workspaceId);
    await repo.clearWellbeing(ctx.db, ctx.workspaceId);
  },
};
