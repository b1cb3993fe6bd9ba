import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postJson, runCli, startChildServer } from '../support/child-server.ts';

// Issue 11, item 3: the CLI and the server on one SQLite file used to fail with "database is
// locked" (deferred transactions). Now writes take the lock up front and wait for each other.
describe('the CLI and the server writing to one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-shared-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lose no write on either side while both write at once', async () => {
    const db = join(dir, 'shared.db');
    const server = await startChildServer(db);
    const rows = Array.from(
      { length: 300 },
      (_, i) => `Company ${i},Role ${i},2026-06-${String((i % 28) + 1).padStart(2, '0')},Applied`,
    );
    const csv = join(dir, 'tracker.csv');
    writeFileSync(csv, `Employer,Position,Date Applied,Stage\n${rows.join('\n')}\n`);
    let writing = true;
    const statuses: number[] = [];
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const res = await postJson(`${server.url}/api/v1/applications`, {
          company: `Server ${n}`,
          role: `R${i}`,
        });
        statuses.push(res.status);
        await res.body?.cancel();
      }
    };
    const writers = [1, 2, 3].map(writer);
    try {
      const first = await runCli(['import', csv, '--db', db, '--json']);
      const second = await runCli(['add', '--company', 'CLI Co', '--role', 'Dev', '--db', db]);
      writing = false;
      await Promise.all(writers);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(second.code, second.stderr).toBe(0);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
      const list = await (await fetch(`${server.url}/api/v1/applications?limit=1`)).json();
      expect(list.total).toBe(300 + 1 + statuses.length);
    } finally {
      writing = false;
      await server.stop();
    }
  }, 300_000);
});
