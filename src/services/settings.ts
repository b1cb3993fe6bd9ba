import { DEFAULT_GHOST_AFTER_DAYS } from '../core/applications/ghosting.ts';
import type { SettingsInput } from '../core/applications/input.ts';
import type { SettingsView } from '../core/applications/schemas.ts';
import { readSettings, writeSettings } from '../store/workspace-repository.ts';
import { defaultTimeZone, type ServiceContext } from './context.ts';

/** ghostAfterDays, timeZone, hideClosedOnBoard (closed applications stay off the board), userName (how drafts are signed). */
export type Settings = SettingsView;

export async function getSettings(ctx: Pick<ServiceContext, 'db' | 'workspaceId'>): Promise<Settings> {
  const stored = await readSettings(ctx.db, ctx.workspaceId);
  return {
    ghostAfterDays:
      typeof stored.ghostAfterDays === 'number' ? stored.ghostAfterDays : DEFAULT_GHOST_AFTER_DAYS,
    timeZone: typeof stored.timeZone === 'string' ? stored.timeZone : defaultTimeZone(),
    hideClosedOnBoard: stored.hideClosedOnBoard === true,
    userName: typeof stored.userName === 'string' ? stored.userName : null,
  };
}

export async function updateSettings(ctx: ServiceContext, input: SettingsInput): Promise<Settings> {
  await writeSettings(ctx.db, ctx.workspaceId, input);
  return getSettings(ctx);
}
