/**
 * Insights from database aggregates (issue 12): the same payload `computeInsights`,
 * `responseTimes` and `yieldByChannel` give from one summary per application, computed from
 * counts grouped by the few things the page splits applications by and from each day figure
 * counted by value. A test checks both paths agree on random workspaces, on both databases.
 */
import {
  CHANNELS,
  type Channel,
  OUTCOMES,
  type Outcome,
  STAGES,
  type Stage,
} from '../applications/application.ts';
import type { TimeLog } from '../channels/plan.ts';
import { type ChannelYield, channelYield, type YieldApplication } from '../channels/yield.ts';
import { type Reader, SELF } from '../reader.ts';
import { type ChannelRow, yieldByChannel } from '../referrals/asks.ts';
import { compareFromCounts, type PeriodCounts } from './comparison.ts';
import { type InsightsInput, type InsightsPayload, insightsPayload } from './compute.ts';
import { MAX_IDS } from './findings.ts';
import { finishFunnel } from './funnel.ts';
import {
  assembleResponseTimes,
  type ResponseTimeGroup,
  type ResponseTimes,
  type SortedValues,
  spread,
  spreadOfSorted,
  tagValue,
  typicalReplyDaysOf,
} from './response-times.ts';

/** Day figures counted by value: days between funnel stages (gap0 is applied → screening), to a first answer, to a decision. */
export type ValueMetric = 'gap0' | 'gap1' | 'gap2' | 'gap3' | 'first' | 'decision';
const GAP_METRICS = ['gap0', 'gap1', 'gap2', 'gap3'] as const;

/** Applications counted by channel, furthest stage, outcome, answered or not, period and age. */
export interface CountRow {
  channel: Channel;
  furthest: Stage;
  outcome: Outcome | null;
  /** Sent and answered (a first answer on record). */
  responded: boolean;
  /** Sent in the comparison's recent window, before it, or neither (not sent, or sent after today). */
  period: 'recent' | 'before' | null;
  /** Sent long enough ago to call silence no reply. */
  old: boolean;
  /** Has a day it went out. */
  sent: boolean;
  n: number;
}

export interface InsightAggregates {
  counts: CountRow[];
  /** How many sent applications of each channel have each value of each day figure. */
  values: { metric: ValueMetric; channel: Channel; value: number; n: number }[];
  /** Sent applications' size and industry tags (others left out), by application then tag, with its day figures. */
  tagged: { id: string; tag: string; first: number | null; decision: number | null }[];
  /** The first early rejections (before any interview), by id. */
  earlyRejectedIds: string[];
}

/** Applications counted by channel, furthest stage and answered (the referred ones, for the referral line). */
export type ReferredCounts = { channel: Channel; furthest: Stage; responded: boolean; n: number }[];

/** How many early rejections the aggregates list. */
export const EARLY_IDS = MAX_IDS;

const STAGE_INDEX = new Map<string, number>(STAGES.map((st, i) => [st, i]));
const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((o, k) => [o, k]));
const FIRST = STAGE_INDEX.get('applied')!;
const INTERVIEWING = STAGE_INDEX.get('interviewing')!;

/** Values held as counts by value, read by position as a sorted list. */
export class CountedValues implements SortedValues {
  private readonly values: number[] = [];
  /** Positions below each value's end. */
  private readonly ends: number[] = [];
  readonly length: number;

  constructor(pairs: Iterable<readonly [number, number]>) {
    const merged = new Map<number, number>();
    for (const [v, n] of pairs) merged.set(v, (merged.get(v) ?? 0) + n);
    let end = 0;
    for (const v of [...merged.keys()].sort((a, b) => a - b)) {
      end += merged.get(v)!;
      this.values.push(v);
      this.ends.push(end);
    }
    this.length = end;
  }

  at(index: number): number | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let lo = 0;
    let hi = this.ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > index) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  /** The median as `median` in stats.ts gives it; null when empty. */
  median(): number | null {
    if (this.length === 0) return null;
    const mid = this.length >> 1;
    return this.length % 2 === 1 ? this.at(mid)! : (this.at(mid - 1)! + this.at(mid)!) / 2;
  }
}

function valuesOf(agg: InsightAggregates, metric: ValueMetric, channel?: Channel): CountedValues {
  return new CountedValues(
    agg.values
      .filter((v) => v.metric === metric && (channel === undefined || v.channel === channel))
      .map((v) => [v.value, v.n] as const),
  );
}

/** What each plan channel returned (as `channelYield` over every application) from the aggregates. */
export function channelYieldsFromAggregates(
  agg: InsightAggregates,
  timeLogs: readonly TimeLog[],
): ChannelYield[] {
  return channelYield(
    agg.counts.map(
      (c): YieldApplication => ({
        channel: c.channel,
        furthestStage: c.furthest,
        responded: c.responded,
        n: c.n,
      }),
    ),
    timeLogs,
  );
}

/** The whole insights payload (as `computeInsights`) from the aggregates. */
export function insightsFromAggregates(
  agg: InsightAggregates,
  input: Omit<InsightsInput, 'applications' | 'summaries' | 'filters'>,
  today: string,
  /** The applications in view among those feedback or post-mortems name. */
  namedInView: readonly string[],
  /**
   * Yield by channel as the channels card shows it (`referralYieldFromAggregates`), for the
   * channel finding; without it, no application counts as referred beyond its own channel.
   */
  channelRows: readonly ChannelRow[] = referralYieldFromAggregates(agg, []),
): InsightsPayload {
  const atFurthest = new Array<number>(STAGES.length).fill(0);
  const rejectedAt = new Array<number>(STAGES.length).fill(0);
  const closedAt = new Array<number>(OUTCOMES.length * STAGES.length).fill(0);
  let ghosted = 0;
  let judgeable = 0;
  let rejected = 0;
  let early = 0;
  const recent: PeriodCounts = { n: 0, responded: 0, interviewed: 0 };
  const before: PeriodCounts = { n: 0, responded: 0, interviewed: 0 };
  for (const c of agg.counts) {
    const f = STAGE_INDEX.get(c.furthest) ?? 0;
    if (c.period !== null) {
      const p = c.period === 'recent' ? recent : before;
      p.n += c.n;
      if (c.responded) p.responded += c.n;
      if (f >= INTERVIEWING) p.interviewed += c.n;
    }
    if (c.outcome === 'rejected' && f >= 1) {
      rejected += c.n;
      if (f < INTERVIEWING) early += c.n;
    }
    if (f < FIRST) continue;
    atFurthest[f]! += c.n;
    if (c.outcome !== null) {
      closedAt[(OUTCOME_INDEX.get(c.outcome) ?? 0) * STAGES.length + f]! += c.n;
      if (c.outcome === 'rejected') rejectedAt[f]! += c.n;
    }
    if (c.outcome !== null || c.responded || c.old) {
      judgeable += c.n;
      if (c.outcome === 'ghosted' || (c.outcome === null && !c.responded && c.old)) ghosted += c.n;
    }
  }
  const firstValues = valuesOf(agg, 'first');
  const funnel = finishFunnel({
    atFurthest,
    rejectedAt,
    closedAt,
    gaps: GAP_METRICS.map((m) => {
      const values = valuesOf(agg, m);
      return { medianDays: values.median(), n: values.length };
    }),
    firstResponse: { medianDays: firstValues.median(), n: firstValues.length },
    ghosted,
    judgeable,
  });
  const timeLogs = input.timeLogs ?? [];
  const yields = channelYieldsFromAggregates(agg, timeLogs);
  return insightsPayload(input, today, {
    funnel,
    yields,
    channelRows,
    comparison: compareFromCounts(recent, before, today),
    rejections: { rejected, early, earlyIds: agg.earlyRejectedIds.slice(0, MAX_IDS) },
    namedInView: new Set(namedInView),
  });
}

/** The response times (as `responseTimes`) from the aggregates. */
export function responseTimesFromAggregates(agg: InsightAggregates, reader: Reader = SELF): ResponseTimes {
  const sent = agg.counts.reduce((sum, c) => sum + (c.sent ? c.n : 0), 0);
  const firstAll = valuesOf(agg, 'first');
  const all = {
    firstResponse: spreadOfSorted(firstAll),
    decision: spreadOfSorted(valuesOf(agg, 'decision')),
  };
  const groups: ResponseTimeGroup[] = [];
  for (const channel of CHANNELS) {
    const g: ResponseTimeGroup = {
      by: 'channel',
      key: channel,
      firstResponse: spreadOfSorted(valuesOf(agg, 'first', channel)),
      decision: spreadOfSorted(valuesOf(agg, 'decision', channel)),
    };
    if (g.firstResponse.n > 0 || g.decision.n > 0) groups.push(g);
  }
  // Each application's size and industry tags, in the order the store gives them.
  const byApp = new Map<string, { tags: string[]; first: number | null; decision: number | null }>();
  for (const t of agg.tagged) {
    const entry = byApp.get(t.id);
    if (entry) entry.tags.push(t.tag);
    else byApp.set(t.id, { tags: [t.tag], first: t.first, decision: t.decision });
  }
  for (const by of ['size', 'industry'] as const) {
    const byKey = new Map<string, { first: number[]; decision: number[] }>();
    for (const a of byApp.values()) {
      const v = tagValue(a.tags, by);
      if (v === null) continue;
      const lists = byKey.get(v) ?? { first: [], decision: [] };
      if (a.first !== null) lists.first.push(a.first);
      if (a.decision !== null) lists.decision.push(a.decision);
      byKey.set(v, lists);
    }
    for (const key of [...byKey.keys()].sort()) {
      const lists = byKey.get(key)!;
      const g: ResponseTimeGroup = {
        by,
        key,
        firstResponse: spread(lists.first),
        decision: spread(lists.decision),
      };
      if (g.firstResponse.n > 0 || g.decision.n > 0) groups.push(g);
    }
  }
  return assembleResponseTimes(sent, all, groups, firstAll, reader);
}

/** The typical reply time (as `responseTimes` gives it) from the days to a first answer, counted by value. */
export function typicalReplyDaysFromCounts(
  firstResponseDays: readonly { value: number; n: number }[],
): number | null {
  return typicalReplyDaysOf(new CountedValues(firstResponseDays.map((v) => [v.value, v.n] as const)));
}

/** Yield by channel with referrals on their own line (as `yieldByChannel`) from the aggregates. */
export function referralYieldFromAggregates(
  agg: InsightAggregates,
  referredCounts: ReferredCounts,
): ChannelRow[] {
  // Referred applications leave their channel's counts for the referral line.
  const key = (c: { channel: string; furthest: string; responded: boolean }) =>
    `${c.channel}|${c.furthest}|${c.responded}`;
  const referred = new Map<string, number>();
  for (const r of referredCounts) referred.set(key(r), (referred.get(key(r)) ?? 0) + r.n);
  const own = new Map<string, { channel: Channel; furthest: Stage; responded: boolean; n: number }>();
  for (const c of agg.counts) {
    const k = key(c);
    const entry = own.get(k) ?? { channel: c.channel, furthest: c.furthest, responded: c.responded, n: 0 };
    entry.n += c.n;
    own.set(k, entry);
  }
  const rows = [...own.entries()].map(([k, e]) => ({ ...e, n: e.n - (referred.get(k) ?? 0) }));
  for (const r of referredCounts) rows.push({ ...r, channel: 'referral' });
  return yieldByChannel(
    rows.map((r) => ({
      id: '',
      channel: r.channel,
      furthest: STAGE_INDEX.get(r.furthest) ?? 0,
      responded: r.responded,
      n: r.n,
    })),
    new Set(),
  );
}
