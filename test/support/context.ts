import { buildServer } from '../../src/server/app.ts';
import { fixedClock, type ServiceContext } from '../../src/services/context.ts';
import { openWorkspace } from '../../src/services/workspace.ts';
import type { Store } from '../../src/store/connect.ts';
import type { TestDatabase } from './databases.ts';

/** A clock the test moves by hand. */
export type TestClock = ReturnType<typeof fixedClock>;

export interface TestContext {
  store: Store;
  ctx: ServiceContext;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * A fresh database with the local workspace open, on a fixed clock (a start time, or a clock the
 * test already holds) and counting days in UTC: the setup every service and route test shares.
 */
export async function openTestContext(database: TestDatabase, now: Date | TestClock): Promise<TestContext> {
  const clock = now instanceof Date ? fixedClock(now) : now;
  const store = await database.open();
  const ctx: ServiceContext = { ...(await openWorkspace(store, { clock })), timeZone: 'UTC' };
  return { store, ctx, clock, close: () => store.close() };
}

export type TestApp = Awaited<ReturnType<typeof buildServer>>;

/**
 * The HTTP app in process for `app.inject()`, without the web build. Given the store, responses are
 * cached against its change counter, as in production.
 */
export function buildTestApp(ctx: ServiceContext, store?: Store): Promise<TestApp> {
  return buildServer({
    context: ctx,
    ...(store ? { externalVersion: store.externalVersion } : {}),
    webRoot: null,
  });
}
