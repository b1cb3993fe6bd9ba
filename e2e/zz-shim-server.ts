import fastifyStatic from '@fastify/static';
import { buildServer, DEFAULT_WEB_ROOT } from '../src/server/app.ts';
import { fixedClock } from '../src/services/context.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { databases } from '../test/support/databases.ts';

export async function startTestServer(options: { now?: Date } = {}) {
  const store = await databases.find((d) => d.name === 'sqlite')!.open();
  const clock = fixedClock(options.now ?? new Date());
  const context = await openWorkspace(store, { clock });
  const app = await buildServer({ context: { ...context, timeZone: 'UTC' }, webRoot: null });
  await app.register(fastifyStatic, { root: DEFAULT_WEB_ROOT, wildcard: false, index: ['index.html'] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}`,
    setNow: (d: Date) => clock.set(d),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
