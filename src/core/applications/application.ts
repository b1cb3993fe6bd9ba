/**
 * The application domain: the words Rebound uses for a job application and its history.
 * Plain data only; the store maps rows to these shapes and the server presents them.
 */

/** Pipeline stages, in order. How far an application got is an index into this list. */
export const STAGES = ['saved', 'applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * How an application closed. `rejected` is the employer's no, `withdrawn` the user's own step
 * away, `declined` an offer the user turned down, `ghosted` no reply at all.
 */
export const OUTCOMES = ['rejected', 'withdrawn', 'declined', 'ghosted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CHANNELS = [
  'job_board',
  'networking',
  'direct_outreach',
  'recruiter',
  'referral',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const WORK_MODES = ['onsite', 'hybrid', 'remote'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/**
 * The type of work: `job` is ordinary employment; contract, freelance work and internships are
 * counted apart by insights and the skills loop.
 */
export const APPLICATION_KINDS = ['job', 'contract', 'freelance', 'internship'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  job: 'Employment',
  contract: 'Contract',
  freelance: 'Freelance',
  internship: 'Internship',
};

/** Reads a type of work as people write it ("employment", "Contract"); null when unknown. */
export function parseApplicationKind(value: string): ApplicationKind | null {
  const v = value.trim().toLowerCase();
  if (v === 'employment' || v === 'permanent' || v === 'full-time' || v === 'job') return 'job';
  return (APPLICATION_KINDS as readonly string[]).includes(v) ? (v as ApplicationKind) : null;
}

export const ROUND_KINDS = [
  'phone',
  'technical',
  'behavioural',
  'take_home',
  'onsite',
  'panel',
  'final',
] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  declined: 'Declined',
  ghosted: 'No reply',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  job_board: 'Job board',
  networking: 'Networking',
  direct_outreach: 'Direct outreach',
  recruiter: 'Recruiter',
  referral: 'Referral',
  other: 'Other',
};

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  phone: 'Phone',
  technical: 'Technical',
  behavioural: 'Behavioural',
  take_home: 'Take-home',
  onsite: 'Onsite',
  panel: 'Panel',
  final: 'Final',
};

/** The editable facts about an application (everything that is not history). */
export interface ApplicationFields {
  company: string;
  role: string;
  jobUrl: string | null;
  /** The company's own website or mail domain (`gm.com`), so its mail is recognised. */
  website: string | null;
  location: string | null;
  workMode: WorkMode | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  jobDescription: string | null;
  channel: Channel;
  kind: ApplicationKind;
  resumeVersion: string | null;
  coverLetterVersion: string | null;
  tags: string[];
  notes: string | null;
  /** 1 (low) to 5 (high); how much the user wants this one. */
  priority: number | null;
  excitement: number | null;
  /** Calendar date the application went out, YYYY-MM-DD; null while only saved. */
  appliedOn: string | null;
}

/** What the history says about an application right now; always derived, never typed in. */
export interface DerivedState {
  stage: Stage;
  furthestStage: Stage;
  outcome: Outcome | null;
  /** The day the current outcome was set, when there is one. */
  closedOn: string | null;
  /** The last day anything was heard from the employer (a move past applied, a round, a reply, a no). */
  lastResponseOn: string | null;
  /** The last day anything happened at all. */
  lastActivityOn: string | null;
}

export interface Application extends ApplicationFields, DerivedState {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export const EVENT_TYPES = [
  'created',
  'stage_changed',
  'outcome_set',
  'reopened',
  'round_added',
  'response',
  'note',
  'undo',
  'round_edited',
  'round_deleted',
  'note_edited',
  'note_deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The payload each event type carries. */
export interface EventData {
  created: { stage: Stage };
  stage_changed: { from: Stage; to: Stage };
  outcome_set: { outcome: Outcome; reason?: string | null };
  reopened: { previousOutcome: Outcome | null };
  round_added: { roundId: string; number: number; kind: RoundKind };
  response: { summary?: string | null };
  note: { text: string };
  undo: { eventId: string };
  /** A round's facts changed; both versions are kept so nothing is silently lost. */
  round_edited: { roundId: string; number: number; before: RoundFacts; after: RoundFacts };
  /** A round was taken out (entered twice, or never happened); what it said is kept here. */
  round_deleted: { roundId: string; number: number; round: RoundFacts };
  /** `eventId` is the note's own event. */
  note_edited: { eventId: string; text: string; previousText: string };
  note_deleted: { eventId: string; text: string };
}

/** What a person can change about an interview round. */
export interface RoundFacts {
  kind: RoundKind;
  scheduledAt: string | null;
  startTime: string | null;
  durationMinutes: number | null;
  who: string | null;
  notes: string | null;
}

/** One entry of the append-only history. `occurredOn` is when it happened, `recordedAt` when it was written down. */
export type ApplicationEvent = {
  [T in EventType]: {
    id: string;
    applicationId: string;
    /** Recording order within the application; breaks ties between events on the same day. */
    seq: number;
    type: T;
    occurredOn: string;
    recordedAt: string;
    data: EventData[T];
  };
}[EventType];

export interface InterviewRound {
  id: string;
  applicationId: string;
  number: number;
  kind: RoundKind;
  /** YYYY-MM-DD or a full ISO date-time when the time is known. */
  scheduledAt: string | null;
  /** The start as HH:MM wall-clock time in the user's time zone, on the day of `scheduledAt`. */
  startTime: string | null;
  /** How long it is planned to last, in minutes. */
  durationMinutes: number | null;
  who: string | null;
  notes: string | null;
  createdAt: string;
}

/** What a person can change about a round, taken from the round (for the history and the API). */
export function roundFacts(round: InterviewRound): RoundFacts {
  return {
    kind: round.kind,
    scheduledAt: round.scheduledAt,
    startTime: round.startTime,
    durationMinutes: round.durationMinutes,
    who: round.who,
    notes: round.notes,
  };
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}
