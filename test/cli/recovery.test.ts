import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

describe('rebound recovery CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-cli-recovery-'));
  const db = join(dir, 'cli.db');
  const env = { REBOUND_TEMPLATES: join(dir, 'no-overrides') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects with a kind word about the pause, drafts feedback, looks back and shows Today', async () => {
    const { id } = (
      await rebound(addArgs(db, 'Acme', 'Engineer', '--stage', 'screening', '--json'), env)
    ).json();
    const contact = (
      await rebound(
        ['contacts', 'add', '--db', db, '--name', 'Dana Reyes', '--email', 'dana@acme.example', '--json'],
        env,
      )
    ).json();
    expect(
      (
        await rebound(
          ['contacts', 'link', contact.id, '--application', id, '--as', 'recruiter', '--db', db],
          env,
        )
      ).code,
    ).toBe(0);

    const rejected = await rebound(
      ['reject', id, '--cool-off', '24', '--via', 'call', '--tag', 'position_filled', '--db', db],
      env,
    );
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain('Rejected (reached: screening)');
    expect(rejected.stdout).toContain('A "no" is one event, not a verdict.');
    expect(rejected.stdout).toContain(`rebound feedback draft ${id}`);

    const eml = join(dir, 'feedback.eml');
    const draft = await rebound(['feedback', 'draft', id, '--eml', eml, '--db', db], env);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('To: Dana Reyes <dana@acme.example>');
    expect(readFileSync(eml, 'utf8')).toContain('X-Unsent: 1');
    expect((await rebound(['feedback', 'sent', id, '--json', '--db', db], env)).json().state).toBe('sent');

    const pm = (
      await rebound(['postmortem', id, '--rate', 'screening_call=weak', '--json', '--db', db], env)
    ).json();
    expect(pm.actionItems).toHaveLength(1);

    const today = (await rebound(['today', '--json', '--db', db], env)).json();
    expect(today.coolingOff).toBe(true);
    expect(today.held.map((e: { kind: string }) => e.kind)).toContain('action_item');

    const ics = join(dir, 'rebound.ics');
    const cal = await rebound(['calendar', '--out', ics, '--db', db], env);
    expect(cal.code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('addresses the drafted feedback request to a chosen contact', async () => {
    const { id } = (
      await rebound(addArgs(db, 'Globex', 'Designer', '--stage', 'screening', '--json'), env)
    ).json();
    expect((await rebound(['reject', id, '--db', db], env)).code).toBe(0);
    const kim = (
      await rebound(
        ['contacts', 'add', '--db', db, '--name', 'Kim Ode', '--email', 'kim@globex.example', '--json'],
        env,
      )
    ).json();

    const draft = await rebound(['feedback', 'draft', id, '--contact', kim.id, '--db', db], env);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('To: Kim Ode <kim@globex.example>');
    expect(draft.stdout).toContain('Hello Kim Ode,');
    // Kept for later: showing it again, or marking it sent, still goes to Kim.
    expect((await rebound(['feedback', 'draft', id, '--db', db], env)).stdout).toContain('To: Kim Ode');
    const unknown = await rebound(['feedback', 'draft', id, '--contact', 'nope', '--db', db], env);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('contactId: no contact with id nope.');
    expect((await rebound(['feedback', 'sent', id, '--json', '--db', db], env)).json().contactId).toBe(
      kim.id,
    );
    const late = await rebound(['feedback', 'draft', id, '--no-contact', '--db', db], env);
    expect(late.code).toBe(4);
    expect(late.stderr).toContain('contactId: this request is already sent');
  });

  it('says what is wrong without a stack', async () => {
    const noReach = await rebound(['contacts', 'add', '--name', 'Sam', '--db', db], env);
    expect(noReach.code).toBe(2);
    expect(noReach.stderr).toContain(
      'email: add an email, a LinkedIn URL or a phone number so you can reach them',
    );
    expect(noReach.stderr).not.toMatch(/\n\s+at /);
    const unknown = await rebound(['contacts', 'keep-in-touch', 'nope', '--db', db], env);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('No contact with id nope');
  });
});

describe('rebound contacts people / link --role / unlink', () => {
  const { db } = tempDatabase('rebound-cli-people-');

  it('links a contact in a part, lists the people of the application and unlinks them', async () => {
    const { id } = (await rebound(addArgs(db, 'Initech', 'Engineer', '--json'))).json();
    const contact = (
      await rebound([
        'contacts',
        'add',
        '--db',
        db,
        '--name',
        'Dana Reyes',
        '--email',
        'd@initech.example',
        '--json',
      ])
    ).json();
    expect((await rebound(['contacts', 'people', id, '--db', db])).stdout).toContain(
      'No one is linked to this application yet',
    );

    const linkArgs = [
      'contacts',
      'link',
      contact.id,
      '--application',
      id,
      '--role',
      'hiring_manager',
      '--db',
      db,
    ];
    const link = (await rebound([...linkArgs, '--json'])).json();
    expect(link.role).toBe('hiring_manager');
    const listed = await rebound(['contacts', 'people', id, '--db', db]);
    expect(listed.stdout).toMatch(/Dana Reyes\s+hiring manager/);

    const twice = await rebound(linkArgs);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toContain('already linked to this application as hiring manager');
    expect(
      (await rebound(['contacts', 'link', contact.id, '--application', id, '--role', 'boss', '--db', db]))
        .code,
    ).toBe(2);

    expect((await rebound(['contacts', 'unlink', link.id, '--db', db])).code).toBe(0);
    expect((await rebound(['contacts', 'people', id, '--json', '--db', db])).json().items).toEqual([]);
    expect((await rebound(['contacts', 'unlink', link.id, '--db', db])).code).toBe(3);
    // Eleven child processes: allow for a busy machine.
  }, 600_000);
});
