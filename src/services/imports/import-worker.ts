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
import {
  type PlanConnectionsInput,
  type PlanConnectionsOutput,
  planConnections,
} from '../referrals/connections-plan.ts';
import { type MailReadError, type MailReading, readMailMessages } from './mail-reading.ts';
import {
  analyseTable,
  type DuplicateChoices,
  type PlannedBatch,
  plannedBatches,
  refusesCommit,
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
  /**
   * Also build the rows to insert (for a commit into this workspace), sent as parts while they
   * are built: first the plan, then batches of rows; none when the commit would be refused.
   */
  build?: { workspaceId: string; skipInvalid?: boolean };
}

export interface PlanSpreadsheetOutput {
  /** With `build`, `toCreate` is empty: the batches carry the same rows, ready to insert. */
  analysis: SpreadsheetAnalysis;
  mapping: ImportMapping;
}

/** What a commit's plan sends while it runs: the plan (with how many rows it will write), then batches. */
export type PlanSpreadsheetPart =
  | { kind: 'plan'; plan: PlanSpreadsheetOutput; total: number }
  | { kind: 'batch'; batch: PlannedBatch };

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
  | { type: 'part'; id: number; part: unknown }
  | { type: 'done'; id: number; output: unknown }
  | {
      type: 'error';
      id: number;
      error: { code?: string; message: string; details?: { path: string; message: string }[] };
    };

type Report = (progress: TaskProgress) => void;
/** Sends part of a task's result before it ends (see runInWorker's `onPart`). */
type Send = (part: PlanSpreadsheetPart) => void;

/** Plans a spreadsheet import; the same work the request thread used to do, minus the database. */
export async function planSpreadsheet(
  input: PlanSpreadsheetInput,
  report: Report,
  send: Send = () => {},
): Promise<PlanSpreadsheetOutput> {
  report({ phase: 'reading', done: 0, total: null });
  // Loaded on the first file: the server's start imports this module too (for sendPlan).
  const { readTable } = await import('../../io/spreadsheet.ts');
  const table = await readTable(input.bytes, input.filename, (rows) =>
    report({ phase: 'reading', done: rows, total: null }),
  );
  report({ phase: 'checking', done: 0, total: table.rows.length });
  const analysis = analyseTable(table, input.filename, input, new Set(input.existing), input.day, input.keys);
  return sendPlan(analysis, input, send);
}

/**
 * With `build`, sends the plan and then the rows to write in batches (each batch is written
 * while the next is built); returns the plan.
 */
export function sendPlan(
  analysis: SpreadsheetAnalysis,
  input: Pick<PlanSpreadsheetInput, 'build' | 'day' | 'now'>,
  send: Send,
): PlanSpreadsheetOutput {
  if (!input.build) return { analysis, mapping: analysis.mapping };
  const plan = { analysis: { ...analysis, toCreate: [] }, mapping: analysis.mapping };
  if (refusesCommit(analysis, input.build.skipInvalid)) {
    send({ kind: 'plan', plan, total: 0 });
    return plan;
  }
  send({ kind: 'plan', plan, total: analysis.toCreate.length });
  for (const batch of plannedBatches(analysis.toCreate, input.build.workspaceId, input.day, input.now))
    send({ kind: 'batch', batch });
  return plan;
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

const tasks: {
  [K in TaskKind]: (input: TaskInput<K>, report: Report, send: Send) => Promise<TaskOutput<K>>;
} = {
  planSpreadsheet,
  readMail,
  planConnections,
};

parentPort?.on('message', async (request: WorkerRequest) => {
  const port = parentPort!;
  const report: Report = (progress) => port.postMessage({ type: 'progress', id: request.id, progress });
  try {
    const send: Send = (part) =>
      port.postMessage({ type: 'part', id: request.id, part } satisfies WorkerMessage);
    const run = tasks[request.kind] as (input: unknown, report: Report, send: Send) => Promise<unknown>;
    const output = await run(request.input, report, send);
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
