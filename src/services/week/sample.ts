import { addDays } from '../../core/dates.ts';
import type { StepChannel } from '../../core/week/steps.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import { WRITING_PROMPTS } from '../../core/writing/prompts.ts';
import * as steps from '../../store/week-repository.ts';
import * as writing from '../../store/writing-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';

/** Sample steps and writing are marked like sample applications, so "Remove sample data" finds them. */
const SAMPLE_KEY = 'sample:week';

type Slot = [dayOfWeek: number, time: string, where: string, what: string, minutes: number, StepChannel];

const SLOTS: Slot[] = [
  [1, '09:00', 'library', '2 tailored applications to fintech roles', 90, 'job_board'],
  [2, '14:00', 'café on the corner', 'coffee chat with a former colleague', 45, 'networking'],
  [3, '10:00', 'at my desk', 'write to 1 company I would like to work for', 60, 'direct_outreach'],
  [4, '09:30', 'library', 'follow-ups and a mock interview question', 45, 'other'],
];

/**
 * A sample weekly plan (last week settled: most done, one moved, one let go; this week planned)
 * and, when a sample application was rejected, a first writing session about it.
 */
export async function insertSamplePlan(
  ctx: ServiceContext,
  rejectedApplicationId: string | null,
): Promise<void> {
  const now = nowIso(ctx);
  const thisWeek = weekOf(today(ctx)).weekStart;
  const lastWeek = addDays(thisWeek, -7);
  const rows: steps.StoredStep[] = [];
  SLOTS.forEach(([d, time, where, what, minutes, channel], i) => {
    const last = {
      id: newId(),
      weekStart: lastWeek,
      day: addDays(lastWeek, d),
      time,
      where,
      what,
      minutes,
      channel,
      status: i === 2 ? ('dropped' as const) : ('done' as const),
      movedFrom: null as string | null,
      settledAt: now,
      sourceKey: SAMPLE_KEY,
      createdAt: now,
    };
    if (i === 1) {
      last.movedFrom = last.day;
      last.day = addDays(last.day, 1);
    }
    rows.push(last);
    // This week: what lies behind today is done, one step moved to today, the rest planned.
    const day = addDays(thisWeek, d);
    const isPast = day < today(ctx);
    const moved = isPast && i === 2;
    rows.push({
      ...last,
      id: newId(),
      weekStart: thisWeek,
      day: moved ? today(ctx) : day,
      status: isPast && !moved ? 'done' : 'planned',
      movedFrom: moved ? day : null,
      settledAt: isPast && !moved ? now : null,
    });
  });
  await steps.insertSteps(ctx.db, ctx.workspaceId, rows);
  if (rejectedApplicationId)
    await writing.insertWritingSessions(ctx.db, ctx.workspaceId, [
      {
        id: newId(),
        applicationId: rejectedApplicationId,
        number: 1,
        on: addDays(today(ctx), -2),
        prompt: WRITING_PROMPTS[0]!.prompt,
        text: 'The email came on a Tuesday morning, short and polite. I had pictured myself on that team. I felt flat for the rest of the day, then angry, then mostly tired.',
        createdAt: now,
        updatedAt: now,
      },
    ]);
}

/** Removes the sample plan (the sample writing goes with its sample application). */
export async function removeSamplePlan(ctx: ServiceContext): Promise<void> {
  await steps.deleteStepsBySourcePrefix(ctx.db, ctx.workspaceId, SAMPLE_KEY);
}
