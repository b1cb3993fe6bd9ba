/**
 * A small pool of worker threads that read and plan large imports (spreadsheets, mail) off the
 * thread that answers requests, so the server keeps answering while a 100 MB mbox is classified.
 * Workers start on first use, are kept (unreferenced, so a CLI still exits) and replaced when one
 * dies. The worker file sits beside this one: `.ts` under tsx/vitest, `.js` in the compiled build.
 */

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, type ErrorDetail, ReboundError } from '../../core/errors.ts';
import type { TaskInput, TaskKind, TaskOutput, WorkerMessage, WorkerRequest } from './import-worker.ts';

/** Heap a worker may use before it is stopped; bounds what one hostile file can take. */
export const WORKER_HEAP_MB = 1024;

export interface TaskProgress {
  phase: string;
  done: number;
  total: number | null;
}

interface Job {
  id: number;
  kind: TaskKind;
  input: unknown;
  onProgress?: (progress: TaskProgress) => void;
  onPart?: (part: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** How many workers: REBOUND_IMPORT_WORKERS, else the cores (at most 2). */
export function poolSize(): number {
  const configured = Number(process.env.REBOUND_IMPORT_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 8);
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** The worker: its compiled `.js` file, or under tsx/vitest its `.ts` file behind tsx's loader. */
function newWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  const here = import.meta.url;
  // Compiled (dist/cli), this code sits in a chunk and the worker beside main.js; in the serve
  // build (dist/cli/serve/main.cjs, CommonJS) the worker is import-worker.cjs beside it.
  // A worker inherits the process's flags; `--input-type` (a server started with
  // `node --input-type=module -e …`) would make Node refuse the worker's file.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  if (!here.endsWith('.ts')) {
    const file = here.endsWith('.cjs')
      ? './import-worker.cjs'
      : here.includes('/chunks/')
        ? '../import-worker.js'
        : './import-worker.js';
    return new Worker(new URL(file, here), { execArgv, ...options });
  }
  const url = new URL('./import-worker.ts', here).href;
  const dist = dirname(createRequire(here).resolve('tsx'));
  const api = pathToFileURL(join(dist, 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

let nextId = 1;
const slots: Slot[] = [];
const queue: Job[] = [];

function spawn(): Slot {
  const worker = newWorker({ resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const slot: Slot = { worker, job: null };
  worker.unref();
  worker.on('message', (message: WorkerMessage) => {
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.progress);
      return;
    }
    if (message.type === 'part') {
      job.onPart?.(message.part);
      return;
    }
    slot.job = null;
    worker.unref();
    if (message.type === 'done') job.resolve(message.output);
    else job.reject(toError(message.error));
    pump();
  });
  const fail = (error: Error) => {
    const job = slot.job;
    slot.job = null;
    slots.splice(slots.indexOf(slot), 1);
    if (job) {
      const outOfMemory =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ||
        /out of memory|heap/i.test(error.message);
      job.reject(
        outOfMemory
          ? new ReboundError(
              'payload_too_large',
              `the file needs more memory to read than an import may use (${WORKER_HEAP_MB} MB); split it into smaller files`,
              [{ path: 'file', message: 'limit: memory' }],
            )
          : error,
      );
    }
    pump();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (slots.includes(slot)) fail(new Error(`the import worker stopped (exit code ${code})`));
  });
  slots.push(slot);
  return slot;
}

function toError(error: { code?: string; message: string; details?: ErrorDetail[] }): Error {
  if (error.code) return new ReboundError(error.code as ErrorCode, error.message, error.details ?? []);
  return new Error(error.message);
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => s.job === null);
    if (!slot && slots.length < poolSize()) slot = spawn();
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref();
    const request: WorkerRequest = { id: job.id, kind: job.kind, input: job.input };
    slot.worker.postMessage(request);
  }
}

/**
 * Runs one task on a worker; `onProgress` hears the worker's progress reports, `onPart` the
 * parts of the result it sends before it ends (a commit's batches of rows).
 */
export function runInWorker<K extends TaskKind>(
  kind: K,
  input: TaskInput<K>,
  onProgress?: (progress: TaskProgress) => void,
  onPart?: (part: unknown) => void,
): Promise<TaskOutput<K>> {
  return new Promise((resolve, reject) => {
    queue.push({
      id: nextId++,
      kind,
      input,
      onProgress,
      onPart,
      resolve: resolve as (value: unknown) => void,
      reject,
    });
    pump();
  });
}

/** Stops every worker (tests and shutdown); the next task starts new ones. */
export async function stopWorkers(): Promise<void> {
  const all = slots.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}
