/**
 * Soak section "files" (issue 11): the bad-files corpus at the sizes the issue measured (a 1 GB
 * xlsx bomb, a 500 MB PDF, 300,000 rows…) sent to a real server over HTTP, then a large import
 * (a 100,000-row tracker CSV previewed and committed, a 10,000-message mbox) while another
 * client asks /api/health every 25 ms. Prints: bad files tried, rows partly written, and the
 * server's longest health-check delay during the large import. Figures, never assertions.
 *
 * `npm run soak:files`, or `run()` from the soak runner.
 */
import { generateApps, generateMbox, generateTrackerCsv } from '../bench/import-bench.ts';
import { stopWorkers } from '../src/services/imports/worker-pool.ts';
import { badFiles } from '../test/bad-files/generate.ts';
import { startTestServer } from '../test/support/server.ts';

const COUNTED = ['applications', 'application_events', 'mail_messages', 'resume_versions'] as const;

import type { SoakSection } from './section.ts';

export interface FilesSoakFigures {
  badFilesTried: number;
  badFilesRefused: number;
  rowsPartlyWritten: number;
  longestHealthDelayMs: number;
  healthChecks: number;
  largeImport: string;
}

type Answer = { error?: { message?: string }; created?: number } | null;

async function post(url: string, body: unknown): Promise<{ status: number; json: Answer }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Answer };
}

/** Asks /api/health back to back (25 ms apart) until stopped; the longest answer is the figure. */
function watchHealth(base: string): { stop: () => Promise<{ longest: number; checks: number }> } {
  let running = true;
  let longest = 0;
  let checks = 0;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      longest = Math.max(longest, performance.now() - t0);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { longest, checks };
    },
  };
}

export async function run(options: { large?: boolean } = {}): Promise<FilesSoakFigures> {
  const large = options.large ?? true;
  const server = await startTestServer({ now: new Date('2026-07-20T10:00:00Z') });
  const count = async () => {
    let total = 0;
    for (const table of COUNTED) {
      const row = await server.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      total += Number(row.n);
    }
    return total;
  };
  try {
    const files = await badFiles({ large });
    const before = await count();
    let refused = 0;
    for (const file of files) {
      const t0 = performance.now();
      const res = await post(`${server.url}${file.route}`, {
        filename: file.filename,
        contentBase64: file.bytes.toString('base64'),
      });
      const ok = res.status >= 400 && res.status < 500 && file.expect.test(res.json?.error?.message ?? '');
      if (ok) refused++;
      console.log(
        `  ${ok ? 'refused' : 'NOT REFUSED'}  ${file.name} (${(file.bytes.length / 1024).toFixed(0)} KB sent, ${(performance.now() - t0).toFixed(0)} ms): ${res.status} ${res.json?.error?.message ?? ''}`,
      );
    }
    const partly = (await count()) - before;

    const rows = large ? 100_000 : 20_000;
    const csv = Buffer.from(generateTrackerCsv(rows)).toString('base64');
    const apps = generateApps(1_000);
    const mbox = Buffer.from(generateMbox(10_000, apps)).toString('base64');
    const health = watchHealth(server.url);
    const t0 = performance.now();
    const preview = await post(`${server.url}/api/v1/imports/preview`, {
      filename: 'tracker.csv',
      contentBase64: csv,
    });
    const t1 = performance.now();
    const commit = await post(`${server.url}/api/v1/imports/commit`, {
      filename: 'tracker.csv',
      contentBase64: csv,
      skipInvalid: true,
    });
    const t2 = performance.now();
    const mail = await post(`${server.url}/api/v1/mail/import`, {
      filename: 'mail.mbox',
      contentBase64: mbox,
    });
    const t3 = performance.now();
    const { longest, checks } = await health.stop();
    const largeImport =
      `${rows.toLocaleString('en-US')}-row CSV preview ${preview.status} in ${(t1 - t0).toFixed(0)} ms, ` +
      `commit ${commit.status} (${commit.json?.created ?? '?'} created) in ${(t2 - t1).toFixed(0)} ms; ` +
      `10,000-message mbox ${mail.status} in ${(t3 - t2).toFixed(0)} ms`;
    const figures: FilesSoakFigures = {
      badFilesTried: files.length,
      badFilesRefused: refused,
      rowsPartlyWritten: partly,
      longestHealthDelayMs: Math.round(longest),
      healthChecks: checks,
      largeImport,
    };
    console.log(`\n## Files (issue 11)`);
    console.log(
      `- bad files tried: ${figures.badFilesTried}, refused with the limit named: ${figures.badFilesRefused}`,
    );
    console.log(`- rows partly written: ${figures.rowsPartlyWritten}`);
    console.log(`- large import: ${figures.largeImport}`);
    console.log(
      `- longest health-check delay during the large import: ${figures.longestHealthDelayMs} ms (${figures.healthChecks} checks)`,
    );
    return figures;
  } finally {
    await server.close();
    await stopWorkers();
  }
}

const section: SoakSection = {
  name: 'files',
  async run({ long }) {
    const f = await run({ large: long });
    return {
      'bad files tried': f.badFilesTried,
      'refused with the limit named': f.badFilesRefused,
      'rows partly written': f.rowsPartlyWritten,
      'longest health-check delay during a large import (ms)': f.longestHealthDelayMs,
    };
  },
};
export default section;

if (process.argv[1]?.endsWith('files.ts')) await run({ large: !process.argv.includes('--short') });
