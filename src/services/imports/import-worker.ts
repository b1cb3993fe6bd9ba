/**
 * The import worker (see worker-pool.ts): reads a file and plans what an import would do —
 * parsing, mapping, validation, e-mail classification and matching — without a database, and
 * reports progress. The request thread then only writes the planned rows.
 */
import { parentPort } from 'node:worker_threads';
import { isReboundError } from '../../core/errors.ts';
import type { ImportMapping } from '../../core/import/guess-mapping.ts';
import type { MappingOverride } from '../../core/import/input.ts';
import type { ExistingApplicationKey } from '../../core/import/likely-duplicates.ts';
import type { StageMap } from '../../core/import/stage-labels.ts';
import type { KnownSender, MatchableApplication } from '../../core/mail/match-email.ts';
import { readTable } from '../../io/spreadsheet.ts';
import {
  type PlanConnectionsInput,
  type PlanConnectionsOutput,
  planConnections,
} from '../referrals/connections-plan.ts';
import { type MailReadError, type MailReading, readMailMessages } from './mail-reading.ts';
import {
  analyseTable,
  buildRecord,
  type DuplicateChoices,
  type SpreadsheetAnalysis,
} from './spreadsheet-plan.ts';
import type { TaskProgress } from './worker-pool.ts';

export interface PlanSpreadsheetInput {
  bytes: Uint8Array;
  filename: string;
  mapping?: MappingOverride;
  stageMap?: StageMap;
  /** Dedupe keys already in the workspace. */
  existing: string[];
  /** Company, role and date of the applications already in Rebound (likely duplicates). */
  keys?: ExistingApplicationKey[];
  /** What to do with rows that look like one of them. */
  duplicates?: DuplicateChoices['duplicates'];
  duplicateActions?: DuplicateChoices['duplicateActions'];
  day: string;
  now: string;
  /** Also build the application rows and histories to insert (for a commit). */
  build: boolean;
}

export interface PlanSpreadsheetOutput {
  /** With `build`, `toCreate` is empty: `records` carry the same rows, ready to insert. */
  analysis: SpreadsheetAnalysis;
  records: (ReturnType<typeof buildRecord> & { line: number })[];
  mapping: ImportMapping;
}

export interface ReadMailInput {
  bytes: Uint8Array;
  filename: string;
  applications: MatchableApplication[];
  /** Senders the user confirmed for a company before. */
  senders?: KnownSender[];
  /** This worker reads messages [from, to) of the file (0-based); the others go to other workers. */
  shard: number;
  shards: number;
}

export interface ReadMailOutput {
  messages: MailReading[];
  errors: MailReadError[];
  /** Messages in the whole file. */
  total: number;
}

interface Tasks {
  planSpreadsheet: [PlanSpreadsheetInput, PlanSpreadsheetOutput];
  readMail: [ReadMailInput, ReadMailOutput];
  planConnections: [PlanConnectionsInput, PlanConnectionsOutput];
}
export type TaskKind = keyof Tasks;
export type TaskInput<K extends TaskKind> = Tasks[K][0];
export type TaskOutput<K extends TaskKind> = Tasks[K][1];

export interface WorkerRequest {
  id: number;
  kind: TaskKind;
  input: unknown;
}

export type WorkerMessage =
  | { type: 'progress'; id: number; progress: TaskProgress }
  | { type: 'done'; id: number; output: unknown }
  | {
      type: 'error';
      id: number;
      error: { code?: string; message: string; details?: { path: string; message: string }[] };
    };

type Report = (progress: TaskProgress) => void;

/** Plans a spreadsheet import; the same work the request thread used to do, minus the database. */
export async function planSpreadsheet(
  input: PlanSpreadsheetInput,
  report: Report,
): Promise<PlanSpreadsheetOutput> {
  report({ phase: 'reading', done: 0, total: null });
  const table = await readTable(input.bytes, input.filename, (rows) =>
    report({ phase: 'reading', done: rows, total: null }),
  );
  report({ phase: 'checking', done: 0, total: table.rows.length });
  const analysis = analyseTable(table, input.filename, input, new Set(input.existing), input.day, input.keys);
  if (!input.build) return { analysis, records: [], mapping: analysis.mapping };
  const records = analysis.toCreate.map((row) => ({
    line: row.line,
    ...buildRecord(row.application, input.day, input.now),
  }));
  return { analysis: { ...analysis, toCreate: [] }, records, mapping: analysis.mapping };
}

/** Reads, classifies and matches this shard's messages of an .eml or mbox. */
export function readMail(input: ReadMailInput, report: Report): Promise<ReadMailOutput> {
  return readMailMessages(
    input.bytes,
    input.filename,
    input.applications,
    { shard: input.shard, shards: input.shards },
    (done, total) => report({ phase: 'reading', done, total }),
    input.senders,
  );
}

const tasks: { [K in TaskKind]: (input: TaskInput<K>, report: Report) => Promise<TaskOutput<K>> } = {
  planSpreadsheet,
  readMail,
  planConnections,
};

parentPort?.on('message', async (request: WorkerRequest) => {
  const port = parentPort!;
  const report: Report = (progress) => port.postMessage({ type: 'progress', id: request.id, progress });
  try {
    const run = tasks[request.kind] as (input: unknown, report: Report) => Promise<unknown>;
    const output = await run(request.input, report);
    port.postMessage({ type: 'done', id: request.id, output } satisfies WorkerMessage);
  } catch (error) {
    const e = error as Error;
    port.postMessage({
      type: 'error',
      id: request.id,
      error: isReboundError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { message: e.message ?? String(error) },
    } satisfies WorkerMessage);
  }
});
