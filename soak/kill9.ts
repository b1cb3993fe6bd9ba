import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { postJson, startChildServer } from '../test/support/child-server.ts';
import type { SoakSection } from './section.ts';

/**
 * kill -9 durability: a child `rebound serve` on a SQLite file takes writes from several clients;
 * it is killed without warning mid-stream, restarted on the same file, and every write it had
 * acknowledged (201) must be there, with `PRAGMA integrity_check` ok.
 */
export interface KillResult {
  trials: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
}

export async function killTrials(trials: number, writesBeforeKill = 40): Promise<KillResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-kill-'));
  const file = join(dir, 'rebound.db');
  const result: KillResult = { trials: 0, acknowledged: 0, lost: 0, integrityFailures: 0 };
  const acknowledged: string[] = [];
  try {
    for (let trial = 0; trial < trials; trial++) {
      const server = await startChildServer(file);
      let sent = 0;
      let killed = false;
      const client = async (n: number) => {
        while (!killed) {
          try {
            const res = await postJson(`${server.url}/api/v1/applications`, {
              company: `Trial ${trial}`,
              role: `Client ${n} write ${sent++}`,
            });
            if (res.status === 201) acknowledged.push((await res.json()).id);
            else await res.body?.cancel();
          } catch {
            return; // the server is gone
          }
        }
      };
      const clients = [0, 1, 2, 3].map(client);
      while (sent < writesBeforeKill + Math.floor(Math.random() * writesBeforeKill))
        await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await server.kill();
      await Promise.all(clients);
      result.trials++;

      const sqlite = new SqliteDatabase(file);
      try {
        const check = sqlite.pragma('integrity_check', { simple: true });
        if (check !== 'ok') result.integrityFailures++;
      } finally {
        sqlite.close();
      }
    }
    // One restart at the end reads every acknowledged write back through the server.
    const server = await startChildServer(file);
    try {
      const res = await fetch(`${server.url}/api/v1/applications?limit=5000`);
      const present = new Set(((await res.json()).items as { id: string }[]).map((a) => a.id));
      result.acknowledged = acknowledged.length;
      result.lost = acknowledged.filter((id) => !present.has(id)).length;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const section: SoakSection = {
  name: 'kill -9',
  async run({ long }) {
    const r = await killTrials(long ? 20 : 2);
    return {
      trials: r.trials,
      'acknowledged writes': r.acknowledged,
      'writes lost': r.lost,
      'integrity_check failures': r.integrityFailures,
    };
  },
};
export default section;
