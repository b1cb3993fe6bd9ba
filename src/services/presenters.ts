import type { Application, ApplicationEvent, InterviewRound } from '../core/applications/application.ts';
import { daysSilent, isLikelyGhosted } from '../core/applications/ghosting.ts';
import type {
  ApplicationDetail as ApplicationDetailView,
  ApplicationSummary,
  Round,
  TimelineEvent,
} from '../core/applications/schemas.ts';
import type { ApplicationDetail } from './applications.ts';

/** What the presenters need to know about "now" and the user's settings. */
export interface PresentContext {
  today: string;
  ghostAfterDays: number;
}

/** The wire shape of an application in lists: everything but the job description. */
export function presentApplication(app: Application, ctx: PresentContext): ApplicationSummary {
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
    likelyGhosted: isLikelyGhosted(app, ctx.today, ctx.ghostAfterDays),
    daysSilent: daysSilent(app, ctx.today),
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
  return {
    id: round.id,
    number: round.number,
    kind: round.kind,
    scheduledAt: round.scheduledAt,
    startTime: round.startTime,
    durationMinutes: round.durationMinutes,
    who: round.who,
    notes: round.notes,
  };
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
