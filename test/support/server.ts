import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileSecretBox } from '../../src/io/secret-box.ts';
import { buildServer, type ServerOptions } from '../../src/server/app.ts';
import { fixedClock } from '../../src/services/context.ts';
import { openWorkspace } from '../../src/services/workspace.ts';
import type { Store } from '../../src/store/connect.ts';
import { databases } from './databases.ts';

export interface TestServer {
  url: string;
  store: Store;
  setNow(d: Date): void;
  close(): Promise<void>;
}

/**
 * The real server, in process, on a fresh temporary SQLite database and a free port, serving the
 * built web app from dist/web. The clock is injectable: `setNow` moves "now" for the server.
 */
export async function startTestServer(
  options: {
    now?: Date;
    database?: 'sqlite' | 'postgres';
    hosted?: boolean;
    /** More server options (mail settings, trustProxy…). */
    server?: Partial<ServerOptions>;
  } = {},
): Promise<TestServer> {
  const database = databases.find((d) => d.name === (options.database ?? 'sqlite'))!;
  const store = await database.open();
  const clock = fixedClock(options.now ?? new Date());
  // Hosted: accounts and one workspace each (no "local" workspace is made).
  const context = options.hosted
    ? { db: store.db, workspaceId: '', clock, timeZone: 'UTC' }
    : await openWorkspace(store, { clock });
  const keyDir = mkdtempSync(join(tmpdir(), 'rebound-test-key-'));
  const app = await buildServer({
    context: { ...context, timeZone: 'UTC' },
    externalVersion: store.externalVersion,
    hosted: options.hosted ?? false,
    secrets: keyFileSecretBox(join(keyDir, 'rebound-secret.key')),
    ...options.server,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}`,
    store,
    setNow: (d) => clock.set(d),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
