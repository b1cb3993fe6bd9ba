/**
 * Reading and planning a connections file, without a database: run in process for small files
 * and on an import worker for large ones (see ../imports/worker-pool.ts).
 */
import {
  type ContactImportPlan,
  type ContactKeys,
  planContactImport,
  type RawRecord,
} from '../../core/referrals/connections-import.ts';
import type { TaskProgress } from '../imports/worker-pool.ts';

export interface PlanConnectionsInput {
  bytes: Uint8Array;
  filename: string;
  existing: (ContactKeys & { id: string })[];
}

export interface PlanConnectionsOutput {
  plan: ContactImportPlan;
  /** `linkedin` when the file is LinkedIn's connections export, else `csv`. */
  source: 'linkedin' | 'csv';
}

/** Reads the file (reporting rows read) and plans which people are new and which are known. */
export async function planConnections(
  input: PlanConnectionsInput,
  report: (p: TaskProgress) => void = () => {},
): Promise<PlanConnectionsOutput> {
  report({ phase: 'reading', done: 0, total: null });
  // The reader (and csv-parse) loads on the first file, not when the server starts.
  const { readTable } = await import('../../io/spreadsheet.ts');
  const table = await readTable(input.bytes, input.filename, (rows) =>
    report({ phase: 'reading', done: rows, total: null }),
  );
  // The first non-empty record is read as the header; LinkedIn's notes come first, so every
  // record goes to the planner, which finds the real header itself.
  const headerLine = Math.max(1, (table.rows[0]?.line ?? 2) - 1);
  const records: RawRecord[] = [{ line: headerLine, cells: table.headers }, ...table.rows];
  report({ phase: 'checking', done: 0, total: table.rows.length });
  const plan = planContactImport(records, input.existing);
  const linkedin = records
    .slice(0, 20)
    .some((r) => r.cells.join(',').toLowerCase().startsWith('first name,last name,url'));
  return { plan, source: linkedin ? 'linkedin' : 'csv' };
}
