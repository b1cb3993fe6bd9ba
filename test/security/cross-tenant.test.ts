import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES, SHARED_READS } from '../../src/server/access.ts';
import { writeInstanceSetting } from '../../src/store/accounts-repository.ts';
import { type Caller, type CallOptions, call, signUp } from '../support/hosted.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Generated from the OpenAPI document: for every route and method of a hosted server, other
 * people try seeker A's workspace and objects, and every attempt must be refused (401, 403 or 404)
 * with A's data unchanged afterwards. The attackers:
 *   - an anonymous caller;
 *   - user B, naming A's workspace in `Rebound-Workspace`, and using A's object ids in the path
 *     from B's own workspace;
 *   - coach C, with a share from A that covers one scope only, on every route outside it;
 *   - coach D, whose share of every scope A revoked.
 * Runs on PostgreSQL (PGlite when no server answers locally; CI requires the server).
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  route: string;
  body?: unknown;
  hasBody: boolean;
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
}

/** Bodies the generator cannot guess (a union told apart by one field's value). */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/feedback-requests/:id': { state: 'no_reply' },
  // A plan step's day is named `day`, which the date guess below does not catch.
  'POST /api/v1/week/steps/:id/move': { day: '2026-11-20' },
};

/** A small valid value for a JSON schema, so a write is refused for who sends it, not for its shape. */
function sample(schema: JsonSchema | undefined, key = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const names = schema.required?.length
        ? schema.required
        : Object.keys(schema.properties ?? {}).slice(0, 1);
      for (const name of names) out[name] = sample(schema.properties?.[name], name);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, key));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date' || /date|On$/i.test(key)) return '2026-11-20';
      if (schema.format === 'email' || /email/i.test(key)) return 'someone@example.org';
      if (/url/i.test(key)) return 'https://example.org/job';
      if (/password/i.test(key)) return 'correct horse battery';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

for (const database of ['postgres'] as const) {
  describe(`cross-tenant access on ${database}, generated from the OpenAPI document`, () => {
    let server: TestServer;
    let a: Caller;
    let b: Caller;
    let coach: Caller;
    let revoked: Caller;
    let operations: Operation[] = [];
    /** One of A's objects per path, to put in the path parameters. */
    const aIds = new Map<string, string>();
    const counts = { attempts: 0, byStatus: {} as Record<number, number> };

    beforeAll(async () => {
      server = await startTestServer({ database, hosted: true, now: new Date('2026-11-27T10:00:00Z') });
      a = await signUp(server.url, { email: 'a@example.org', name: 'Avery' });
      await writeInstanceSetting(server.store.db, 'openSignup', true);
      b = await signUp(server.url, { email: 'b@example.org', name: 'Blake' });
      coach = await signUp(server.url, { email: 'coach@example.org', name: 'Casey' });
      revoked = await signUp(server.url, { email: 'former@example.org', name: 'Drew' });

      // A has a full workspace; B has one too, so B's own ids exist but differ.
      expect((await call(server.url, a, '/api/v1/sample-data', { method: 'POST' })).status).toBe(201);
      expect((await call(server.url, b, '/api/v1/sample-data', { method: 'POST' })).status).toBe(201);
      const journal = await call(server.url, a, '/api/v1/journal', {
        method: 'POST',
        body: { text: 'A private line', mood: 2 },
      });
      expect(journal.status).toBeLessThan(300);
      expect(
        (
          await call(server.url, a, '/api/v1/shares', {
            method: 'POST',
            body: { coachEmail: coach.email, scopes: ['goals'] },
          })
        ).status,
      ).toBe(201);
      const all = await call(server.url, a, '/api/v1/shares', {
        method: 'POST',
        body: {
          coachEmail: revoked.email,
          scopes: ['applications', 'insights', 'goals', 'contacts', 'notes'],
        },
      });
      await call(server.url, a, `/api/v1/shares/${all.body.id}`, { method: 'DELETE' });

      const doc = (await call(server.url, a, '/api/openapi.json')).body as {
        paths: Record<
          string,
          Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
        >;
      };
      operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          return {
            method: method.toUpperCase() as Method,
            route: path.replace(/\{(\w+)\}/g, ':$1'),
            hasBody: schema !== undefined,
            body:
              BODIES[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`] ??
              (schema ? sample(schema) : undefined),
          };
        }),
      );

      // A's ids: from A's own lists, by the collection each path names.
      const lists: [string, string, string][] = [
        ['/api/v1/applications', '/api/v1/applications', 'items'],
        ['/api/v1/contacts', '/api/v1/contacts', 'items'],
        ['/api/v1/rejections', '/api/v1/rejections', 'items'],
        ['/api/v1/goals', '/api/v1/goals', 'items'],
        ['/api/v1/wins', '/api/v1/wins', 'items'],
        ['/api/v1/breaks', '/api/v1/breaks', 'items'],
        ['/api/v1/time-logs', '/api/v1/time-logs', 'items'],
        ['/api/v1/action-items', '/api/v1/action-items', 'items'],
        ['/api/v1/feedback-requests', '/api/v1/feedback-requests', 'items'],
        ['/api/v1/learning-plan', '/api/v1/learning-plan', 'items'],
        ['/api/v1/informational-interviews', '/api/v1/informational-interviews', 'items'],
        ['/api/v1/skills/custom', '/api/v1/skills/custom', 'items'],
        ['/api/v1/mail/review', '/api/v1/mail/review', 'items'],
      ];
      for (const [prefix, list, key] of lists) {
        const res = await call(server.url, a, list);
        const first = Array.isArray(res.body?.[key]) ? res.body[key][0] : undefined;
        if (first?.id) aIds.set(prefix, first.id);
      }
      const appId = aIds.get('/api/v1/applications');
      if (appId) {
        const detail = await call(server.url, a, `/api/v1/applications/${appId}`);
        const event = (detail.body.events ?? detail.body.history ?? [])[0];
        if (event?.id) aIds.set('eventId', event.id);
      }
    }, 180_000);
    afterAll(async () => server?.close());

    /** The path with A's ids filled in (or a stand-in where A has none of that kind). */
    function pathFor(route: string): string {
      return route.replace(/:(\w+)/g, (_, name: string) => {
        if (name === 'id') {
          const prefix = [...aIds.keys()]
            .filter((p) => route.startsWith(`${p}/`))
            .sort((x, y) => y.length - x.length)[0];
          return encodeURIComponent(prefix ? aIds.get(prefix)! : 'someone-elses-id');
        }
        if (name === 'eventId' || name === 'roundId') return encodeURIComponent(aIds.get('eventId') ?? 'x');
        if (name === 'kind') return 'thank_you';
        if (name === 'group') return 'overdue';
        return 'x';
      });
    }

    async function attempt(who: Caller | null, op: Operation, options: CallOptions, allowed: number[]) {
      const res = await call(server.url, who, pathFor(op.route), {
        method: op.method,
        ...(op.hasBody ? { body: op.body } : {}),
        ...options,
      });
      counts.attempts += 1;
      counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
      return {
        label: `${op.method} ${op.route} as ${who?.email ?? 'anonymous'}`,
        status: res.status,
        allowed,
      };
    }

    it('refuses every other person on every route, and A’s data is unchanged', async () => {
      const before = await call(server.url, a, '/api/v1/backup');
      expect(before.body.applications.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      const check = (r: { label: string; status: number; allowed: number[] }) => {
        if (!r.allowed.includes(r.status)) wrong.push(`${r.label}: ${r.status}`);
      };
      const isPublic = (route: string) => PUBLIC_ROUTES.has(route) || route.startsWith('/api/docs');

      for (const op of operations) {
        if (isPublic(op.route)) continue;
        check(await attempt(null, op, { anonymous: true }, [401]));
        // B names A's workspace: refused before anything is read.
        check(await attempt(b, op, { workspace: a.workspaceId }, [403]));
        // C may read only the shared scope; D's share was revoked.
        const coachMayRead = op.method === 'GET' && SHARED_READS[op.route] === 'goals';
        if (!coachMayRead) check(await attempt(coach, op, { workspace: a.workspaceId }, [403]));
        check(await attempt(revoked, op, { workspace: a.workspaceId }, [403]));
        // B uses A's ids from B's own workspace: not found there.
        if (
          op.route.includes(':id') &&
          !op.route.startsWith('/api/v1/tokens') &&
          !op.route.startsWith('/api/v1/shares')
        ) {
          check(await attempt(b, op, {}, [403, 404]));
        }
      }
      expect(wrong).toEqual([]);

      const after = await call(server.url, a, '/api/v1/backup');
      expect(after.body).toEqual(before.body);
      console.log(
        `cross-tenant: ${counts.attempts} attempts on ${operations.length} operations; statuses ${JSON.stringify(counts.byStatus)}`,
      );
      expect(counts.attempts).toBeGreaterThan(operations.length * 3);
    }, 300_000);
  });
}
