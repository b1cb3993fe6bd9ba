/**
 * How long employers took to answer this user, from their own history: days from sending an
 * application to the first answer, and to a decision (an offer or a no), by channel and by the
 * company size or industry where the user tagged it (`size:…`, `industry:…`). Ranges are the
 * median and the middle half (25th to 75th percentile); with few answers only the range is
 * honest, and the result says so.
 */
import { CHANNELS, type Channel, stageIndex } from '../applications/application.ts';
import { daysBetween } from '../dates.ts';
import { personWords, type Reader, SELF } from '../reader.ts';
import type { AppSummary } from './types.ts';

/** Below this many answers a spread is shown as the plain range of what happened, not quartiles. */
export const FEW_ANSWERS = 5;
/** "Most replies came within N days" needs at least this many replies to mean anything. */
export const MIN_REPLIES_FOR_TYPICAL = 3;

export interface DaysSpread {
  /** How many applications the figures rest on. */
  n: number;
  medianDays: number | null;
  /** 25th and 75th percentiles; null when n < FEW_ANSWERS (see `minDays`/`maxDays`). */
  p25Days: number | null;
  p75Days: number | null;
  minDays: number | null;
  maxDays: number | null;
  /** True when n < FEW_ANSWERS: read the range, not the quartiles. */
  fewAnswers: boolean;
}

export interface ResponseTimeGroup {
  /** `channel`, `size` or `industry`. */
  by: 'channel' | 'size' | 'industry';
  /** The channel, or the tag's value ("fintech" for `industry:fintech`). */
  key: string;
  firstResponse: DaysSpread;
  decision: DaysSpread;
}

export interface ResponseTimes {
  firstResponse: DaysSpread;
  decision: DaysSpread;
  groups: ResponseTimeGroup[];
  /** "Most replies came within N days": the 75th percentile of days to a first answer, rounded up; null with too few. */
  typicalReplyDays: number | null;
  /** One sentence for people, saying what the numbers rest on. */
  summary: string;
}

/** Values in ascending order, read by position: a sorted array, or counts by value. */
export interface SortedValues {
  readonly length: number;
  at(index: number): number | undefined;
}

/** Linear-interpolated percentile of sorted values (q in 0..1). */
function percentile(sorted: SortedValues, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const v = sorted.at(lo)! + (sorted.at(hi)! - sorted.at(lo)!) * (pos - lo);
  return Math.round(v * 10) / 10;
}

/** Median, quartiles and range of a list of day counts. */
export function spread(values: readonly number[]): DaysSpread {
  return spreadOfSorted([...values].sort((a, b) => a - b));
}

/** `spread` of values already in ascending order. */
export function spreadOfSorted(sorted: SortedValues): DaysSpread {
  const n = sorted.length;
  if (n === 0)
    return {
      n,
      medianDays: null,
      p25Days: null,
      p75Days: null,
      minDays: null,
      maxDays: null,
      fewAnswers: true,
    };
  const few = n < FEW_ANSWERS;
  return {
    n,
    medianDays: percentile(sorted, 0.5),
    p25Days: few ? null : percentile(sorted, 0.25),
    p75Days: few ? null : percentile(sorted, 0.75),
    minDays: sorted.at(0)!,
    maxDays: sorted.at(n - 1)!,
    fewAnswers: few,
  };
}

const OFFER = stageIndex('offer');

/** Days from sending to the employer's decision: the first offer, or a no. Null while undecided. */
export function daysToDecision(a: AppSummary): number | null {
  if (a.appliedOn === null) return null;
  const offerOn = a.reachedOn[OFFER] ?? null;
  const decidedOn = offerOn ?? (a.outcome === 'rejected' ? a.closedOn : null);
  return decidedOn === null ? null : Math.max(0, daysBetween(a.appliedOn, decidedOn));
}

export function tagValue(tags: readonly string[], prefix: 'size' | 'industry'): string | null {
  for (const t of tags) {
    const m = /^(size|industry)\s*:\s*(.+)$/i.exec(t);
    if (m && m[1]!.toLowerCase() === prefix) return m[2]!.trim().toLowerCase();
  }
  return null;
}

function group(by: ResponseTimeGroup['by'], key: string, apps: readonly AppSummary[]): ResponseTimeGroup {
  return {
    by,
    key,
    firstResponse: spread(apps.flatMap((a) => (a.firstResponseDays === null ? [] : [a.firstResponseDays]))),
    decision: spread(apps.flatMap((a) => [daysToDecision(a)].filter((d): d is number => d !== null))),
  };
}

/**
 * Response times over the user's sent applications. Groups with no answer at all are left out;
 * channels come in their usual order, tags alphabetically.
 */
export function responseTimes(apps: readonly AppSummary[], reader: Reader = SELF): ResponseTimes {
  const sent = apps.filter((a) => a.appliedOn !== null);
  const all = group('channel', 'all', sent);
  const groups: ResponseTimeGroup[] = [];
  for (const channel of CHANNELS) {
    const g = group(
      'channel',
      channel,
      sent.filter((a) => a.channel === (channel as Channel)),
    );
    if (g.firstResponse.n > 0 || g.decision.n > 0) groups.push(g);
  }
  for (const by of ['size', 'industry'] as const) {
    const byKey = new Map<string, AppSummary[]>();
    for (const a of sent) {
      const v = tagValue(a.tags, by);
      if (v !== null) byKey.set(v, [...(byKey.get(v) ?? []), a]);
    }
    for (const key of [...byKey.keys()].sort()) {
      const g = group(by, key, byKey.get(key)!);
      if (g.firstResponse.n > 0 || g.decision.n > 0) groups.push(g);
    }
  }
  const replies = sent.flatMap((a) => (a.firstResponseDays === null ? [] : [a.firstResponseDays]));
  return assembleResponseTimes(
    sent.length,
    all,
    groups,
    [...replies].sort((a, b) => a - b),
    reader,
  );
}

/** "Most replies came within N days" from every reply's days in order; null with too few replies. */
export function typicalReplyDaysOf(sortedReplies: SortedValues): number | null {
  return sortedReplies.length >= MIN_REPLIES_FOR_TYPICAL ? Math.ceil(percentile(sortedReplies, 0.75)) : null;
}

/** The response times from their parts: how many were sent, the overall spreads, the groups, every reply's days in order. */
export function assembleResponseTimes(
  sent: number,
  all: Pick<ResponseTimeGroup, 'firstResponse' | 'decision'>,
  groups: ResponseTimeGroup[],
  sortedReplies: SortedValues,
  reader: Reader = SELF,
): ResponseTimes {
  const typicalReplyDays = typicalReplyDaysOf(sortedReplies);
  return {
    firstResponse: all.firstResponse,
    decision: all.decision,
    groups,
    typicalReplyDays,
    summary: summaryText(sent, all.firstResponse, typicalReplyDays, reader),
  };
}

function summaryText(sent: number, first: DaysSpread, typical: number | null, reader: Reader): string {
  if (first.n === 0)
    return sent === 0
      ? 'No applications sent yet, so there is nothing to time.'
      : `None of ${personWords(reader).names} ${sent} sent applications has had an answer yet.`;
  const replies = first.n === 1 ? '1 reply' : `${first.n} replies`;
  if (typical === null)
    return `Only ${replies} so far (after ${first.minDays}–${first.maxDays} days); too few to say what is usual.`;
  const range = first.fewAnswers
    ? `from ${first.minDays} to ${first.maxDays} days`
    : `the middle half within ${first.p25Days}–${first.p75Days} days`;
  return `From ${replies}: a median of ${first.medianDays} days to a first answer, ${range}. Most came within ${typical} days.`;
}

export interface QuietLine {
  quietDays: number;
  typicalReplyDays: number | null;
  /** True when this silence is longer than most replies took. */
  pastTypical: boolean;
  text: string;
}

/** Without a history of replies, a silence is worth a line after a week (a usual first follow-up). */
export const QUIET_DAYS_WITHOUT_HISTORY = 7;

/**
 * How many silent days it takes before the waiting line says anything: half the user's typical
 * reply time (at least one day), or a week while there are too few replies to know what is
 * typical. Earlier, most replies are still to come, so "quiet for 0 (or 2) days" only nags.
 */
export function quietLineFromDays(typicalReplyDays: number | null): number {
  return typicalReplyDays === null
    ? QUIET_DAYS_WITHOUT_HISTORY
    : Math.max(1, Math.ceil(typicalReplyDays / 2));
}

/**
 * The line on a quiet application: "Most replies you got came within N days; this one has
 * been quiet for M." ("Most replies Sam Rivera got…" for a coach.) Null when the application is
 * not waiting on the employer, or has not yet been quiet for long enough to matter (see
 * `quietLineFromDays`).
 */
export function quietLine(
  quietDays: number | null,
  typicalReplyDays: number | null,
  reader: Reader = SELF,
): QuietLine | null {
  if (quietDays === null || quietDays < quietLineFromDays(typicalReplyDays)) return null;
  const w = personWords(reader);
  const m = `${quietDays} day${quietDays === 1 ? '' : 's'}`;
  if (typicalReplyDays === null) {
    return {
      quietDays,
      typicalReplyDays,
      pastTypical: false,
      text: `This one has been quiet for ${m}. Once a few employers have answered ${w.name}, Rebound can say what is usual for ${w.them}.`,
    };
  }
  const pastTypical = quietDays > typicalReplyDays;
  const tail = pastTypical ? ` That is longer than most of ${w.their} replies took.` : '';
  return {
    quietDays,
    typicalReplyDays,
    pastTypical,
    text: `Most replies ${w.name} got came within ${typicalReplyDays} day${typicalReplyDays === 1 ? '' : 's'}; this one has been quiet for ${m}.${tail}`,
  };
}

export interface NoticeCheck {
  /** The day of the latest interview on or before today. */
  interviewOn: string;
  /** Days since the interview (or since the last answer after it). */
  silentDays: number;
  noticeDays: number;
  pastNotice: boolean;
}

/**
 * The notice rule the user set for their region: an employer should answer within `noticeDays`
 * after an interview. Silence counts from the latest interview, or from an answer after it.
 * Null when there was no interview yet or the application is not waiting on the employer.
 */
export function noticeCheck(input: {
  waiting: boolean;
  interviewDays: readonly string[];
  lastResponseOn: string | null;
  today: string;
  noticeDays: number;
}): NoticeCheck | null {
  if (!input.waiting) return null;
  const past = input.interviewDays.filter((d) => d <= input.today).sort();
  const interviewOn = past[past.length - 1];
  if (interviewOn === undefined) return null;
  const since =
    input.lastResponseOn !== null && input.lastResponseOn > interviewOn ? input.lastResponseOn : interviewOn;
  const silentDays = daysBetween(since, input.today);
  return { interviewOn, silentDays, noticeDays: input.noticeDays, pastNotice: silentDays > input.noticeDays };
}
