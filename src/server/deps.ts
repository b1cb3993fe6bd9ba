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
import type { ServiceContext } from '../services/context.ts';
import type { MailSyncScheduler } from '../services/mail-sync/scheduler.ts';
import type { PresentContext } from '../services/presenters.ts';
import { getSettings, type Settings } from '../services/settings.ts';
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
  /** Seals saved mail passwords (the data folder's key file locally). */
  secrets: SecretBox;
  /** Plans scheduled mail syncs (a timer locally). */
  mailScheduler: MailSyncScheduler;
}

export async function createRouteDeps(
  base: ServiceContext,
  cache: ResponseCache,
  hosted = false,
  mail: { secrets: SecretBox; mailScheduler: MailSyncScheduler },
): Promise<RouteDeps> {
  let settings = await getSettings(base);
  let ctx: ServiceContext = { ...base, timeZone: settings.timeZone };
  return {
    cache,
    hosted,
    ...mail,
    context: () => ctx,
    present: () => ({
      today: localDate(ctx.clock.now(), ctx.timeZone),
      ghostAfterDays: settings.ghostAfterDays,
    }),
    settings: () => settings,
    refreshSettings: async () => {
      settings = await getSettings(base);
      ctx = { ...base, timeZone: settings.timeZone };
    },
  };
}
