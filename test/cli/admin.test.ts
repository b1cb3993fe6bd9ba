import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { systemClock } from '../../src/services/context.ts';
import { openStore } from '../../src/store/connect.ts';
import { rebound } from './run.ts';

// `rebound admin create` and `rebound admin invite`, run as a person would, then the accounts
// they made used on a hosted server over the same database.
describe('rebound admin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-admin-'));
  const db = join(dir, 'team.db');
  const password = 'a long admin password';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('needs an admin before it invites anyone', async () => {
    const res = await rebound(['admin', 'invite', '--email', 'casey@example.org', '--db', db]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No admin yet: create one first with rebound admin create');
  });

  it('creates the admin with the password from REBOUND_ADMIN_PASSWORD, and refuses bad input by name', async () => {
    const noPassword = await rebound(['admin', 'create', '--email', 'ada@example.org', '--db', db], {
      REBOUND_ADMIN_PASSWORD: '',
    });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('set REBOUND_ADMIN_PASSWORD, or run this in a terminal');
    const short = await rebound(['admin', 'create', '--email', 'ada@example.org', '--db', db], {
      REBOUND_ADMIN_PASSWORD: 'short',
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('REBOUND_ADMIN_PASSWORD: must be at least 10 characters');
    const badEmail = await rebound(['admin', 'create', '--email', 'ada', '--db', db], {
      REBOUND_ADMIN_PASSWORD: password,
    });
    expect(badEmail.stderr).toContain('--email: must be an e-mail address');

    const made = await rebound(
      ['admin', 'create', '--email', 'Ada@Example.org', '--name', 'Ada', '--db', db],
      {
        REBOUND_ADMIN_PASSWORD: password,
      },
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('Admin account created for ada@example.org');
    const again = await rebound(['admin', 'create', '--email', 'ada@example.org', '--db', db], {
      REBOUND_ADMIN_PASSWORD: password,
    });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already exists');
  });

  let link = '';
  it('prints an invitation link starting with REBOUND_PUBLIC_URL', async () => {
    const bad = await rebound([
      'admin',
      'invite',
      '--email',
      'casey@example.org',
      '--role',
      'boss',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--role:');
    const res = await rebound(
      ['admin', 'invite', '--email', 'casey@example.org', '--role', 'coach', '--db', db],
      {
        REBOUND_PUBLIC_URL: 'https://rebound.example.org/',
      },
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Invitation for casey@example.org (coach)');
    expect(res.stdout).toContain('Not e-mailed (no REBOUND_SMTP_URL)');
    link = /https:\/\/rebound\.example\.org\/sign-up\?invitation=\S+/.exec(res.stdout)?.[0] ?? '';
    expect(link).not.toBe('');
    const json = (
      await rebound(['admin', 'invite', '--email', 'kim@example.org', '--db', db, '--json'])
    ).json();
    expect(json).toMatchObject({
      email: 'kim@example.org',
      role: 'seeker',
      emailed: false,
      status: 'pending',
    });
    expect(json.link).toMatch(/^\/sign-up\?invitation=rbi_/);
  });

  it('made accounts a hosted server signs in, and an invitation it takes', async () => {
    const store = await openStore({ kind: 'sqlite', file: db });
    const app = await buildServer({
      context: { db: store.db, workspaceId: '', clock: systemClock, timeZone: 'UTC' },
      hosted: true,
      webRoot: null,
    });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'ada@example.org', password },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user).toMatchObject({ role: 'admin', name: 'Ada' });
      const signUp = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-up',
        payload: {
          email: 'casey@example.org',
          password: 'casey picks one',
          name: 'Casey',
          invitation: new URL(link).searchParams.get('invitation'),
        },
      });
      expect(signUp.statusCode).toBe(201);
      expect(signUp.json().user.role).toBe('coach');
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('refuses to serve e-mail without the public address its links need', async () => {
    const res = spawnSync(
      process.execPath,
      [
        resolve(import.meta.dirname, '..', '..', 'bin', 'rebound.js'),
        'serve',
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--db',
        db,
      ],
      {
        env: { ...process.env, REBOUND_SMTP_URL: 'smtp://mail.example:587', REBOUND_PUBLIC_URL: '' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('REBOUND_PUBLIC_URL: needed with REBOUND_SMTP_URL');
  });
});
