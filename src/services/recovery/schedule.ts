import type { Cadence } from '../../core/contacts/cadence.ts';
import { nextTouches } from '../../core/contacts/cadence.ts';
import type { InteractionRecord } from '../../store/contacts-repository.ts';
import type { FeedbackRequest } from '../../store/feedback-repository.ts';
import type { ActionItemRecord } from '../../store/post-mortem-repository.ts';
import type { Rejection } from '../../store/recovery-repository.ts';
import type { ScheduledItem } from '../../store/schedule-repository.ts';

/** Builders for the scheduled items Today and the calendar read; one place for their ids and words. */

interface AppNames {
  company: string;
  role: string;
}

export const scheduleIds = {
  coolOffEnd: (rejectionId: string) => `cool_off_end:${rejectionId}`,
  feedbackSend: (feedbackId: string) => `feedback_send:${feedbackId}`,
  feedbackChase: (feedbackId: string) => `feedback_chase:${feedbackId}`,
  postMortem: (applicationId: string) => `post_mortem:${applicationId}`,
  actionItem: (actionId: string) => `action_item:${actionId}`,
  touch: (contactId: string, key: string) => `contact_touch:${contactId}:${key}`,
};

export function coolOffEndItem(r: Rejection, app: AppNames): ScheduledItem {
  return {
    id: scheduleIds.coolOffEnd(r.id),
    kind: 'cool_off_end',
    refId: r.id,
    title: `Your pause after ${app.company} ends: next steps are ready when you are`,
    dueAt: r.coolOffEndsAt,
    startsAt: r.rejectedAt,
    applicationId: r.applicationId,
  };
}

export function feedbackSendItem(f: FeedbackRequest, app: AppNames): ScheduledItem {
  return {
    id: scheduleIds.feedbackSend(f.id),
    kind: 'feedback_send',
    refId: f.id,
    title: `Send your feedback request to ${app.company} (${app.role})`,
    dueAt: f.dueAt,
    applicationId: f.applicationId,
  };
}

export function feedbackChaseItem(f: FeedbackRequest, app: AppNames): ScheduledItem {
  return {
    id: scheduleIds.feedbackChase(f.id),
    kind: 'feedback_chase',
    refId: f.id,
    title: `A gentle check-in on your feedback request to ${app.company}`,
    detail: 'One short follow-up is fine. If they stay quiet, mark it "no reply" and let it go.',
    dueAt: f.followUpDueAt ?? f.dueAt,
    applicationId: f.applicationId,
  };
}

export function postMortemItem(r: Rejection, app: AppNames): ScheduledItem {
  return {
    id: scheduleIds.postMortem(r.applicationId),
    kind: 'post_mortem',
    refId: r.applicationId,
    title: `Look back on ${app.role} at ${app.company}`,
    detail: 'A few minutes: what went well, what you would do differently.',
    dueAt: r.coolOffEndsAt,
    applicationId: r.applicationId,
  };
}

export function actionItemItem(a: ActionItemRecord): ScheduledItem {
  return {
    id: scheduleIds.actionItem(a.id),
    kind: 'action_item',
    refId: a.id,
    title: a.text,
    dueAt: a.dueOn,
    ...(a.applicationId ? { applicationId: a.applicationId } : {}),
  };
}

const TOUCH_TITLES = {
  thank_you: (name: string) => `Send a thank-you note to ${name}`,
  connection_request: (name: string) => `Send ${name} a connection request`,
  value: (name: string) => `Share something useful with ${name}`,
};

/**
 * The pending touches of a cadence as scheduled items: the thank-you and the connection request
 * until they are logged, and the next "value" touch. Later value touches are scheduled when this
 * one is logged, so a missed touch shows once and never piles up.
 */
export function touchItems(
  contact: { id: string; name: string },
  cadence: Cadence,
  interactions: readonly Pick<InteractionRecord, 'kind' | 'at'>[],
  now: Date,
  connectionNote: string,
): ScheduledItem[] {
  const horizon = cadence.connectAfterDays + cadence.valueEveryDays + 10;
  const touches = nextTouches(cadence, interactions, now, horizon);
  const firstValue = touches.find((t) => t.kind === 'value');
  return touches
    .filter((t) => t.kind !== 'value' || t === firstValue)
    .map((t) => ({
      id: scheduleIds.touch(contact.id, t.kind),
      kind: 'contact_touch' as const,
      refId: contact.id,
      contactId: contact.id,
      title: TOUCH_TITLES[t.kind](contact.name),
      dueAt: t.dueAt,
      ...(t.kind === 'connection_request' ? { detail: connectionNote } : {}),
    }));
}
