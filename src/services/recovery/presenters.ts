import type {
  ActionItemView,
  FeedbackRequestView,
  JournalEntryView,
  RejectionView,
} from '../../core/recovery/schemas.ts';
import type { ActionItemRecord } from '../../store/post-mortem-repository.ts';
import type { JournalEntry } from '../../store/recovery-repository.ts';
import type { FeedbackDetail } from './feedback.ts';
import type { RejectionDetail } from './rejections.ts';

/** Wire shapes of the recovery loop; the API and the CLI's --json print these. */

export function presentJournalEntry(e: JournalEntry): JournalEntryView {
  return {
    id: e.id,
    writtenAt: e.writtenAt,
    mood: e.mood,
    text: e.text,
    tags: e.tags,
    rejectionId: e.rejectionId,
  };
}

export function presentFeedbackRequest(f: FeedbackDetail): FeedbackRequestView {
  return {
    id: f.id,
    rejectionId: f.rejectionId,
    applicationId: f.applicationId,
    company: f.company,
    role: f.role,
    contactId: f.contactId,
    state: f.state,
    dueAt: f.dueAt,
    sentAt: f.sentAt,
    followUpDueAt: f.followUpDueAt,
    answeredAt: f.answeredAt,
    answer: f.answer,
    themes: f.themes,
    draft: f.draft,
    mailto: f.mailto,
    automaticSender: f.automaticSender,
    emlUrl: `/api/v1/feedback-requests/${f.id}/eml`,
  };
}

export function presentRejection(r: RejectionDetail): RejectionView {
  return {
    id: r.id,
    applicationId: r.applicationId,
    company: r.company,
    role: r.role,
    stageReached: r.stageReached,
    channel: r.channel,
    rejectedAt: r.rejectedAt,
    reasonGiven: r.reasonGiven,
    reasonTags: r.reasonTags,
    coolOff: { hours: r.coolOffHours, skipped: r.coolOffHours === null, endsAt: r.coolOffEndsAt },
    reopenedAt: r.reopenedAt,
    step: r.flowStep ?? null,
    feedbackRequestId: r.feedbackRequest?.id ?? null,
    feedbackState: r.feedbackRequest?.state ?? null,
    feedbackDueAt: r.feedbackRequest?.dueAt ?? null,
    postMortemUrl: `/api/v1/applications/${r.applicationId}/post-mortem`,
    journal: r.journal.map(presentJournalEntry),
    createdAt: r.createdAt,
  };
}

export function presentActionItem(a: ActionItemRecord): ActionItemView {
  return {
    id: a.id,
    applicationId: a.applicationId,
    source: a.source,
    sourceKey: a.sourceKey,
    text: a.text,
    dueOn: a.dueOn,
    status: a.status,
    doneAt: a.doneAt,
  };
}
