/**
 * Queries per hosted request: every statement a request sends to PostgreSQL (BEGIN and COMMIT
 * included, each a round trip), and how many of them run one after another (a statement sent
 * while none of the request's others is in flight starts a new step). Counted by wrapping
 * `pg.Client#query`, one request at a time with nothing else running.
 */
import pg from 'pg';

export interface QueryCount {
  queries: number;
  /** Statements that started with no other in flight: the request's sequential round trips. */
  steps: number;
  texts: string[];
}

/** Runs `fn` (one request) and counts the statements it makes. */
export async function countQueries(fn: () => Promise<unknown>): Promise<QueryCount> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const count: QueryCount = { queries: 0, steps: 0, texts: [] };
  let inFlight = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
    count.queries++;
    if (inFlight === 0) count.steps++;
    const index = count.texts.push(text.replace(/\s+/g, ' ').slice(0, 140)) - 1;
    const started = performance.now();
    inFlight++;
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).finally(() => {
        inFlight--;
        count.texts[index] =
          `${(performance.now() - started).toFixed(1).padStart(6)} ms  ${count.texts[index]}`;
      });
    }
    inFlight--;
    return result;
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return count;
}

/** One row per route: statements and sequential round trips of one request (after a warm-up one). */
export async function queryRows(
  url: string,
  routes: Array<{ path: string; token: string; label: string; workspace?: string }>,
): Promise<Array<{ name: string; figure: string; floor: string; ratio: string; goal: string }>> {
  const rows = [];
  for (const route of routes) {
    const get = async () => {
      const headers: Record<string, string> = { authorization: `Bearer ${route.token}` };
      if (route.workspace) headers['rebound-workspace'] = route.workspace;
      const res = await fetch(`${url}${route.path}`, { headers });
      if (res.status !== 200) throw new Error(`${route.path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    await get();
    const count = await countQueries(get);
    if (process.env.BENCH_HOSTED_VERBOSE === '1')
      process.stderr.write(`    ${route.path}:\n${count.texts.map((t) => `      ${t}\n`).join('')}`);
    rows.push({
      name: `queries per request, ${route.label}`,
      figure: `${count.queries} statements, ${count.steps} sequential round trips`,
      floor: '–',
      ratio: '–',
      goal: 'informational (BENCH_HOSTED_VERBOSE=1 lists them)',
    });
  }
  return rows;
}
