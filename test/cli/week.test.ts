import { describe, expect, it } from 'vitest';
import { rebound, tempDatabase } from './run.ts';

describe('rebound week and rebound write', () => {
  const { db } = tempDatabase('rebound-cli-week-');

  it('plans a step with --when/--where/--what/--minutes/--channel, lists the week as JSON, and settles steps', async () => {
    const added = await rebound([
      'week',
      'add',
      '--when',
      'Tue 09:00',
      '--where',
      'library',
      '--what',
      '2 tailored applications to fintech roles',
      '--minutes',
      '90',
      '--channel',
      'job_board',
      '--db',
      db,
      '--json',
    ]);
    expect(added.code).toBe(0);
    const step = added.json();
    expect(step).toMatchObject({
      time: '09:00',
      where: 'library',
      minutes: 90,
      channel: 'job_board',
      status: 'planned',
    });
    expect(step.text).toBe('Tuesday 09:00, library, 2 tailored applications to fintech roles, 90 min');

    const second = (
      await rebound([
        'week',
        'add',
        '--when',
        'Wed',
        '--where',
        'café',
        '--what',
        'coffee chat',
        '--minutes',
        '45',
        '--channel',
        'networking',
        '--db',
        db,
        '--json',
      ])
    ).json();
    const third = (
      await rebound([
        'week',
        'add',
        '--when',
        'Thu 14',
        '--where',
        'home',
        '--what',
        'cold email',
        '--minutes',
        '30',
        '--channel',
        'direct_outreach',
        '--db',
        db,
        '--json',
      ])
    ).json();

    expect((await rebound(['week', 'done', step.id, '--db', db])).stdout).toBe(`Done: ${step.text}.\n`);
    expect(
      (await rebound(['week', 'move', second.id, '--to', 'Fri 10:00', '--db', db, '--json'])).json(),
    ).toMatchObject({
      time: '10:00',
      movedFrom: second.day,
    });
    expect((await rebound(['week', 'drop', third.id, '--db', db, '--json'])).json().status).toBe('dropped');

    const week = await rebound(['week', '--json', '--db', db]);
    expect(week.code).toBe(0);
    const plan = week.json();
    expect(plan.steps.map((s: { what: string; status: string }) => [s.what, s.status])).toEqual([
      ['2 tailored applications to fintech roles', 'done'],
      ['cold email', 'dropped'],
      ['coffee chat', 'planned'],
    ]);
    expect(plan.review.message).toMatch(/^1 of 3 steps done, 1 moved, 1 let go\./);
    const text = (await rebound(['week', '--db', db])).stdout;
    expect(text).toContain(
      `[x] Tuesday 09:00, library, 2 tailored applications to fintech roles, 90 min, job_board  [${step.id}]`,
    );
    expect(text).toContain('(let go)');
  });

  it('refuses a when it cannot read and a channel it does not know, naming the field', async () => {
    const when = await rebound([
      'week',
      'add',
      '--when',
      'Blursday',
      '--where',
      'x',
      '--what',
      'y',
      '--minutes',
      '30',
      '--channel',
      'job_board',
      '--db',
      db,
    ]);
    expect(when.code).toBe(2);
    expect(when.stderr).toBe(
      'error: when: "Blursday" is not a day (use Mon…Sun, today, tomorrow or YYYY-MM-DD)\n',
    );
    const channel = await rebound([
      'week',
      'add',
      '--when',
      'Mon',
      '--where',
      'x',
      '--what',
      'y',
      '--minutes',
      '30',
      '--channel',
      'pigeon',
      '--db',
      db,
    ]);
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain(
      'channel: must be one of: job_board, networking, direct_outreach, recruiter, other',
    );
  });

  it('writes after a rejection from standard input, reads it back, keeps it out of the export unless asked', async () => {
    const app = (
      await rebound(['add', '--company', 'Northwind', '--role', 'Engineer', '--db', db, '--json'])
    ).json();
    const before = await rebound(['write', app.id, '--db', db], {}, 'Too early.');
    expect(before.code).not.toBe(0);
    expect(before.stderr).toContain('Northwind has no rejection on record; the writing is for after a no.');
    expect((await rebound(['reject', app.id, '--db', db])).code).toBe(0);

    const saved = await rebound(
      ['write', app.id, '--db', db, '--json'],
      {},
      'It stung, and I liked that team.\n',
    );
    expect(saved.code).toBe(0);
    expect(saved.json()).toMatchObject({
      number: 1,
      continued: false,
      text: 'It stung, and I liked that team.',
    });
    expect((await rebound(['write', app.id, '--db', db], {}, 'A walk helped.')).stdout).toBe(
      'Saved session 1 (added to today’s). Only you can see it.\n',
    );
    const shown = (await rebound(['write', app.id, '--show', '--db', db])).stdout;
    expect(shown).toContain('Session 1');
    expect(shown).toContain('It stung, and I liked that team.\n\nA walk helped.');

    expect((await rebound(['export', '--db', db])).stdout).not.toContain('It stung');
    expect((await rebound(['export', '--include-private', '--db', db])).stdout).toContain('It stung');

    expect((await rebound(['write', app.id, '--delete', '--db', db, '--json'])).json()).toEqual({
      deleted: 1,
    });
    expect((await rebound(['write', app.id, '--show', '--db', db])).stdout).toBe('Nothing written yet.\n');
  });

  it('says in --help where the text comes from and that it is private', async () => {
    const help = (await rebound(['write', '--help'])).stdout;
    expect(help).toContain('standard input');
    expect(help).toContain('no editor opens');
    expect(help).toContain('--include-private');
  });
});
