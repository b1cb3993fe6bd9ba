import { DEFAULT_GHOST_AFTER_DAYS } from '../core/applications/ghosting.ts';
import type { SettingsInput } from '../core/applications/input.ts';
import type { SettingsView } from '../core/applications/schemas.ts';
import { EXTENSION_ORIGIN } from '../core/clipper/origins.ts';
import { readSettings, writeSettings } from '../store/workspace-repository.ts';
import { defaultTimeZone, type ServiceContext } from './context.ts';

/** ghostAfterDays, timeZone, hideClosedOnBoard (closed applications stay off the board), userName (how drafts are signed), helplineUrl (linked from the reframe card). */
export type Settings = SettingsView;

export async function getSettings(ctx: Pick<ServiceContext, 'db' | 'workspaceId'>): Promise<Settings> {
  const stored = await readSettings(ctx.db, ctx.workspaceId);
  return {
    ghostAfterDays:
      typeof stored.ghostAfterDays === 'number' ? stored.ghostAfterDays : DEFAULT_GHOST_AFTER_DAYS,
    timeZone: isTimeZone(stored.timeZone) ? stored.timeZone : defaultTimeZone(),
    hideClosedOnBoard: stored.hideClosedOnBoard === true,
    noticeDays: typeof stored.noticeDays === 'number' ? stored.noticeDays : null,
    fetchLocalAddresses: stored.fetchLocalAddresses === true,
    userName: typeof stored.userName === 'string' ? stored.userName : null,
    reminderEmails: stored.reminderEmails === true,
    clipperOrigins: Array.isArray(stored.clipperOrigins)
      ? stored.clipperOrigins.filter((o): o is string => typeof o === 'string' && EXTENSION_ORIGIN.test(o))
      : [],
    helplineUrl: typeof stored.helplineUrl === 'string' ? stored.helplineUrl : null,
  };
}

export async function updateSettings(ctx: ServiceContext, input: SettingsInput): Promise<Settings> {
  await writeSettings(ctx.db, ctx.workspaceId, input);
  return getSettings(ctx);
}

/**
 * True for a time zone this machine knows. A stored one that is not (written by an older
 * Rebound, or by hand) falls back to the machine's own, so no page stops working over it.
 */
function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
