import type {
  ApplicationKind,
  Channel,
  EventType,
  Outcome,
  RoundKind,
  Stage,
  WorkMode,
} from '../../../src/core/applications/application.ts';

/** One row of `GET /api/v1/applications`: the wire shape, as the server presents it. */
export interface ApplicationSummary {
  id: string;
  company: string;
  role: string;
  location: string | null;
  workMode: WorkMode | null;
  channel: Channel;
  kind: ApplicationKind;
  tags: string[];
  priority: number | null;
  excitement: number | null;
  appliedOn: string | null;
  stage: Stage;
  furthestStage: Stage;
  outcome: Outcome | null;
  closedOn: string | null;
  lastActivityOn: string | null;
  likelyGhosted: boolean;
  daysSilent: number | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  jobUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEvent {
  id: string;
  type: EventType;
  occurredOn: string;
  recordedAt: string;
  data: Record<string, unknown>;
  undone: boolean;
  /** Notes only: how the note reads now, after edits and deletion. */
  current?: { text: string; edited: boolean; deleted: boolean };
}

export interface Round {
  id: string;
  number: number;
  kind: RoundKind;
  scheduledAt: string | null;
  /** HH:MM in the user's time zone. */
  startTime: string | null;
  durationMinutes: number | null;
  who: string | null;
  notes: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  jobDescription: string | null;
  resumeVersion: string | null;
  coverLetterVersion: string | null;
  notes: string | null;
  events: TimelineEvent[];
  rounds: Round[];
}

export interface ApplicationList {
  items: ApplicationSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** The editable fields sent on create (POST) and edit (PATCH). */
export interface ApplicationInput {
  company?: string;
  role?: string;
  channel?: Channel;
  stage?: Stage;
  appliedOn?: string | null;
  jobUrl?: string | null;
  location?: string | null;
  workMode?: WorkMode | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryCurrency?: string | null;
  jobDescription?: string | null;
  resumeVersion?: string | null;
  coverLetterVersion?: string | null;
  tags?: string[];
  notes?: string | null;
  priority?: number | null;
  excitement?: number | null;
  kind?: ApplicationKind;
}

export type EventInput =
  | { type: 'stage_changed'; stage: Stage; occurredOn?: string }
  | { type: 'outcome_set'; outcome: Outcome; reason?: string; occurredOn?: string }
  | { type: 'reopened' }
  | { type: 'response'; summary?: string }
  | { type: 'note'; text: string; occurredOn?: string }
  | { type: 'undo'; eventId?: string };

export interface RoundInput {
  kind: RoundKind;
  scheduledAt?: string | null;
  startTime?: string | null;
  durationMinutes?: number | null;
  who?: string | null;
  notes?: string | null;
}

export interface ListQuery {
  status?: 'open' | 'closed' | 'all';
  stage?: string;
  channel?: string;
  outcome?: string;
  tag?: string;
  q?: string;
  sort?: 'updated' | 'applied' | 'company' | 'priority' | 'stage';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface Settings {
  ghostAfterDays: number;
  timeZone: string;
  hideClosedOnBoard?: boolean;
  userName?: string | null;
}
