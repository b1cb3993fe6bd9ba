/**
 * The background: marks an application applied when the watcher reports a sent application form
 * (only with "mark as applied" on). The popup talks to Rebound itself.
 */
import type { PageSnapshot } from '../../src/core/clipper/page-snapshot.ts';
import { createApplication, findByJobUrl, markApplied, readJobPage } from './api.ts';
import { ext } from './ext.ts';
import { loadSettings } from './settings.ts';
import { syncAppliedWatcher } from './watcher.ts';

interface Submitted {
  type: 'application-submitted';
  page: PageSnapshot;
}

const isSubmitted = (m: unknown): m is Submitted =>
  typeof m === 'object' && m !== null && (m as Submitted).type === 'application-submitted';

/** What happened, for the tests and the extension's console. */
export async function recordSubmitted(page: PageSnapshot): Promise<string> {
  const settings = await loadSettings();
  if (!settings.markApplied) return 'off';
  const existing = await findByJobUrl(settings, page.url);
  if (existing) {
    if (existing.stage !== 'saved') return `already ${existing.stage}`;
    await markApplied(settings, existing.id);
    return `marked ${existing.id}`;
  }
  const read = await readJobPage(settings, page);
  const created = await createApplication(settings, { ...read.fields, stage: 'applied' });
  return `saved ${created.id}`;
}

ext.runtime.onMessage.addListener((message, _sender, respond) => {
  if (!isSubmitted(message)) return undefined;
  recordSubmitted(message.page).then(
    (outcome) => respond({ outcome }),
    (error: unknown) => respond({ error: error instanceof Error ? error.message : String(error) }),
  );
  return true;
});

// The watcher's registration survives restarts; this keeps it in step with the option anyway.
void loadSettings()
  .then((s) => syncAppliedWatcher(s.markApplied))
  .catch(() => undefined);
