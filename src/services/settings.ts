import { DEFAULT_GHOST_AFTER_DAYS } from '../core/applications/ghosting.ts';
import type { SettingsInput } from '../core/applications/input.ts';
import type { SettingsView } from '../core/applications/schemas.ts';
import { EXTENSION_ORIGIN } from '../core/clipper/origins.ts';
import { readSettings, writeSettings } from '../store/workspace-repository.ts';
import { defaultTimeZone, type ServiceContext } from './context.ts';

/** ghostAfterDays, timeZone, hideClosedOnBoard (closed applications stay off the board), userName (how drafts are signed), helplineUrl (linked from the reframe card). */
export type Settings = SettingsView;

/**
 * The workspace's settings. A hosted request reads them once, before its route runs, and carries
 * them in its context (`ctx.settings`, for that workspace only); otherwise they are read here.
 */
export async function getSettings(
  ctx: Pick<ServiceContext, 'db' | 'workspaceId'> & { settings?: ServiceContext['settings'] },
): Promise<Settings> {
  if (ctx.settings?.workspaceId === ctx.workspaceId) return ctx.settings.value;
  return settingsFrom(await readSettings(ctx.db, ctx.workspaceId));
}

/** The settings from their stored key → value form, defaults for what is missing or unusable. */
export function settingsFrom(stored: Record<string, unknown>): Settings {
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
  return getSettings({ db: ctx.db, workspaceId: ctx.workspaceId });
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
