import type { Store } from '../store/connect.ts';
import { ensureWorkspace, LOCAL_WORKSPACE_ID } from '../store/workspace-repository.ts';
import { onApplicationEvent } from './application-events.ts';
import { type Clock, type ServiceContext, systemClock } from './context.ts';
import { recoveryOnApplicationEvent } from './recovery/rejections.ts';
import { getSettings } from './settings.ts';

// Features that react to an application's history register here, once, before any workspace opens.
onApplicationEvent(recoveryOnApplicationEvent);

/**
 * Opens the service context for one workspace (local mode has exactly one, `local`). The time
 * zone comes from the workspace's settings, so "today" is the user's today.
 */
export async function openWorkspace(
  store: Store,
  options: { workspaceId?: string; clock?: Clock } = {},
): Promise<ServiceContext> {
  const clock = options.clock ?? systemClock;
  const workspaceId = await ensureWorkspace(
    store.db,
    options.workspaceId ?? LOCAL_WORKSPACE_ID,
    'My job search',
    clock.now().toISOString(),
  );
  const settings = await getSettings({ db: store.db, workspaceId });
  return { db: store.db, workspaceId, clock, timeZone: settings.timeZone };
}
