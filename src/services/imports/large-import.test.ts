import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import type { Store } from '../../store/connect.ts';
import { listApplications } from '../applications.ts';
import type { ServiceContext } from '../context.ts';
import { rebuildSummaries } from '../summaries.ts';
import { commitSpreadsheetImport, type ImportProgress, INLINE_BYTES } from './spreadsheet-import.ts';

const STATUSES = ['Applied', 'Phone screen', 'Interview', 'Rejected', 'Offer', 'Wishlist'];

/** A tracker large enough to be read on an import worker and written in several batches. */
function tracker(rows: number, brokenLine?: number): Uint8Array {
  const lines = ['Company,Job Title,Date Applied,Status,Location,Tags'];
  for (let line = 2; line < rows + 2; line++) {
    const company = line === brokenLine ? '' : `Company ${line}`;
    const day = String(1 + (line % 28)).padStart(2, '0');
    lines.push(
      `${company},Role ${line % 7},2026-03-${day},${STATUSES[line % STATUSES.length]},City ${line % 5},remote`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

const all = { limit: 5, offset: 0, status: 'all', sort: 'company' } as const;

for (const database of databases) {
  describe(`a large spreadsheet import on ${database.name}`, () => {
    let store: Store;
    let ctx: ServiceContext;
    beforeAll(async () => {
      ({ store, ctx } = await openTestContext(database, new Date('2026-07-20T10:00:00Z')));
    });
    afterAll(async () => store.close());

    it('is refused whole for one bad row near the end, then written in batches with progress, summaries as a rebuild would make them, searchable, and not twice', async () => {
      const broken = tracker(2500, 2450);
      expect(broken.byteLength).toBeGreaterThan(INLINE_BYTES);
      await expect(commitSpreadsheetImport(ctx, broken, 'big.csv')).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('line 2450: company'),
      });
      expect((await listApplications(ctx, all)).total).toBe(0);

      const progress: ImportProgress[] = [];
      const report = await commitSpreadsheetImport(ctx, broken, 'big.csv', {
        skipInvalid: true,
        onProgress: (p) => progress.push(p),
      });
      expect(report.created).toBe(2499);
      expect(new Set(report.applicationIds).size).toBe(2499);
      expect(report.skippedInvalid.map((e) => e.line)).toEqual([2450]);
      const writing = progress.filter((p) => p.phase === 'writing');
      expect(writing.length).toBeGreaterThan(1);
      expect(writing.at(-1)).toEqual({ phase: 'writing', done: 2499, total: 2499 });
      expect((await listApplications(ctx, all)).total).toBe(2499);

      expect(await rebuildSummaries(ctx)).toEqual({ applications: 2499, corrected: 0 });
      const found = await listApplications(ctx, { ...all, q: 'Company 2449' });
      expect(found.items.map((a) => [a.company, a.tags])).toEqual([['Company 2449', ['remote']]]);

      const again = await commitSpreadsheetImport(ctx, tracker(2500), 'big.csv');
      expect(again.created).toBe(1);
      expect(again.skippedDuplicates).toHaveLength(2499);
      expect((await listApplications(ctx, all)).total).toBe(2500);
    });
  });
}
