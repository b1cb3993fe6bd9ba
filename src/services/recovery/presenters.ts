import type { TodayEntry, TodayView } from '../../core/today/build-today.ts';
import type { ContactLink, ContactRecord } from '../../store/contacts-repository.ts';
import type { ActionItemRecord } from '../../store/post-mortem-repository.ts';
import type { JournalEntry } from '../../store/recovery-repository.ts';
import type { FeedbackDetail } from './feedback.ts';
import type { RejectionDetail } from './rejections.ts';
import type { QuietSummary, TodayItem } from './today.ts';

/** Wire shapes of the recovery loop; the API and the CLI's --json print these. */

export function presentJournalEntry(e: JournalEntry) {
  return {
    id: e.id,
    writtenAt: e.writtenAt,
    mood: e.mood,
    text: e.text,
    tags: e.tags,
    rejectionId: e.rejectionId,
  };
}

export function presentFeedbackRequest(f: FeedbackDetail) {
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

export function presentRejection(r: RejectionDetail) {
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

export function presentActionItem(a: ActionItemRecord) {
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

export function presentContact(c: ContactRecord) {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    linkedinUrl: c.linkedinUrl,
    phone: c.phone,
    howMet: c.howMet,
    notes: c.notes,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** How to complete an item in one request: method, URL and body. */
export interface CompleteAction {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  body?: unknown;
  label: string;
}

function completeAction(entry: TodayEntry & { refId?: string }): CompleteAction | null {
  const ref = entry.refId;
  switch (entry.kind) {
    case 'feedback_send':
      return {
        method: 'PATCH',
        url: `/api/v1/feedback-requests/${ref}`,
        body: { state: 'sent' },
        label: 'I sent it',
      };
    case 'feedback_chase':
      return {
        method: 'PATCH',
        url: `/api/v1/feedback-requests/${ref}`,
        body: { state: 'no_reply' },
        label: 'No reply; let it go',
      };
    case 'post_mortem':
      return {
        method: 'PUT',
        url: `/api/v1/applications/${entry.applicationId}/post-mortem`,
        label: 'Fill in the look back',
      };
    case 'action_item':
      return { method: 'PATCH', url: `/api/v1/action-items/${ref}`, body: { status: 'done' }, label: 'Done' };
    case 'contact_touch':
      return {
        method: 'POST',
        url: `/api/v1/contacts/${entry.contactId}/interactions`,
        body: { kind: entry.id.split(':').at(-1) },
        label: 'Done',
      };
    case 'likely_ghosted':
      return {
        method: 'POST',
        url: `/api/v1/applications/${entry.applicationId}/events`,
        body: { type: 'outcome_set', outcome: 'ghosted' },
        label: 'Close as no reply',
      };
    case 'cool_off_end':
      return {
        method: 'POST',
        url: `/api/v1/rejections/${ref}/journal`,
        label: 'Write a few lines (optional)',
      };
    default:
      return null;
  }
}

function presentEntry(entry: TodayEntry & { refId?: string }) {
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    detail: entry.detail ?? null,
    dueAt: entry.dueAt,
    dueOn: entry.dueOn,
    endsAt: entry.endsAt ?? null,
    applicationId: entry.applicationId ?? null,
    contactId: entry.contactId ?? null,
    refId: entry.refId ?? null,
    complete: completeAction(entry),
  };
}

export function presentToday(view: TodayView & { quiet: QuietSummary }) {
  return {
    date: view.date,
    coolingOff: view.coolingOff,
    coolOffEndsAt: view.coolOffEndsAt,
    overdue: view.overdue.map(presentEntry),
    today: view.today.map(presentEntry),
    upcoming: view.upcoming.map(presentEntry),
    held: view.held.map(presentEntry),
    laterCount: view.laterCount,
    /** The most silent quiet applications are listed; `total` counts them all. */
    quiet: { shown: view.quiet.shown, total: view.quiet.total },
  };
}

/** One page of the full quiet-applications list (the "see all" behind Today's short list). */
export function presentQuietPage(page: { items: TodayItem[]; total: number }) {
  return {
    // Quiet items are due on a day, so the day is the due date itself.
    items: page.items.map((item) => presentEntry({ ...item, dueOn: item.dueAt })),
    total: page.total,
  };
}

export type PresentedTodayItem = ReturnType<typeof presentEntry>;
export type { TodayItem };

/** One person in an application's process: who they are and their part in it. */
export function presentPerson(p: { link: ContactLink; contact: ContactRecord }) {
  return {
    linkId: p.link.id,
    role: p.link.role,
    roundId: p.link.roundId,
    linkedAt: p.link.createdAt,
    contact: presentContact(p.contact),
  };
}

export function presentContactLink(l: ContactLink) {
  return {
    id: l.id,
    contactId: l.contactId,
    applicationId: l.applicationId,
    roundId: l.roundId,
    role: l.role,
    createdAt: l.createdAt,
  };
}
