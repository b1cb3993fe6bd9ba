import { ReboundError } from '../../core/errors.ts';
import type { ContactLineError, ImportedContact } from '../../core/referrals/connections-import.ts';
import type { ConnectionsImportReport } from '../../core/referrals/schemas.ts';
import type { ContactRecord } from '../../store/contacts-repository.ts';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as repo from '../../store/referrals-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';
import { runInWorker, type TaskProgress } from '../imports/worker-pool.ts';
import { type PlanConnectionsOutput, planConnections } from './connections-plan.ts';
import { countApplicationsWithPeople } from './people.ts';

/** Files up to this size are read in process (a few milliseconds); larger ones on an import worker. */
const INLINE_BYTES = 64 * 1024;
/** How many bad lines an error message names before "and N more". */
const LINES_NAMED = 10;

export interface ConnectionsImportOptions {
  /** Import the readable lines and report the rest; by default one bad line refuses the file. */
  skipInvalid?: boolean;
  onProgress?: (p: TaskProgress) => void;
  /** How to ask for the readable lines only, in the words of the face (the CLI names its flag). */
  skipHint?: string;
}

function refusal(filename: string, errors: ContactLineError[], skipHint: string): ReboundError {
  const named = errors.slice(0, LINES_NAMED).map((e) => `line ${e.line}: ${e.message}`);
  const more = errors.length > LINES_NAMED ? `; and ${errors.length - LINES_NAMED} more` : '';
  return new ReboundError(
    'invalid_input',
    `${filename}: nothing was imported. ${named.join('; ')}${more}. Fix ${errors.length === 1 ? 'that line' : 'those lines'}, or ${skipHint}.`,
    errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
  );
}

/** The contact kept already, with the file's values in its empty fields. */
function filled(current: ContactRecord, c: ImportedContact, now: string): ContactRecord | null {
  const next: ContactRecord = {
    ...current,
    company: current.company ?? c.company,
    role: current.role ?? c.role,
    email: current.email ?? c.email,
    linkedinUrl: current.linkedinUrl ?? c.linkedinUrl,
    phone: current.phone ?? c.phone,
  };
  const changed = (['company', 'role', 'email', 'linkedinUrl', 'phone'] as const).some(
    (k) => next[k] !== current[k],
  );
  return changed ? { ...next, updatedAt: now } : null;
}

/**
 * Imports a connections export as contacts marked "connection": new people are added, people
 * already kept (same email, else LinkedIn address, else name and company) are marked and their
 * blanks filled. All or nothing: bad lines refuse the file naming each line, unless
 * `skipInvalid`; the writes run in one transaction.
 */
export async function importConnections(
  ctx: ServiceContext,
  bytes: Uint8Array,
  filename: string,
  options: ConnectionsImportOptions = {},
): Promise<ConnectionsImportReport> {
  const existing = await contactsRepo.listContacts(ctx.db, ctx.workspaceId);
  const keys = existing.map((c) => ({
    id: c.id,
    name: c.name,
    company: c.company,
    email: c.email,
    linkedinUrl: c.linkedinUrl,
  }));
  const input = { bytes, filename, existing: keys };
  const { plan, source }: PlanConnectionsOutput =
    bytes.byteLength > INLINE_BYTES
      ? await runInWorker('planConnections', input, options.onProgress)
      : await planConnections(input, options.onProgress);
  if (plan.rows === 0 && plan.errors.length === 1) {
    // No header naming people: nothing to skip to, so no offer to skip.
    const only = plan.errors[0]!;
    throw new ReboundError('invalid_input', `${filename}: ${only.message}.`, [
      { path: `line ${only.line}`, message: only.message },
    ]);
  }
  if (plan.errors.length > 0 && (!options.skipInvalid || plan.create.length + plan.merge.length === 0))
    throw refusal(filename, plan.errors, options.skipHint ?? 'import the readable lines and skip the rest');
  const now = nowIso(ctx);
  const byId = new Map(existing.map((c) => [c.id, c]));
  const created: ContactRecord[] = plan.create.map((c) => ({
    id: newId(),
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    linkedinUrl: c.linkedinUrl,
    phone: c.phone,
    howMet: source === 'linkedin' ? 'LinkedIn connection' : 'Connection',
    notes: null,
    createdAt: now,
    updatedAt: now,
  }));
  const marks: repo.ConnectionRecord[] = [
    ...created.map((c, i) => ({ contactId: c.id, connectedOn: plan.create[i]!.connectedOn })),
    ...plan.merge.map((m) => ({ contactId: m.contactId, connectedOn: m.contact.connectedOn })),
  ].map((m) => ({ ...m, source, importedAt: now }));
  const total = created.length + plan.merge.length;
  await ctx.db.transaction().execute(async (trx) => {
    options.onProgress?.({ phase: 'writing', done: 0, total });
    await contactsRepo.insertContacts(trx, ctx.workspaceId, created);
    options.onProgress?.({ phase: 'writing', done: created.length, total });
    for (const m of plan.merge) {
      const update = filled(byId.get(m.contactId)!, m.contact, now);
      if (update) await contactsRepo.updateContact(trx, ctx.workspaceId, update);
    }
    await repo.insertConnections(trx, ctx.workspaceId, marks);
    options.onProgress?.({ phase: 'writing', done: total, total });
  });
  return {
    filename,
    rows: plan.rows,
    created: created.length,
    merged: plan.merge.length,
    repeatedInFile: plan.repeatedInFile,
    skipped: plan.errors,
    applicationsWithPeople: await countApplicationsWithPeople(ctx),
  };
}
