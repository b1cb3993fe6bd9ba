import { describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

describe('rebound insights, log, goals and review', () => {
  const { db } = tempDatabase('rebound-cli-insights-');

  it('prints the funnel as JSON, one entry per stage in order, with findings', async () => {
    const a = (await rebound(addArgs(db, 'Acme', 'Engineer', '--applied-on', '2026-10-01', '--json'))).json();
    await rebound(addArgs(db, 'Globex', 'Analyst', '--applied-on', '2026-10-02'));
    expect((await rebound(['move', a.id, 'interviewing', '--on', '2026-10-08', '--db', db])).code).toBe(0);
    const res = await rebound(['insights', '--json', '--db', db]);
    expect(res.code).toBe(0);
    const body = res.json();
    expect(body.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['applied', 2],
      ['screening', 1],
      ['interviewing', 1],
      ['offer', 0],
      ['accepted', 0],
    ]);
    expect(body.findings[0]).toEqual(expect.objectContaining({ text: expect.any(String) }));
    const text = (await rebound(['insights', '--db', db])).stdout;
    expect(text).toMatch(/Interviewing\s+1\s+100% \(\d+%–100%\) small sample/);
    expect(text).toContain('What stands out');
  });

  it('logs time with a typed duration and refuses one it cannot read', async () => {
    const ok = await rebound(['log', '45m', 'networking', '--note', 'coffee chat', '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ channel: 'networking', minutes: 45, note: 'coffee chat' });
    const bad = await rebound(['log', '45 parsecs', 'networking', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: duration: "45 parsecs" is not a duration Rebound can read; try 45m, 90, 1.5h or 1h30\n',
    );
    const badChannel = await rebound(['log', '1h', 'telepathy', '--db', db]);
    expect(badChannel.code).toBe(2);
    expect(badChannel.stderr).toContain('channel: must be one of: job_board, networking');
    const channels = (await rebound(['channels', '--json', '--db', db])).json();
    expect(
      channels.planVsActual.rows.find((r: { channel: string }) => r.channel === 'networking').actualHours,
    ).toBe(0.75);
  });

  it('sets a goal and prints the weekly review as Markdown', async () => {
    expect((await rebound(['goals', 'set', 'networking_conversations', '3', '--db', db])).code).toBe(0);
    const review = await rebound(['review', '--week', '--db', db]);
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(/^# Week of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\n/);
    // Each goal is named beside its progress, in the review and in the week's goals.
    expect(review.stdout).toContain('- [ ] Networking conversations: 1 of 3 conversations so far this week.');
    expect(review.stdout).toContain('## Next week: 10 h');
    const goals = await rebound(['goals', '--db', db]);
    expect(goals.stdout).toContain('[ ] Networking conversations: 1 of 3 conversations so far this week.');
  });
});
