import {
  type Application,
  type ApplicationEvent,
  type InterviewRound,
  roundFacts,
} from '../core/applications/application.ts';
import { daysSilent, silentLongEnough } from '../core/applications/ghosting.ts';
import {
  type ApplicationDetail as ApplicationDetailView,
  type ApplicationSummary,
  NOT_SHARED_TEXT,
  type Round,
  type TimelineEvent,
} from '../core/applications/schemas.ts';
import type { ApplicationDetail } from './applications.ts';

/** What the presenters need to know about "now" and the user's settings. */
export interface PresentContext {
  today: string;
  ghostAfterDays: number;
}

/** The wire shape of an application in lists: everything but the job description. */
export function presentApplication(app: Application, ctx: PresentContext): ApplicationSummary {
  // Both flags come from one count of silent days.
  const silent = daysSilent(app, ctx.today);
  return {
    id: app.id,
    company: app.company,
    role: app.role,
    location: app.location,
    workMode: app.workMode,
    channel: app.channel,
    kind: app.kind,
    tags: app.tags,
    priority: app.priority,
    excitement: app.excitement,
    appliedOn: app.appliedOn,
    stage: app.stage,
    furthestStage: app.furthestStage,
    outcome: app.outcome,
    closedOn: app.closedOn,
    lastActivityOn: app.lastActivityOn,
    lastResponseOn: app.lastResponseOn,
    likelyGhosted: silentLongEnough(silent, ctx.ghostAfterDays),
    daysSilent: silent,
    salaryMin: app.salaryMin,
    salaryMax: app.salaryMax,
    salaryCurrency: app.salaryCurrency,
    jobUrl: app.jobUrl,
    website: app.website,
    resumeVersion: app.resumeVersion,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

export function presentEvent(
  event: ApplicationEvent & {
    undone: boolean;
    current?: { text: string; edited: boolean; deleted: boolean };
  },
): TimelineEvent {
  return {
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    recordedAt: event.recordedAt,
    data: event.data,
    undone: event.undone,
    // Notes only: how the note reads now, after edits and deletion.
    ...(event.current ? { current: event.current } : {}),
  } as TimelineEvent; // type and data vary together; TypeScript cannot follow them through the spread
}

export function presentRound(round: InterviewRound): Round {
  return { id: round.id, number: round.number, ...roundFacts(round) };
}

/** The wire shape of one application with its history. */
export function presentApplicationDetail(app: ApplicationDetail, ctx: PresentContext): ApplicationDetailView {
  return {
    ...presentApplication(app, ctx),
    jobDescription: app.jobDescription,
    coverLetterVersion: app.coverLetterVersion,
    notes: app.notes,
    events: app.events.map(presentEvent),
    rounds: app.rounds.map(presentRound),
  };
}

/**
 * An application's history as a coach without the notes scope reads it: every event stays (the
 * history keeps its shape), but the words of notes, of how it ended and of interview notes are
 * replaced, and the application's own notes are left out.
 */
export function withoutNotes(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.map((e): TimelineEvent => {
    const hidden = {
      redacted: true,
      ...(e.current ? { current: { ...e.current, text: NOT_SHARED_TEXT } } : {}),
    };
    switch (e.type) {
      case 'note':
        return { ...e, ...hidden, data: { text: NOT_SHARED_TEXT } };
      case 'note_edited':
        return { ...e, ...hidden, data: { ...e.data, text: NOT_SHARED_TEXT, previousText: NOT_SHARED_TEXT } };
      case 'note_deleted':
        return { ...e, ...hidden, data: { ...e.data, text: NOT_SHARED_TEXT } };
      case 'outcome_set':
        return e.data.reason ? { ...e, redacted: true, data: { ...e.data, reason: null } } : e;
      case 'round_edited':
        return {
          ...e,
          redacted: true,
          data: {
            ...e.data,
            before: { ...e.data.before, notes: null },
            after: { ...e.data.after, notes: null },
          },
        };
      case 'round_deleted':
        return { ...e, redacted: true, data: { ...e.data, round: { ...e.data.round, notes: null } } };
      default:
        return e;
    }
  });
}

export function detailWithoutNotes(detail: ApplicationDetailView): ApplicationDetailView {
  return {
    ...detail,
    notes: null,
    events: withoutNotes(detail.events),
    rounds: detail.rounds.map((r) => ({ ...r, notes: null })),
  };
}
