import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { FeedbackTheme, PostMortemRating } from '../../core/insights/index.ts';
import { FEEDBACK_THEMES } from '../../core/recovery/feedback-state.ts';
import type { JournalInput } from '../../core/wellbeing/input.ts';
import * as feedbackRepo from '../../store/feedback-repository.ts';
import * as postMortemRepo from '../../store/post-mortem-repository.ts';
import * as recovery from '../../store/recovery-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';

/**
 * The one place where insights and wellbeing read the recovery loop's tables (issue 3): feedback
 * answers with their theme tags, post-mortem ratings and the journal. The recovery helper owns
 * those tables; nothing here creates a second copy of them.
 */

export interface JournalView {
  id: string;
  on: string;
  writtenAt: string;
  mood: number | null;
  text: string;
  tags: string[];
  rejectionId: string | null;
}

/** Theme tags of answered feedback requests, as insights count them ("system design", "experience level"). */
export async function loadFeedbackThemes(ctx: ServiceContext): Promise<FeedbackTheme[]> {
  const requests = await feedbackRepo.listFeedbackRequests(ctx.db, ctx.workspaceId);
  const out: FeedbackTheme[] = [];
  for (const r of requests) {
    for (const t of r.themes) {
      const label =
        t.name?.trim() || FEEDBACK_THEMES.find((f) => f.key === t.theme)?.label.toLowerCase() || t.theme;
      out.push({ applicationId: r.applicationId, theme: label });
    }
  }
  return out;
}

/** Every post-mortem rating, item by item. */
export async function loadPostMortemRatings(ctx: ServiceContext): Promise<PostMortemRating[]> {
  const rows = await postMortemRepo.listPostMortemItems(ctx.db, ctx.workspaceId);
  return rows.map((r) => ({ applicationId: r.applicationId, item: r.key, rating: r.rating }));
}

/** Days feedback arrived, for the wins list. */
export async function loadFeedbackReceived(
  ctx: ServiceContext,
): Promise<{ on: string; applicationId: string }[]> {
  const requests = await feedbackRepo.listFeedbackRequests(ctx.db, ctx.workspaceId);
  return requests
    .filter((r) => r.answeredAt !== null)
    .map((r) => ({ on: localDate(new Date(r.answeredAt!), ctx.timeZone), applicationId: r.applicationId }));
}

/** Journal entries between two days (inclusive), oldest first, with the day each was written. */
export async function listJournal(
  ctx: ServiceContext,
  range: { from?: string; to?: string } = {},
): Promise<JournalView[]> {
  const entries = await recovery.listJournalEntries(ctx.db, ctx.workspaceId);
  return entries
    .map((e) => ({ ...e, on: localDate(new Date(e.writtenAt), ctx.timeZone) }))
    .filter(
      (e) => (range.from === undefined || e.on >= range.from) && (range.to === undefined || e.on <= range.to),
    );
}

/** Writes one journal entry into the shared journal table. */
export async function addJournalEntry(ctx: ServiceContext, input: JournalInput): Promise<JournalView> {
  // A back-dated entry is written at noon UTC of that day, so it stays on that day in most zones.
  const writtenAt = input.on ? `${input.on}T12:00:00.000Z` : nowIso(ctx);
  const entry = {
    id: newId(),
    writtenAt,
    mood: input.mood,
    text: input.text,
    tags: [...new Set(input.tags)],
    rejectionId: input.rejectionId ?? null,
  };
  if (
    entry.rejectionId !== null &&
    !(await recovery.findRejection(ctx.db, ctx.workspaceId, entry.rejectionId))
  ) {
    throw new ReboundError('not_found', `No rejection with id ${entry.rejectionId}.`, [
      { path: 'rejectionId', message: 'not found' },
    ]);
  }
  await recovery.insertJournalEntries(ctx.db, ctx.workspaceId, [entry]);
  return { ...entry, on: input.on ?? localDate(new Date(writtenAt), ctx.timeZone) };
}
