import { ext } from './ext.ts';

/** The applicant-tracking pages where "mark as applied" watches for a sent application. */
export const ATS_MATCHES = [
  '*://boards.greenhouse.io/*',
  '*://job-boards.greenhouse.io/*',
  '*://jobs.lever.co/*',
  '*://*.myworkdayjobs.com/*',
  '*://jobs.ashbyhq.com/*',
];

const ID = 'applied-watcher';

/** Registers the watcher on the ATS pages, or removes it. */
export async function syncAppliedWatcher(enabled: boolean): Promise<void> {
  const registered = await ext.scripting.getRegisteredContentScripts();
  if (registered.some((s) => s.id === ID)) await ext.scripting.unregisterContentScripts({ ids: [ID] });
  if (!enabled) return;
  await ext.scripting.registerContentScripts([
    {
      id: ID,
      matches: ATS_MATCHES,
      js: ['applied-watcher.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}
