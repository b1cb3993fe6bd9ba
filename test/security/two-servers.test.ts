import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from '../support/child-server.ts';
import { type Caller, call, signIn, signUp } from '../support/hosted.ts';

/**
 * Two `rebound serve --hosted` processes on one PostgreSQL database, with requests alternating
 * between them: a session made on one works on the other, a write on one is read on the other,
 * and a share ended on one is refused at once on the other (nothing is kept in a process).
 * Needs a PostgreSQL server (CI starts one; REBOUND_TEST_PG_REQUIRED=1 makes its absence fail).
 */
const ADMIN_URL = process.env.REBOUND_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function tryAdmin(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if (process.env.REBOUND_TEST_PG_REQUIRED === '1') throw error;
    return null;
  }
}

describe('two hosted servers on one PostgreSQL database', () => {
  let admin: pg.Client | null = null;
  const name = `rebound_two_${process.pid}_${Date.now().toString(36)}`;
  const servers: ChildServer[] = [];
  let databaseUrl = '';

  beforeAll(async () => {
    admin = await tryAdmin();
    if (!admin) return;
    await admin.query(`create database "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // One after the other: the second finds the schema migrated by the first.
    servers.push(await startChildServer(url.toString(), ['--hosted']));
    servers.push(await startChildServer(url.toString(), ['--hosted']));
  }, 180_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    if (admin) {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });

  it('keeps nothing in one process that the other needs', async (ctx) => {
    if (!admin) return ctx.skip();
    const [one, two] = servers.map((s) => s.url) as [string, string];
    const seeker: Caller = await signUp(one, { email: 'sam@example.org', name: 'Sam' });
    // The first account is the admin; open sign-up through the database both servers share.
    const direct = new pg.Client({ connectionString: databaseUrl });
    await direct.connect();
    await direct.query(`insert into instance_settings (key, value) values ('openSignup', 'true')`);
    await direct.end();
    const coach: Caller = await signUp(two, { email: 'casey@example.org', name: 'Casey' });

    const made = await call(two, seeker, '/api/v1/applications', {
      method: 'POST',
      body: { company: 'Contoso', role: 'Analyst' },
    });
    expect(made.status).toBe(201);
    expect(
      (await call(one, seeker, '/api/v1/applications')).body.items.map((a: { id: string }) => a.id),
    ).toEqual([made.body.id]);
    // Settings written through one server are what the other uses.
    await call(one, seeker, '/api/v1/settings', { method: 'PATCH', body: { ghostAfterDays: 33 } });
    expect((await call(two, seeker, '/api/v1/settings')).body.ghostAfterDays).toBe(33);

    const share = await call(one, seeker, '/api/v1/shares', {
      method: 'POST',
      body: { coachEmail: coach.email, scopes: ['applications'] },
    });
    for (const base of [one, two, one, two]) {
      const res = await call(base, coach, '/api/v1/applications', { workspace: seeker.workspaceId });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
    }
    await call(two, seeker, `/api/v1/shares/${share.body.id}`, { method: 'DELETE' });
    for (const base of [one, two]) {
      expect(
        (await call(base, coach, '/api/v1/applications', { workspace: seeker.workspaceId })).status,
      ).toBe(403);
    }

    // Signing out on one server ends the session on both.
    const session = await signIn(two, 'sam@example.org');
    const signedIn: Caller = { ...seeker, cookie: session.cookie };
    expect((await call(one, signedIn, '/api/v1/applications')).status).toBe(200);
    await call(one, signedIn, '/api/v1/auth/sign-out', { method: 'POST' });
    expect((await call(two, signedIn, '/api/v1/applications')).status).toBe(401);
  }, 120_000);
});
