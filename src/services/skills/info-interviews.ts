import { ReboundError } from '../../core/errors.ts';
import type { InfoInterviewCreateInput, InfoInterviewUpdateInput } from '../../core/skills/input.ts';
import { findContact } from '../../store/contacts-repository.ts';
import type { InfoInterviewRecord } from '../../store/info-interviews-repository.ts';
import * as interviewRepo from '../../store/info-interviews-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';

export type { InfoInterviewRecord } from '../../store/info-interviews-repository.ts';

function notFound(id: string): ReboundError {
  return new ReboundError('informational_interview_not_found', `No informational interview with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

/** The contact's name when one is linked; refuses an unknown contact id. */
async function contactNameFor(ctx: ServiceContext, contactId: string): Promise<string> {
  const contact = await findContact(ctx.db, ctx.workspaceId, contactId);
  if (!contact) {
    throw new ReboundError('contact_not_found', `No contact with id ${contactId}.`, [
      { path: 'contactId', message: 'not found' },
    ]);
  }
  return contact.name;
}

function refuseFuture(ctx: ServiceContext, heldOn: string | undefined): void {
  // Planned conversations are fine up to a year ahead; further out is almost surely a typo.
  if (heldOn && heldOn > `${Number(today(ctx).slice(0, 4)) + 1}${today(ctx).slice(4)}`) {
    throw new ReboundError('invalid_input', 'heldOn: must be within a year from today', [
      { path: 'heldOn', message: 'too far ahead' },
    ]);
  }
}

export async function listInfoInterviews(ctx: ServiceContext): Promise<InfoInterviewRecord[]> {
  return interviewRepo.listInfoInterviews(ctx.db, ctx.workspaceId);
}

export async function getInfoInterviewOrThrow(ctx: ServiceContext, id: string): Promise<InfoInterviewRecord> {
  const found = await interviewRepo.findInfoInterview(ctx.db, ctx.workspaceId, id);
  if (!found) throw notFound(id);
  return found;
}

/** Records an informational interview: who (a name, or one of the contacts), when, and what was learned. */
export async function createInfoInterview(
  ctx: ServiceContext,
  input: InfoInterviewCreateInput,
): Promise<InfoInterviewRecord> {
  refuseFuture(ctx, input.heldOn);
  let contactName = input.contactName ?? null;
  if (input.contactId) {
    const linked = await contactNameFor(ctx, input.contactId);
    contactName ??= linked;
  }
  const now = nowIso(ctx);
  const record: InfoInterviewRecord = {
    id: newId(),
    contactId: input.contactId ?? null,
    contactName,
    heldOn: input.heldOn,
    company: input.company ?? null,
    role: input.role ?? null,
    learned: input.learned ?? null,
    followUps: input.followUps ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await interviewRepo.insertInfoInterviews(ctx.db, ctx.workspaceId, [record]);
  return record;
}

export async function updateInfoInterview(
  ctx: ServiceContext,
  id: string,
  input: InfoInterviewUpdateInput,
): Promise<InfoInterviewRecord> {
  refuseFuture(ctx, input.heldOn);
  const current = await getInfoInterviewOrThrow(ctx, id);
  if (input.contactId) await contactNameFor(ctx, input.contactId);
  const next: InfoInterviewRecord = { ...current, updatedAt: nowIso(ctx) };
  if (input.contactId !== undefined) next.contactId = input.contactId;
  if (input.contactName !== undefined) next.contactName = input.contactName;
  if (input.heldOn !== undefined) next.heldOn = input.heldOn;
  if (input.company !== undefined) next.company = input.company;
  if (input.role !== undefined) next.role = input.role;
  if (input.learned !== undefined) next.learned = input.learned;
  if (input.followUps !== undefined) next.followUps = input.followUps;
  if (!next.contactId && !next.contactName) {
    throw new ReboundError('invalid_input', 'contactName: name the person, or pick one of your contacts', [
      { path: 'contactName', message: 'name the person, or pick one of your contacts' },
    ]);
  }
  await interviewRepo.updateInfoInterview(ctx.db, ctx.workspaceId, next);
  return next;
}

export async function deleteInfoInterview(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await interviewRepo.deleteInfoInterview(ctx.db, ctx.workspaceId, id))) throw notFound(id);
}
