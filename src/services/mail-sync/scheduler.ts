/**
 * When mail syncs by itself. The server plans each workspace's sync through this small
 * interface; locally it is a timer while `rebound serve` runs (`timerScheduler`). A hosted
 * deployment implements the same two calls with its job queue (a repeating job per workspace,
 * e.g. pg-boss `schedule`), so nothing else changes. Runs never overlap: a run that finds the
 * previous one still going is skipped (`syncMail` refuses a second run of the same workspace).
 */

export interface MailSyncScheduler {
  /** Syncs the workspace every `minutes` from now on (null: never); replaces any earlier plan. */
  plan(workspaceId: string, minutes: number | null, run: () => Promise<void>): void;
  /** Stops every plan (the server is closing). */
  stop(): void;
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const nodeTimers: Timers = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    // A planned sync never keeps the process alive by itself.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** The local scheduler: one interval per workspace; `timers` lets a test drive time by hand. */
export function timerScheduler(timers: Timers = nodeTimers): MailSyncScheduler {
  const plans = new Map<string, { handle: unknown; busy: boolean }>();
  const cancel = (workspaceId: string) => {
    const current = plans.get(workspaceId);
    if (current) timers.clearInterval(current.handle);
    plans.delete(workspaceId);
  };
  return {
    plan(workspaceId, minutes, run) {
      cancel(workspaceId);
      if (minutes === null) return;
      const entry = { handle: undefined as unknown, busy: false };
      entry.handle = timers.setInterval(() => {
        if (entry.busy) return;
        entry.busy = true;
        run()
          .catch(() => {})
          .finally(() => {
            entry.busy = false;
          });
      }, minutes * 60_000);
      plans.set(workspaceId, entry);
    },
    stop() {
      for (const id of [...plans.keys()]) cancel(id);
    },
  };
}
