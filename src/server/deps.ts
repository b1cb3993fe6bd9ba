import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { localDate } from '../core/dates.ts';
import type { SecretBox } from '../io/secret-box.ts';
import type { AccountsContext } from '../services/accounts/accounts.ts';
import type { AccountMail } from '../services/accounts/mail.ts';
import type { ServiceContext } from '../services/context.ts';
import type { MailSyncScheduler } from '../services/mail-sync/scheduler.ts';
import type { PresentContext } from '../services/presenters.ts';
import { getSettings, type Settings } from '../services/settings.ts';
import { currentScope } from './auth.ts';
import type { ResponseCache } from './response-cache.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * What routes need from the outside: the service context for the request's workspace and the
 * presenters' view of "today". Settings are cached and refreshed when they change.
 */
export interface RouteDeps {
  context(): ServiceContext;
  present(): PresentContext;
  settings(): Settings;
  refreshSettings(): Promise<void>;
  cache: ResponseCache;
  /** Served beyond this machine: outbound fetches must not reach private addresses. */
  hosted: boolean;
  /** The database, clock and mail for the server's accounts (hosted mode). */
  accounts: AccountsContext;
  /** Seals saved mail passwords (the data folder's key file locally). */
  secrets: SecretBox;
  /** Plans scheduled mail syncs (a timer locally). */
  mailScheduler: MailSyncScheduler;
}

export async function createRouteDeps(
  base: ServiceContext,
  cache: ResponseCache,
  hosted = false,
  mailSync: { secrets: SecretBox; mailScheduler: MailSyncScheduler },
  mail?: AccountMail,
): Promise<RouteDeps> {
  // Local mode: one workspace, its settings cached here and refreshed when they change. Hosted
  // mode: each request's workspace and settings come from its scope (see auth.ts), never from
  // anything kept in this process, so several servers can share one database.
  let settings = hosted ? undefined : await getSettings(base);
  let ctx: ServiceContext = { ...base, timeZone: settings?.timeZone ?? base.timeZone };
  const scoped = () => {
    const scope = currentScope();
    if (!scope && hosted) throw new Error('A hosted request reached a route without its workspace scope.');
    return scope;
  };
  return {
    cache,
    hosted,
    ...mailSync,
    accounts: { db: base.db, clock: base.clock, ...(mail ? { mail } : {}) },
    context: () => scoped()?.context ?? ctx,
    present: () => {
      const scope = scoped();
      const c = scope?.context ?? ctx;
      const s = scope?.settings ?? settings!;
      return { today: localDate(c.clock.now(), c.timeZone), ghostAfterDays: s.ghostAfterDays };
    },
    settings: () => scoped()?.settings ?? settings!,
    refreshSettings: async () => {
      const scope = scoped();
      if (scope) {
        scope.settings = await getSettings({ db: scope.context.db, workspaceId: scope.context.workspaceId });
        scope.context.timeZone = scope.settings.timeZone;
        scope.context.settings = { workspaceId: scope.context.workspaceId, value: scope.settings };
        return;
      }
      settings = await getSettings(base);
      ctx = { ...base, timeZone: settings.timeZone };
    },
  };
}
