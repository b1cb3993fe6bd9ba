import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.ts';

/** The cache in a real Fastify server: bounded by bytes, least recently used out first, counted. */
async function serverWith(cache: ResponseCache) {
  const app = Fastify();
  cache.register(app);
  let computed = 0;
  app.get('/page/:n', (request, reply) =>
    cache.send(request, reply, '', async () => {
      computed++;
      return { n: (request.params as { n: string }).n, filler: 'x'.repeat(1000) };
    }),
  );
  app.post('/write', async () => ({ ok: true }));
  return { app, computed: () => computed };
}

describe('response cache', () => {
  it('keeps its bodies under the byte budget, dropping the least recently used first', async () => {
    // Each body is about 1 KB of characters, 2 KB as counted: a 9 KB budget holds four.
    const cache = new ResponseCache(() => 1, undefined, 9 * 1024);
    const { app, computed } = await serverWith(cache);
    for (const n of [1, 2, 3, 4]) await app.inject(`/page/${n}`);
    await app.inject('/page/1'); // 1 is now the most recently used
    await app.inject('/page/5'); // evicts 2
    expect(cache.stats().bytes).toBeLessThanOrEqual(9 * 1024);
    expect(cache.stats().entries).toBe(4);
    const before = computed();
    await app.inject('/page/1');
    expect(computed()).toBe(before);
    await app.inject('/page/2');
    expect(computed()).toBe(before + 1);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 6 });
    expect(cache.stats().hitRate).toBeCloseTo(2 / 8);
  });

  it('never stores a body larger than a quarter of the budget, and a write makes every entry stale', async () => {
    const small = new ResponseCache(() => 1, undefined, 4 * 1024);
    const tooBig = await serverWith(small);
    await tooBig.app.inject('/page/1');
    await tooBig.app.inject('/page/1');
    expect(tooBig.computed()).toBe(2);
    expect(small.stats().entries).toBe(0);

    const cache = new ResponseCache(() => 1);
    const { app, computed } = await serverWith(cache);
    await app.inject('/page/1');
    await app.inject({ method: 'POST', url: '/write' });
    const response = await app.inject('/page/1');
    expect(response.json()).toMatchObject({ n: '1' });
    expect(computed()).toBe(2);
  });
});
