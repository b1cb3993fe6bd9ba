/**
 * How far each running import is, so a web page can show a progress bar while its upload is
 * being read and written. The page names the import with an id of its own choosing (sent as the
 * `x-progress-id` header) and asks for it by that id; entries live in memory, per workspace, and
 * are forgotten a few minutes after the import ends.
 */
import type { TaskProgress } from './worker-pool.ts';

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done' | 'failed';

export interface ImportProgressState {
  phase: ImportPhase;
  done: number;
  total: number | null;
}

/** How long a finished import's progress can still be read. */
const KEEP_MS = 5 * 60_000;
/** Ids are the page's own; anything else is ignored. */
export const PROGRESS_ID = /^[A-Za-z0-9_-]{8,64}$/;

const states = new Map<string, { state: ImportProgressState; expires: number }>();

function forgetOld(now: number): void {
  for (const [key, entry] of states) if (entry.expires < now) states.delete(key);
}

/**
 * Starts tracking an import under `id` (when the page gave a valid one); returns the callback the
 * import reports to and `end` to call when it finishes or fails. Without an id both do nothing.
 */
export function trackImport(
  workspaceId: string,
  id: string | undefined,
): { onProgress: (p: TaskProgress) => void; end: (ok: boolean) => void } {
  if (!id || !PROGRESS_ID.test(id)) return { onProgress: () => {}, end: () => {} };
  const key = `${workspaceId}:${id}`;
  const set = (state: ImportProgressState, keepMs = 60 * 60_000) =>
    states.set(key, { state, expires: Date.now() + keepMs });
  forgetOld(Date.now());
  set({ phase: 'reading', done: 0, total: null });
  return {
    onProgress: (p) =>
      set({
        phase: p.phase === 'writing' || p.phase === 'checking' ? p.phase : 'reading',
        done: p.done,
        total: p.total,
      }),
    end: (ok) => {
      const last = states.get(key)?.state;
      set({ phase: ok ? 'done' : 'failed', done: last?.done ?? 0, total: last?.total ?? null }, KEEP_MS);
    },
  };
}

/** The progress of the workspace's import `id`, or undefined when there is none. */
export function importProgress(workspaceId: string, id: string): ImportProgressState | undefined {
  const entry = states.get(`${workspaceId}:${id}`);
  if (!entry || entry.expires < Date.now()) return undefined;
  return entry.state;
}

/** Runs `work` with progress tracked under `id`; marks it done or failed when it settles. */
export async function withImportProgress<T>(
  workspaceId: string,
  id: string | undefined,
  work: (onProgress: (p: TaskProgress) => void) => Promise<T>,
): Promise<T> {
  const tracker = trackImport(workspaceId, id);
  try {
    const result = await work(tracker.onProgress);
    tracker.end(true);
    return result;
  } catch (error) {
    tracker.end(false);
    throw error;
  }
}
