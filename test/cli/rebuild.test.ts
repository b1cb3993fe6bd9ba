import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

describe('rebound rebuild', () => {
  const { db } = tempDatabase('rebound-cli-rebuild-');

  it('finds nothing to fix after ordinary use, and repairs a summary edited by hand', async () => {
    const a = (await rebound(addArgs(db, 'Acme', 'Engineer', '--json'))).json();
    expect((await rebound(['move', a.id, 'interviewing', '--db', db])).code).toBe(0);
    const clean = await rebound(['rebuild', '--db', db]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Rebuilt the summaries of 1 application(s); all were already correct.');

    const raw = new SqliteDatabase(db);
    raw.prepare("update applications set furthest_stage = 'applied' where id = ?").run(a.id);
    raw.close();
    const fixed = await rebound(['rebuild', '--db', db, '--json']);
    expect(fixed.json()).toEqual({ applications: 1, corrected: 1 });
    const after = new SqliteDatabase(db, { readonly: true });
    expect(after.prepare('select furthest_stage from applications where id = ?').get(a.id)).toEqual({
      furthest_stage: 'interviewing',
    });
    after.close();
    // Four runs of the command: a busy machine can take many seconds for each.
  }, 300_000);
});
