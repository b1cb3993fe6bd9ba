import type { ServiceContext } from '../context.ts';
import { createGoal } from '../insights/goals.ts';

/**
 * Where an accepted check-in lands in the seeker's own plan: today, a custom goal named by the
 * check-in, done once, in the week it was proposed for (`weekStart`, its Monday) and that week only.
 * The one place to repoint when the weekly plan grows its own steps. Runs inside the acceptance's
 * transaction (`ctx.db` is the transaction); returns the id of what it added.
 */
export async function addCheckInToPlan(
  ctx: ServiceContext,
  text: string,
  weekStart: string,
): Promise<string> {
  const goal = await createGoal(
    ctx,
    { kind: 'custom', target: 1, unit: 'times', label: text },
    { weekStart },
  );
  return goal.id;
}
