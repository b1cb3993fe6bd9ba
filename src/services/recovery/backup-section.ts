import { z } from 'zod';
import * as contactsRepo from '../../store/contacts-repository.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import * as postMortemRepo from '../../store/post-mortem-repository.ts';
import * as repo from '../../store/recovery-repository.ts';
import * as schedule from '../../store/schedule-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const rows = z.array(z.record(z.string(), z.unknown())).default([]);
const sectionSchema = z.object({
  contacts: rows,
  contactLinks: rows,
  contactDrafts: rows,
  cadences: rows,
  interactions: rows,
  rejections: rows,
  journal: rows,
  feedbackRequests: rows,
  postMortemItems: rows,
  actionItems: rows,
  scheduledItems: rows,
});

async function exportRecovery(ctx: ServiceContext) {
  const { db, workspaceId: ws } = ctx;
  const [
    contacts,
    contactLinks,
    contactDrafts,
    cadences,
    interactions,
    rejections,
    journal,
    feedbackRequests,
    postMortemItems,
    actionItems,
    scheduledItems,
  ] = await Promise.all([
    contactsRepo.listContacts(db, ws),
    contactsRepo.listContactLinks(db, ws),
    contactsRepo.listContactDrafts(db, ws),
    contactsRepo.listCadences(db, ws),
    contactsRepo.listInteractions(db, ws),
    repo.listRejections(db, ws, 1_000_000),
    repo.listJournalEntries(db, ws),
    feedbackRepo.listFeedbackRequests(db, ws),
    postMortemRepo.listPostMortemItems(db, ws),
    postMortemRepo.listActionItems(db, ws, { status: 'all' }),
    schedule.listAllScheduled(db, ws),
  ]);
  return {
    contacts,
    contactLinks,
    contactDrafts,
    cadences,
    interactions,
    rejections: rejections.reverse(),
    journal,
    feedbackRequests,
    postMortemItems,
    actionItems,
    scheduledItems,
  };
}

async function importRecovery(ctx: ServiceContext, data: unknown): Promise<void> {
  const d = parseBackupPart(sectionSchema, data, {
    prefix: 'sections.recovery',
    listed: 1,
  }) as unknown as Awaited<ReturnType<typeof exportRecovery>>;
  const { db, workspaceId: ws } = ctx;
  await contactsRepo.insertContacts(db, ws, d.contacts);
  await contactsRepo.insertContactLinks(db, ws, d.contactLinks);
  await contactsRepo.insertContactDrafts(db, ws, d.contactDrafts);
  await contactsRepo.insertCadences(db, ws, d.cadences);
  await contactsRepo.insertInteractions(db, ws, d.interactions);
  await repo.insertRejections(db, ws, d.rejections);
  await repo.insertJournalEntries(db, ws, d.journal);
  await feedbackRepo.insertFeedbackRequests(db, ws, d.feedbackRequests);
  await postMortemRepo.upsertPostMortemItems(db, ws, d.postMortemItems);
  await postMortemRepo.insertActionItems(db, ws, d.actionItems);
  await schedule.upsertScheduledItems(db, ws, d.scheduledItems);
}

/** The recovery loop's part of `rebound export`: every rejection, journal entry, contact and pending step. */
export const recoveryBackupSection: BackupSection = {
  name: 'recovery',
  export: exportRecovery,
  import: importRecovery,
  clear: async (ctx) => {
    await repo.clearRecoveryData(ctx.db, ctx.workspaceId);
    await contactsRepo.clearContactData(ctx.db, ctx.workspaceId);
  },
};
