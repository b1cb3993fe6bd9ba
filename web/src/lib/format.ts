import {
  CHANNEL_LABELS,
  type Channel,
  OUTCOME_LABELS,
  type Outcome,
  ROUND_KIND_LABELS,
  type RoundKind,
  STAGE_LABELS,
  type Stage,
  type WorkMode,
} from '@core/applications/application.ts';
import dayjs from 'dayjs';

export const stageLabel = (s: Stage): string => STAGE_LABELS[s] ?? s;
export const outcomeLabel = (o: Outcome): string => OUTCOME_LABELS[o] ?? o;
export const channelLabel = (c: Channel): string => CHANNEL_LABELS[c] ?? c;
export const roundKindLabel = (k: RoundKind): string => ROUND_KIND_LABELS[k] ?? k;

export const WORK_MODE_LABELS: Record<WorkMode, string> = {
  onsite: 'On-site',
  hybrid: 'Hybrid',
  remote: 'Remote',
};

export const STAGE_COLORS: Record<Stage, string> = {
  saved: 'gray',
  applied: 'blue',
  screening: 'cyan',
  interviewing: 'violet',
  offer: 'teal',
  accepted: 'green',
};

export const OUTCOME_COLORS: Record<Outcome, string> = {
  rejected: 'orange',
  withdrawn: 'gray',
  declined: 'indigo',
  ghosted: 'yellow',
};

/** Today as the browser sees it, YYYY-MM-DD. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** "today", "yesterday", "12d ago" for a YYYY-MM-DD date (compact, for cards). */
export function daysAgoShort(date: string, today: string = todayIso()): string {
  const days = dayjs(today).diff(dayjs(date), 'day');
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days}d ago`;
}

/** "today", "yesterday", "12 days ago" for a YYYY-MM-DD date. */
export function daysAgo(date: string, today: string = todayIso()): string {
  const days = dayjs(today).diff(dayjs(date), 'day');
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  return dayjs(date).format('D MMM YYYY');
}

export function formatSalary(min: number | null, max: number | null, currency: string | null): string | null {
  if (min === null && max === null) return null;
  const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 0 });
  const cur = currency ? `${currency} ` : '';
  if (min !== null && max !== null && min !== max) return `${cur}${fmt(min)}–${fmt(max)}`;
  return `${cur}${fmt((min ?? max) as number)}`;
}

/** A résumé version as a person says it: "resume-v3" → "résumé version 3" (other names as written). */
export function resumeVersionLabel(version: string): string {
  const n = /^resume-v(\d+)$/.exec(version)?.[1];
  return n ? `résumé version ${n}` : version;
}
