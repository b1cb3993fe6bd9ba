import type { EventInput } from '../core/applications/input.ts';
import type { ServiceContext } from './context.ts';

/**
 * The hook between an application's history and the features that react to it. `addEvent`
 * announces every event it records; listeners run in the same transaction (`ctx.db` is the
 * transaction), so what they write lands or fails with the event. Features register once, at
 * start-up (see `src/services/workspace.ts`), so `applications.ts` never imports them: the recovery
 * loop depends on applications, not the other way round.
 *
 * `input` is the event as given; a caller may carry extra details for a listener on it (the
 * recovery loop's `recovery` options ride on a rejection).
 */
export type ApplicationEventListener = (
  ctx: ServiceContext,
  applicationId: string,
  input: EventInput,
  day: string,
) => Promise<void>;

const listeners = new Set<ApplicationEventListener>();

/** Registers a listener (registering the same one twice keeps one). */
export function onApplicationEvent(listener: ApplicationEventListener): void {
  listeners.add(listener);
}

/** Runs every listener, in registration order, inside the caller's transaction. */
export async function applicationEventRecorded(
  ctx: ServiceContext,
  applicationId: string,
  input: EventInput,
  day: string,
): Promise<void> {
  for (const listener of listeners) await listener(ctx, applicationId, input, day);
}
