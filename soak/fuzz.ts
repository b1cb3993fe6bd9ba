import { buildServer } from '../src/server/app.ts';
import { fixedClock } from '../src/services/context.ts';
import { openWorkspace } from '../src/services/workspace.ts';
import { databases } from '../test/support/databases.ts';
import type { SoakSection } from './section.ts';

/**
 * An OpenAPI-driven fuzzer: reads the server's own `/api/openapi.json` and sends every operation
 * requests built from its schemas, half of them bent out of shape (wrong types, NUL, lone
 * surrogates, huge and negative numbers, deep nesting, bogus dates, zones and URLs). Counts 5xx
 * answers (a 502 `fetch_failed` is the job-page fetch saying a site did not answer, not a fault)
 * and checks the server still answers health, on SQLite and PostgreSQL.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  const?: unknown;
  format?: string;
  additionalProperties?: Schema | boolean;
};
type Operation = {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

export interface FuzzResult {
  requests: number;
  serverErrors: number;
  examples: string[];
  alive: boolean;
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: unknown[] = [
  '',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x'.repeat(50_000),
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  1.5,
  null,
  true,
  {},
  [],
  JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`),
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'http://[::ffff:7f00:1]:4477/api/health',
  'Mars/Olympus_Mons',
  '9999-99-99',
  '2026-02-30',
  '😀'.repeat(300),
  '=cmd|"/c calc"!A1',
  'bogus',
  { __proto__: { polluted: true } },
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
];

/** A path segment; a lone surrogate cannot be encoded, so it goes as a broken UTF-8 escape. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

export async function fuzzServer(
  databaseName: 'sqlite' | 'postgres',
  requests: number,
  seed = 11,
): Promise<FuzzResult> {
  const database = databases.find((d) => d.name === databaseName)!;
  const store = await database.open();
  const context = await openWorkspace(store, { clock: fixedClock(new Date('2026-11-20T10:00:00Z')) });
  const app = await buildServer({ context, externalVersion: store.externalVersion, webRoot: null });
  const headers = { host: 'localhost:4477', 'x-rebound': '1' };
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const ids = new Set<string>(['nope']);
  const result: FuzzResult = { requests: 0, serverErrors: 0, examples: [], alive: true };
  try {
    const doc = (await app.inject({ url: '/api/openapi.json', headers })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    // A few real rows first, so ids in paths often point at something.
    await app.inject({ method: 'POST', url: '/api/v1/sample-data', headers });

    const gen = (schema: Schema | undefined, depth: number): unknown => {
      if (!schema || depth > 6) return null;
      if (rand() < 0.12) return pick(NASTY);
      if (schema.const !== undefined) return schema.const;
      if (schema.enum) return pick(schema.enum);
      const variants = schema.anyOf ?? schema.oneOf;
      if (variants) return gen(pick(variants), depth + 1);
      if (schema.allOf) return gen(schema.allOf[0], depth + 1);
      const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
      switch (type) {
        case 'object': {
          const out: Record<string, unknown> = {};
          for (const [key, prop] of Object.entries(schema.properties ?? {})) {
            if (schema.required?.includes(key) || rand() < 0.6) out[key] = gen(prop, depth + 1);
          }
          if (rand() < 0.05) out.unexpected = pick(NASTY);
          return out;
        }
        case 'array':
          return Array.from({ length: Math.floor(rand() * 4) }, () => gen(schema.items, depth + 1));
        case 'integer':
        case 'number': {
          const lo = schema.minimum ?? -10;
          const hi = schema.maximum ?? 1000;
          const n = lo + rand() * Math.min(hi - lo, 10_000);
          return type === 'integer' ? Math.round(n) : n;
        }
        case 'boolean':
          return rand() < 0.5;
        case 'null':
          return null;
        case 'string':
          if (schema.format === 'date' || rand() < 0.1) return `2026-11-0${1 + Math.floor(rand() * 9)}`;
          if (rand() < 0.3 && ids.size > 1) return pick([...ids]);
          return pick(['Acme', 'Data Engineer', 'https://example.org/job', 'Europe/Paris', 'a', 'x y z']);
        default:
          return pick(NASTY);
      }
    };

    const collect = (value: unknown, depth = 0) => {
      if (depth > 4 || !value || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const v of value.slice(0, 20)) collect(v, depth + 1);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        if (k === 'id' && typeof v === 'string' && ids.size < 500) ids.add(v);
        else collect(v, depth + 1);
      }
    };

    for (let i = 0; i < requests; i++) {
      const { path, method, op } = pick(operations);
      const url = path.replace(/\{([^}]+)\}/g, () =>
        pathSegment(String(rand() < 0.75 ? pick([...ids]) : pick(NASTY))),
      );
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        if (p.in === 'query' && rand() < 0.5) query.set(p.name, String(gen(p.schema, 0)));
      }
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? (rand() < 0.05 ? '{"broken json' : gen(bodySchema, 0)) : undefined;
      const res = await app.inject({
        method: method as 'GET',
        url: `${url}${query.size ? `?${query}` : ''}`,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      result.requests++;
      const fetchFailed = res.statusCode === 502 && res.body.includes('"fetch_failed"');
      if (res.statusCode >= 500 && !fetchFailed) {
        result.serverErrors++;
        if (result.examples.length < 5)
          result.examples.push(
            `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)} (body ${JSON.stringify(body)?.slice(0, 300)})`,
          );
      } else if (res.statusCode < 300 && String(res.headers['content-type'] ?? '').includes('json')) {
        try {
          collect(res.json());
        } catch {
          // not JSON after all (CSV, iCalendar): nothing to collect
        }
      }
      if (i % 200 === 199) {
        const health = await app.inject({ url: '/api/health', headers });
        if (health.statusCode !== 200) result.alive = false;
      }
    }
    result.alive &&= (await app.inject({ url: '/api/health', headers })).statusCode === 200;
  } finally {
    await app.close();
    await store.close();
  }
  return result;
}

const section: SoakSection = {
  name: 'fuzz',
  async run({ long, log }) {
    const figures: Record<string, number | string> = {};
    for (const name of ['sqlite', 'postgres'] as const) {
      const r = await fuzzServer(name, long ? 6000 : 400);
      for (const e of r.examples) log(`${name}: ${e}`);
      figures[`${name} requests`] = r.requests;
      figures[`${name} 5xx`] = r.serverErrors;
      figures[`${name} alive after`] = r.alive ? 'yes' : 'NO';
    }
    return figures;
  },
};
export default section;
