/**
 * Mail sync: reads the new messages of the account's chosen folders and sends them through the
 * same import as an .eml or mbox file (classified and matched on the import workers, recorded or
 * queued for review here). Incremental by UID under each folder's UIDVALIDITY; resumable (each
 * batch is imported before the folder's state moves past it); idempotent (a message seen before
 * under its Message-ID, in any folder, is never acted on again).
 */
import { ReboundError } from '../../core/errors.ts';
import { planFolder } from '../../core/mail-sync/folder-plan.ts';
import type { MailAccountInput } from '../../core/mail-sync/input.ts';
import type { MailSyncCountsView, MailSyncReport } from '../../core/mail-sync/schemas.ts';
import {
  connectImap,
  type FetchedMessage,
  type ImapSession,
  MAX_SYNC_MESSAGE_BYTES,
} from '../../io/imap-client.ts';
import type { SecretBox } from '../../io/secret-box.ts';
import type { MailAccountRecord } from '../../store/mail-sync-repository.ts';
import * as repo from '../../store/mail-sync-repository.ts';
import { nowIso, type ServiceContext } from '../context.ts';
import { importMailFile } from '../imports/mail-import.ts';
import { accountTarget, addressOf, type Connect, getMailAccountOrThrow, saveMailAccount } from './account.ts';

/** Messages fetched and imported together; the folder's state is saved after each batch. */
export const SYNC_BATCH = 100;

export interface SyncProgress {
  folder: string;
  phase: 'listing' | 'fetching' | 'importing';
  /** Messages handled so far in this folder, of `total` new ones. */
  done: number;
  total: number;
}

export interface SyncOptions {
  /** A new or changed account to log in with and save (the CLI's --imap); else the saved one. */
  account?: MailAccountInput;
  onProgress?: (progress: SyncProgress) => void;
  connect?: Connect;
  /** Messages per batch (default SYNC_BATCH). */
  batchSize?: number;
}

const running = new Set<string>();

/** True while a sync of the workspace's account runs in this process. */
export function isSyncRunning(workspaceId: string): boolean {
  return running.has(workspaceId);
}

const zero = (): MailSyncCountsView => ({
  fetched: 0,
  applied: 0,
  pending: 0,
  dismissed: 0,
  alreadyImported: 0,
  unreadable: 0,
});

/**
 * Syncs the account: logs in, reads each chosen folder from where it stopped, imports what is new.
 * A refused login or an unreachable server writes nothing but the failed run's note on a saved
 * account (a new account given with `account` is not saved at all).
 */
export async function syncMail(
  ctx: ServiceContext,
  box: SecretBox,
  options: SyncOptions = {},
): Promise<MailSyncReport> {
  if (running.has(ctx.workspaceId))
    throw new ReboundError('conflict', 'A mail sync is already running; wait for it to finish.');
  running.add(ctx.workspaceId);
  try {
    const connect = options.connect ?? connectImap;
    let account: MailAccountRecord;
    let session: ImapSession;
    if (options.account) {
      ({ account, session } = await saveMailAccount(ctx, box, options.account, connect));
    } else {
      account = await getMailAccountOrThrow(ctx);
      try {
        session = await connect(accountTarget(account, box));
      } catch (error) {
        await noteFailure(ctx, account, error);
        throw error;
      }
    }
    try {
      const { report, missing } = await syncFolders(ctx, account, session, options);
      await repo.recordSyncRun(ctx.db, ctx.workspaceId, account.id, {
        at: nowIso(ctx),
        status: missing.length > 0 ? 'failed' : 'ok',
        error: missing.length > 0 ? missing.join('; ') : null,
        counts: report.counts,
      });
      return report;
    } catch (error) {
      await noteFailure(ctx, account, error);
      throw error;
    } finally {
      await session.close();
    }
  } finally {
    running.delete(ctx.workspaceId);
  }
}

async function noteFailure(ctx: ServiceContext, account: MailAccountRecord, error: unknown): Promise<void> {
  const message = error instanceof ReboundError ? error.message : 'the sync stopped unexpectedly';
  await repo.recordSyncRun(ctx.db, ctx.workspaceId, account.id, {
    at: nowIso(ctx),
    status: 'failed',
    error: message,
    counts: null,
  });
}

async function syncFolders(
  ctx: ServiceContext,
  account: MailAccountRecord,
  session: ImapSession,
  { onProgress, batchSize = SYNC_BATCH }: SyncOptions,
): Promise<{ report: MailSyncReport; missing: string[] }> {
  const missing: string[] = [];
  const report: MailSyncReport = {
    address: addressOf(account),
    nothingNew: true,
    folders: [],
    counts: zero(),
    items: [],
    errors: [],
  };
  const stored = new Map(
    (await repo.listSyncFolders(ctx.db, ctx.workspaceId, account.id)).map((s) => [s.folder, s]),
  );
  for (const folder of account.folders) {
    let opened: Awaited<ReturnType<ImapSession['open']>>;
    try {
      opened = await session.open(folder);
    } catch (error) {
      if (!(error instanceof ReboundError) || error.code !== 'invalid_input') throw error;
      report.errors.push({ folder, message: error.message });
      missing.push(error.message);
      continue;
    }
    const before = stored.get(folder);
    const plan = planFolder(before, opened);
    const line = {
      folder,
      uidValidity: opened.uidValidity,
      restarted: plan.restart,
      fromUid: plan.fromUid,
      fetched: 0,
      lastUid: plan.fromUid - 1,
    };
    report.folders.push(line);
    let state = {
      folder,
      uidValidity: opened.uidValidity,
      lastUid: plan.fromUid - 1,
      messages: plan.restart ? 0 : (before?.messages ?? 0),
      syncedAt: nowIso(ctx),
    };
    if (plan.restart || !before) await repo.saveSyncFolder(ctx.db, ctx.workspaceId, account.id, state);
    if (plan.nothingNew) continue;
    onProgress?.({ folder, phase: 'listing', done: 0, total: 0 });
    const listed = await session.listFrom(plan.fromUid);
    const total = listed.length;
    for (let start = 0; start < total; start += batchSize) {
      const slice = listed.slice(start, start + batchSize);
      const wanted = slice.filter((m) => m.size <= MAX_SYNC_MESSAGE_BYTES).map((m) => m.uid);
      for (const big of slice.filter((m) => m.size > MAX_SYNC_MESSAGE_BYTES)) {
        report.counts.unreadable++;
        report.errors.push({
          folder,
          message: `message UID ${big.uid} is larger than ${MAX_SYNC_MESSAGE_BYTES / 1024 / 1024} MB; skipped`,
        });
      }
      onProgress?.({ folder, phase: 'fetching', done: start, total });
      const fetched = await session.fetch(wanted);
      onProgress?.({ folder, phase: 'importing', done: start, total });
      await importBatch(ctx, folder, fetched, report);
      const lastUid = slice[slice.length - 1]!.uid;
      state = { ...state, lastUid, messages: state.messages + fetched.length, syncedAt: nowIso(ctx) };
      await repo.saveSyncFolder(ctx.db, ctx.workspaceId, account.id, state);
      line.fetched += fetched.length;
      line.lastUid = lastUid;
      onProgress?.({ folder, phase: 'importing', done: Math.min(start + batchSize, total), total });
    }
  }
  report.nothingNew = report.counts.fetched === 0 && report.counts.unreadable === 0;
  return { report, missing };
}

/** mboxrd: body lines starting "From " (or ">From ") gain one ">" so the split finds only our separators. */
function toMbox(messages: FetchedMessage[]): Buffer {
  const parts: Buffer[] = [];
  for (const m of messages) {
    parts.push(Buffer.from(`From rebound-sync@localhost Thu Jan  1 00:00:00 1970\n`, 'latin1'));
    const text = m.source.toString('latin1').replace(/^(>*From )/gm, '>$1');
    parts.push(Buffer.from(text.endsWith('\n') ? text : `${text}\n`, 'latin1'));
  }
  return Buffer.concat(parts);
}

/** Imports one batch as an mbox through the mail import, and adds its results to the report. */
async function importBatch(
  ctx: ServiceContext,
  folder: string,
  fetched: FetchedMessage[],
  report: MailSyncReport,
): Promise<void> {
  if (fetched.length === 0) return;
  const result = await importMailFile(ctx, toMbox(fetched), `${folder}.mbox`);
  const c = report.counts;
  c.fetched += fetched.length;
  c.applied += result.applied;
  c.pending += result.pending;
  c.dismissed += result.dismissed;
  c.alreadyImported += result.alreadyImported;
  c.unreadable += result.errors.length;
  for (const item of result.items) report.items.push({ ...item, folder, uid: fetched[item.index - 1]!.uid });
  for (const e of result.errors)
    report.errors.push({ folder, message: `message UID ${fetched[e.index - 1]?.uid ?? '?'}: ${e.message}` });
}
