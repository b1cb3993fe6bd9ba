import type { TodayCounts, TodayEntry, TodayView } from '../../core/today/build-today.ts';
import type {
  CompleteAction,
  QuietPage,
  TodayItem as TodayItemView,
  TodayView as TodayWireView,
} from '../../core/today/schemas.ts';
import type { StoredStep } from '../../store/week-repository.ts';
import { presentStep } from '../week/presenters.ts';
import type { QuietSummary, TodayItem } from './today.ts';

/** Wire shapes of Today: each due item with the one request that completes it. */

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
        body: { kind: entry.id.split(':').at(-1) ?? '' },
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

export function presentEntry(entry: TodayEntry & { refId?: string }): TodayItemView {
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

/**
 * The Today view as sent: the CLI passes the whole view; the HTTP route passes the first screen
 * (`firstScreen`), whose `counts` say how long each list is in all.
 */
export function presentToday(
  view: TodayView & { quiet: QuietSummary; counts?: TodayCounts; steps: readonly StoredStep[] },
): TodayWireView {
  return {
    counts: view.counts ?? {
      overdue: view.overdue.length,
      today: view.today.length,
      upcoming: view.upcoming.length,
      held: view.held.length,
    },
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
    steps: view.steps.map(presentStep),
  };
}

/** One page of the full quiet-applications list (the "see all" behind Today's short list). */
export function presentQuietPage(page: { items: TodayItem[]; total: number }): QuietPage {
  return {
    // Quiet items are due on a day, so the day is the due date itself.
    items: page.items.map((item) => presentEntry({ ...item, dueOn: item.dueAt })),
    total: page.total,
  };
}

export type PresentedTodayItem = TodayItemView;
export type { TodayItem };
