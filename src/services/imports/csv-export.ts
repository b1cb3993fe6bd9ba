import { CSV_FIELDS, CSV_HEADERS } from '../../core/applications/fields.ts';
import { toCsv } from '../../io/csv-export.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Every application as one CSV row with its current and furthest stage and outcome, for a
 * spreadsheet. The columns and their order come from the description of the application's fields
 * (`csv` in src/core/applications/fields.ts). The JSON backup stays the lossless export; this one is
 * for reading and sharing.
 */
export async function exportApplicationsCsv(ctx: ServiceContext): Promise<string> {
  const all = await bulk.listAllApplications(ctx.db, ctx.workspaceId);
  return toCsv(
    CSV_HEADERS,
    all.map((a) =>
      CSV_FIELDS.map((field) => {
        const value = a[field];
        return Array.isArray(value) ? value.join('; ') : value;
      }),
    ),
  );
}
