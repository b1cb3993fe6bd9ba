/**
 * A spreadsheet commit's plan as it arrives: the plan first (what will be created, skipped or
 * refused), then the rows to write in batches, built on an import worker while the request
 * thread writes the batches before them. Small plain-text files are planned in process.
 */
import {
  type PlanSpreadsheetInput,
  type PlanSpreadsheetOutput,
  type PlanSpreadsheetPart,
  sendPlan,
} from './import-worker.ts';
import { analyseTable, type PlannedBatch } from './spreadsheet-plan.ts';
import { runInWorker, type TaskProgress } from './worker-pool.ts';

/** CSV below this size is read in process (a few milliseconds); anything larger, and every .xlsx, on a worker. */
export const INLINE_BYTES = 64 * 1024;

export interface CommitPlan extends PlanSpreadsheetOutput {
  /** How many applications the batches hold. */
  total: number;
  /** The rows to write, batch after batch; throws when the worker fails. */
  batches: AsyncIterable<PlannedBatch>;
}

/** Batches as they come, for one reader. */
class Batches implements AsyncIterable<PlannedBatch> {
  private readonly queued: PlannedBatch[] = [];
  private ended = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(batch: PlannedBatch): void {
    this.queued.push(batch);
    this.notify();
  }

  end(failure?: { error: unknown }): void {
    this.ended = true;
    this.failure = failure;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<PlannedBatch> {
    for (;;) {
      const next = this.queued.shift();
      if (next) yield next;
      else if (this.failure) throw this.failure.error;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** The CSV/xlsx reader (and csv-parse), loaded on the first file read in process, not when the server starts. */
const spreadsheetReader = () => import('../../io/spreadsheet.ts');

/** Whether the file is planned on a worker rather than in process. */
function onWorker(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return zip || bytes.byteLength > INLINE_BYTES;
}

/** Plans a preview (nothing built to write). */
export async function planPreview(
  input: PlanSpreadsheetInput,
  onProgress?: (p: TaskProgress) => void,
): Promise<PlanSpreadsheetOutput> {
  const plain = { ...input, build: undefined };
  if (onWorker(input.bytes)) return runInWorker('planSpreadsheet', plain, onProgress);
  const table = await (await spreadsheetReader()).readTable(input.bytes, input.filename);
  const analysis = analyseTable(table, input.filename, input, new Set(input.existing), input.day, input.keys);
  return sendPlan(analysis, plain, () => {});
}

/** Plans a commit (`input.build` set): resolves with the plan as soon as it is known. */
export async function planCommit(
  input: PlanSpreadsheetInput & { build: NonNullable<PlanSpreadsheetInput['build']> },
  onProgress?: (p: TaskProgress) => void,
): Promise<CommitPlan> {
  const batches = new Batches();
  let head: { plan: PlanSpreadsheetOutput; total: number } | undefined;
  const receive = (part: PlanSpreadsheetPart) => {
    if (part.kind === 'plan') head = { plan: part.plan, total: part.total };
    else batches.push(part.batch);
  };
  if (!onWorker(input.bytes)) {
    const table = await (await spreadsheetReader()).readTable(input.bytes, input.filename);
    const analysis = analyseTable(
      table,
      input.filename,
      input,
      new Set(input.existing),
      input.day,
      input.keys,
    );
    sendPlan(analysis, input, receive);
    batches.end();
    return { ...head!.plan, total: head!.total, batches };
  }
  return new Promise<CommitPlan>((resolve, reject) => {
    const job = runInWorker('planSpreadsheet', input, onProgress, (part) => {
      receive(part as PlanSpreadsheetPart);
      if (head && (part as PlanSpreadsheetPart).kind === 'plan')
        resolve({ ...head.plan, total: head.total, batches });
    });
    job.then(
      () => {
        if (!head) reject(new Error('the import worker ended without a plan'));
        batches.end();
      },
      (error: unknown) => {
        // Before the plan, the commit fails at once; after it, the reader of the batches does.
        reject(error);
        batches.end({ error });
      },
    );
  });
}
