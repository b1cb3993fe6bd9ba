import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

describe('rebound CLI', () => {
  const { dir, db } = tempDatabase('rebound-cli-');

  it('adds, moves, rejects and shows how far an application got', async () => {
    const jd = join(dir, 'jd.txt');
    writeFileSync(jd, 'We need TypeScript and PostgreSQL.');
    const added = await rebound(
      addArgs(
        db,
        'Acme',
        'Engineer',
        '--channel',
        'recruiter',
        '--applied-on',
        '2026-10-01',
        '--jd-file',
        jd,
        '--json',
      ),
    );
    expect(added.code).toBe(0);
    const { id } = added.json();
    expect((await rebound(['move', id, 'interviewing', '--on', '2026-10-10', '--db', db])).code).toBe(0);
    expect((await rebound(['round', id, '--kind', 'technical', '--on', '2026-10-12', '--db', db])).code).toBe(
      0,
    );
    expect(
      (
        await rebound([
          'reject',
          id,
          '--on',
          '2026-10-20',
          '--reason',
          'went with someone senior',
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    const shown = (await rebound(['show', id, '--json', '--db', db])).json();
    expect(shown).toMatchObject({
      id,
      company: 'Acme',
      role: 'Engineer',
      channel: 'recruiter',
      stage: 'interviewing',
      outcome: 'rejected',
      furthestStage: 'interviewing',
      jobDescription: 'We need TypeScript and PostgreSQL.',
    });
    expect(shown.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'stage_changed',
      'round_added',
      'outcome_set',
    ]);
    const text = (await rebound(['show', id, '--db', db])).stdout;
    expect(text).toContain('Rejected (reached: interviewing)');
  });

  it('takes the company in place of the id when only one application is there', async () => {
    const { db: own } = tempDatabase('rebound-cli-company-ref-');
    expect((await rebound(addArgs(own, 'Northwind', 'Data Analyst'))).code).toBe(0);
    const moved = await rebound(['move', 'northwind', 'interviewing', '--db', own]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('Northwind — Data Analyst · Interviewing');
    expect((await rebound(['show', 'Northwind', '--db', own])).stdout).toContain('Moved to Interviewing');
    const { id } = (await rebound([...addArgs(own, 'Northwind', 'BI Developer'), '--json'])).json();
    const twice = await rebound(['reject', 'Northwind', '--db', own]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('"Northwind" fits more than one application');
    expect(twice.stderr).toContain(`${id} (Northwind — BI Developer)`);
    // Nothing was written: both are still open.
    expect((await rebound(['list', '--status', 'closed', '--db', own])).stdout).not.toContain('Northwind');
    const none = await rebound(['show', 'Southwind', '--db', own]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('No application with id Southwind.');
  });

  it('lists by stage as text and JSON', async () => {
    await rebound(addArgs(db, 'Beta', 'Analyst', '--stage', 'screening'));
    const list = (await rebound(['list', '--stage', 'screening', '--json', '--db', db])).json();
    expect(list.items.map((a: { company: string }) => a.company)).toEqual(['Beta']);
    expect((await rebound(['list', '--db', db])).stdout).toMatch(/COMPANY[\s\S]*Beta/);
  });

  it('says what is wrong, without a stack, and exits non-zero', async () => {
    const unknownStage = await rebound(['move', 'x', 'interveiw', '--db', db]);
    expect(unknownStage.code).toBe(2);
    expect(unknownStage.stderr).toContain('stage: must be one of');
    expect(unknownStage.stderr).not.toMatch(/\n\s+at /);
    const missing = await rebound(['show', 'does-not-exist', '--db', db]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('No application with id does-not-exist');
    const badDate = await rebound(addArgs(db, 'C', 'D', '--applied-on', '22/11/2026'));
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('appliedOn: must be a real date');
    const empty = await rebound(addArgs(db, '', 'D', '--json'));
    expect(JSON.parse(empty.stderr).error.details).toEqual([{ path: 'company', message: 'required' }]);
  });

  it('round-trips a backup losslessly through export and import', async () => {
    const out = join(dir, 'backup.json');
    expect((await rebound(['export', '--out', out, '--db', db])).code).toBe(0);
    const db2 = join(dir, 'restored.db');
    const restored = await rebound(['import', out, '--db', db2]);
    expect(restored.code).toBe(0);
    const first = (await rebound(['export', '--db', db])).json();
    const second = (await rebound(['export', '--db', db2])).json();
    delete first.exportedAt;
    delete second.exportedAt;
    expect(second).toEqual(first);
    expect(second.applications.length).toBe(2);
    // A second restore into a non-empty database is refused, and nothing changes.
    const again = await rebound(['import', out, '--db', db2]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already holds 2 application(s)');
  });

  it('refuses a malformed backup and names the problem', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{"format": "rebound-backup", "version": 1, "exportedAt": "x", "settings": {}, "applications": [{"id": "a"}]}',
    );
    const res = await rebound(['import', bad, '--db', join(dir, 'empty.db')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('applications[0].company: required');
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"format": "rebound-backup", ');
    expect((await rebound(['import', notJson, '--db', join(dir, 'empty.db')])).stderr).toContain(
      'is not valid JSON',
    );
    const empty = (await rebound(['list', '--json', '--db', join(dir, 'empty.db')])).json();
    expect(empty.total).toBe(0);
  });
});
