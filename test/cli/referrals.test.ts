import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'connections');

describe('rebound import connections, show, referrals and response-times', () => {
  const { db } = tempDatabase('rebound-cli-referrals-');

  it('imports a LinkedIn export and shows the people you know on the application, with a drafted ask', async () => {
    const app = (
      await rebound(addArgs(db, 'ACME', 'Platform Engineer', '--stage', 'saved', '--json'))
    ).json();
    const imported = await rebound(['import', 'connections', join(FIXTURES, 'Connections.csv'), '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Connections.csv: 6 people read: 6 added as connections');
    expect(imported.stdout).toContain('You know someone at 1 of your saved or open applications');

    const shown = (await rebound(['show', app.id, '--json', '--db', db])).json();
    expect(shown.peopleYouKnow.map((p: { name: string }) => p.name)).toEqual([
      'Hannelore Brügger',
      'Tobias Lindqvist',
    ]);
    const text = (await rebound(['show', app.id, '--db', db])).stdout;
    expect(text).toContain('People you know here:');
    expect(text).toMatch(/Tobias Lindqvist · Engineering Manager · connection · Not asked yet/);

    const tobias = shown.peopleYouKnow[1].contactId as string;
    const draft = await rebound(['referrals', 'draft', app.id, tobias, '--db', db]);
    expect(draft.stdout).toContain('Subject: Would you refer me for the Platform Engineer role at ACME?');
    expect(draft.stdout).toContain('Hello Tobias,');

    const asked = await rebound(['referrals', 'ask', app.id, tobias, '--status', 'agreed', '--db', db]);
    expect(asked.stdout.trim()).toBe('Tobias Lindqvist: Agreed to refer you.');
    const wrong = await rebound(['referrals', 'ask', app.id, tobias, '--status', 'maybe', '--db', db]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('status');

    const insights = (await rebound(['insights', '--json', '--db', db])).json();
    expect(insights.responseTimes).toMatchObject({ noticeDays: null, pastNotice: [] });
    expect(insights.referrals.asks).toMatchObject({ asks: 1, waiting: 0 });
  });

  it('refuses a file with bad lines by line number, then imports the rest with --skip-invalid', async () => {
    const file = join(FIXTURES, 'connections-bad-lines.csv');
    const refused = await rebound(['import', 'connections', file, '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('nothing was imported. line 4: no name');
    expect(refused.stderr).toContain('import the readable lines with --skip-invalid');
    const skipped = (
      await rebound(['import', 'connections', file, '--skip-invalid', '--json', '--db', db])
    ).json();
    expect(skipped).toMatchObject({ created: 1, skipped: [{ line: 4 }, { line: 5 }, { line: 6 }] });
  });

  it('sets the notice rule and refuses a bad one', async () => {
    const bad = await rebound(['response-times', '--notice-days', 'soon', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--notice-days: "soon" is not a whole number of days');
    const set = await rebound(['response-times', '--notice-days', '14', '--db', db]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Notice rule: an answer within 14 days of an interview.');
  });
});
