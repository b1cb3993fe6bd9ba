import { CHANNEL_LABELS, type Channel, stageIndex } from '../applications/application.ts';
import { type PersonWords, personWords, type Reader, SELF } from '../reader.ts';
import type { ChannelRow } from '../referrals/asks.ts';
import type { Comparison } from './comparison.ts';
import type { FunnelResult } from './funnel.ts';
import type { AppSummary } from './types.ts';
import { percent, SMALL_SAMPLE_N } from './wilson.ts';

export interface Finding {
  /** Stable id, so a weekly review can tell which findings are new. */
  id: string;
  text: string;
  /** How much it matters: the number of applications it rests on times the size of the effect. */
  weight: number;
  evidence: Record<string, number | string | null | readonly string[]>;
}

export interface FeedbackTheme {
  applicationId: string;
  theme: string;
}

export interface PostMortemRating {
  applicationId: string;
  /** What was rated: 'follow_up', 'resume', 'round:2', … */
  item: string;
  rating: 'well' | 'so_so' | 'weak';
}

/** What findings are drawn from; built once by `computeInsights`. */
export interface FindingsContext {
  /** Rejections after sending, how many came before an interview, and the first of those by id. */
  rejections: RejectionCounts;
  /** The applications in view among those feedback and post-mortems name. */
  namedInView: ReadonlySet<string>;
  funnel: FunnelResult;
  /**
   * Yield by channel exactly as the "Which channels answer you" card shows it (`yieldByChannel`:
   * sent applications, closed ones included, a referred application on the referral line), so the
   * finding and the card cannot give two counts for the same channel.
   */
  channelRows: readonly ChannelRow[];
  comparison: Comparison;
  feedbackThemes: readonly FeedbackTheme[];
  postMortemRatings: readonly PostMortemRating[];
  /** Who reads the findings: the seeker (the default), or a coach reading about them by name. */
  reader?: Reader;
}

const INTERVIEWING = stageIndex('interviewing');
/** How many early rejections a finding names. */
export const MAX_IDS = 50;
const small = (n: number) => (n < SMALL_SAMPLE_N ? ' (small sample)' : '');
const round2 = (x: number) => Math.round(x * 100) / 100;
/** Findings resting on a small sample still show, but rank lower. */
const damp = (w: number, n: number) => round2(n < SMALL_SAMPLE_N ? w / 2 : w);

function itemLabel(item: string): string {
  const round = /^round:(\d+)$/.exec(item);
  if (round) return `round ${round[1]}`;
  return item === 'follow_up' ? 'follow-up' : item.replaceAll('_', ' ');
}

export interface RejectionCounts {
  rejected: number;
  early: number;
  /** The first `MAX_IDS` early rejections, in view order. */
  earlyIds: readonly string[];
}

/** The rejection counts of a list of applications. */
export function rejectionCounts(apps: readonly AppSummary[]): RejectionCounts {
  const rejected = apps.filter((a) => a.outcome === 'rejected' && a.furthest >= 1);
  const early = rejected.filter((a) => a.furthest < INTERVIEWING);
  return {
    rejected: rejected.length,
    early: early.length,
    earlyIds: early.slice(0, MAX_IDS).map((a) => a.id),
  };
}

/** The ids of `apps` that feedback themes or post-mortem ratings name (none to look up without either). */
export function namedIn(
  apps: readonly AppSummary[],
  themes: readonly FeedbackTheme[],
  ratings: readonly PostMortemRating[],
): Set<string> {
  if (themes.length + ratings.length === 0) return new Set();
  const named = new Set([...themes.map((t) => t.applicationId), ...ratings.map((r) => r.applicationId)]);
  return new Set(apps.filter((a) => named.has(a.id)).map((a) => a.id));
}

function rejectionFindings(counts: RejectionCounts, w: PersonWords): Finding[] {
  const r = counts.rejected;
  if (r < 5) return [];
  const early = counts.early;
  const late = r - early;
  const out: Finding[] = [];
  if (early / r >= 0.6) {
    out.push({
      id: 'rejections-before-interview',
      text: `${early} of ${w.names} ${r} rejections came before any interview: ${w.their} resume or targeting is the place to work on${small(r)}.`,
      weight: damp((early * early) / r, r),
      evidence: {
        early,
        rejections: r,
        applicationIds: [...counts.earlyIds],
      },
    });
  } else if (late / r >= 0.5) {
    out.push({
      id: 'rejections-after-interview',
      text: `${late} of ${w.names} ${r} rejections came after at least one interview: ${w.their} applications get noticed, so interview practice is where the next gains are${small(r)}.`,
      weight: damp((late * late) / r, r),
      evidence: { late, rejections: r },
    });
  }
  return out;
}

function themeFindings(themes: readonly FeedbackTheme[]): Finding[] {
  const byTheme = new Map<string, { label: string; ids: Set<string> }>();
  for (const t of themes) {
    const key = t.theme.trim().toLowerCase();
    if (!key) continue;
    const entry = byTheme.get(key) ?? { label: t.theme.trim(), ids: new Set<string>() };
    entry.ids.add(t.applicationId);
    byTheme.set(key, entry);
  }
  return [...byTheme.entries()]
    .filter(([, v]) => v.ids.size >= 2)
    .map(([key, v]) => ({
      id: `feedback-theme:${key}`,
      text: `Feedback named ${v.label} ${v.ids.size} times: a focused look there is likely to pay off.`,
      weight: round2(v.ids.size * 0.8),
      evidence: { theme: v.label, count: v.ids.size, applicationIds: [...v.ids].slice(0, MAX_IDS) },
    }));
}

function postMortemFindings(ratings: readonly PostMortemRating[]): Finding[] {
  const byItem = new Map<string, { well: number; weak: number; n: number }>();
  for (const r of ratings) {
    const e = byItem.get(r.item) ?? { well: 0, weak: 0, n: 0 };
    e.n++;
    if (r.rating === 'well') e.well++;
    if (r.rating === 'weak') e.weak++;
    byItem.set(r.item, e);
  }
  const out: Finding[] = [];
  for (const [item, e] of byItem) {
    if (e.n < 3) continue;
    const label = itemLabel(item);
    if (e.weak >= 2 && e.weak / e.n >= 0.5) {
      out.push({
        id: `post-mortem-weak:${item}`,
        text: `Post-mortems rate ${label} weak in ${e.weak} of ${e.n}: a small change there could help across applications.`,
        weight: damp((e.weak * e.weak) / e.n, e.n),
        evidence: { item, weak: e.weak, rated: e.n },
      });
    } else if (e.well / e.n >= 0.75) {
      out.push({
        id: `post-mortem-well:${item}`,
        text: `Post-mortems rate ${label} well in ${e.well} of ${e.n}: that is a strength to keep.`,
        weight: damp((e.well * e.well) / e.n / 2, e.n),
        evidence: { item, well: e.well, rated: e.n },
      });
    }
  }
  return out;
}

/** Applications a channel needs before the channel finding recommends it or names it as the weakest. */
export const CHANNEL_MIN_APPLICATIONS = 5;
/** Where the advice points, by channel ("Shifting some time toward …"). */
const TOWARD: Record<Channel, string> = {
  ...Object.fromEntries(Object.entries(CHANNEL_LABELS).map(([c, l]) => [c, l.toLowerCase()])),
  referral: 'asking for referrals',
} as Record<Channel, string>;

/**
 * Compares the channels the user can put time into ("other" is none of them) on the card's
 * figures. Every channel with at least `CHANNEL_MIN_APPLICATIONS` sent applications is weighed;
 * one with fewer that did better than the recommended channel is named with why it is not
 * recommended, so the advice never quietly skips the best-looking channel.
 */
function channelFindings(rows: readonly ChannelRow[], w: PersonWords, self: boolean): Finding[] {
  const actionable = rows.filter((r) => r.channel !== 'other' && r.interviews.rate !== null);
  const tried = actionable.filter((r) => r.applications >= CHANNEL_MIN_APPLICATIONS);
  if (tried.length < 2) return [];
  // Ties keep the card's order, so the same data always names the same channel.
  const sorted = [...tried].sort((a, b) => b.interviews.rate! - a.interviews.rate!);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const diff = best.interviews.rate! - worst.interviews.rate!;
  if (diff < 0.1 || best.interviews.rate! < 2 * worst.interviews.rate!) return [];
  const n = Math.min(best.applications, worst.applications);
  const name = (r: ChannelRow) => CHANNEL_LABELS[r.channel];
  const tooFew = actionable.filter(
    (r) => r.applications < CHANNEL_MIN_APPLICATIONS && r.interviews.rate! > best.interviews.rate!,
  );
  const tooFewText = tooFew.map(
    (r, i) => `${i === 0 ? name(r) : name(r).toLowerCase()} ${r.interviews.successes} of ${r.applications}`,
  );
  const caveat =
    tooFew.length === 0
      ? ''
      : ` ${tooFewText.join(' and ')} ${tooFew.length === 1 ? 'looks' : 'look'} better still, but with only ${tooFew
          .map((r) => r.applications)
          .join(' and ')} so far that is too few to go on (${CHANNEL_MIN_APPLICATIONS} or more needed).`;
  return [
    {
      id: 'channel-yield',
      text: `${name(best)} turned ${best.interviews.successes} of ${best.applications} applications into interviews; ${name(worst).toLowerCase()} ${worst.interviews.successes} of ${worst.applications}${small(n)}. Shifting some ${self ? '' : `of ${w.names} `}time toward ${TOWARD[best.channel]} is worth a try.${caveat}`,
      weight: damp(diff * (best.applications + worst.applications), n),
      evidence: {
        best: best.channel,
        bestInterviews: best.interviews.successes,
        bestApplications: best.applications,
        worst: worst.channel,
        worstInterviews: worst.interviews.successes,
        worstApplications: worst.applications,
        ...(tooFew.length > 0 ? { tooFewSoFar: tooFewText.join(', ') } : {}),
      },
    },
  ];
}

function ghostingFindings(funnel: FunnelResult, w: PersonWords): Finding[] {
  const g = funnel.ghostingRate;
  if (g.n < SMALL_SAMPLE_N || g.rate === null || g.rate < 0.4) return [];
  return [
    {
      id: 'ghosting',
      text: `${g.successes} of ${g.n} applications never got an answer. That says more about busy hiring teams than about ${w.name}; a short follow-up a week or two after applying can help.`,
      weight: round2(g.successes * g.rate),
      evidence: { noReply: g.successes, applications: g.n },
    },
  ];
}

function comparisonFindings(c: Comparison, w: PersonWords): Finding[] {
  const r = c.recent.responseRate;
  const b = c.before.responseRate;
  if (r.n < 5 || b.n < 5 || r.rate === null || b.rate === null) return [];
  const diff = r.rate - b.rate;
  if (Math.abs(diff) < 0.05) return [];
  const n = Math.min(r.n, b.n);
  const text =
    diff > 0
      ? `${w.Names} response rate rose from ${percent(b.rate)} to ${percent(r.rate)} in the last ${c.windowDays} days${small(n)}. Whatever ${w.they} changed seems to be working.`
      : `${w.Names} response rate went from ${percent(b.rate)} to ${percent(r.rate)} in the last ${c.windowDays} days${small(n)}. Recent applications have had less time to be answered, so give it a couple of weeks before reading much into it.`;
  return [
    {
      id: diff > 0 ? 'response-rate-rose' : 'response-rate-fell',
      text,
      weight: damp(Math.abs(diff) * (r.n + b.n), n),
      evidence: {
        recentRate: round2(r.rate),
        recentN: r.n,
        beforeRate: round2(b.rate),
        beforeN: b.n,
        since: c.since,
      },
    },
  ];
}

function timingFindings(funnel: FunnelResult): Finding[] {
  const t = funnel.timeToFirstResponse;
  if (t.n < 5 || t.medianDays === null) return [];
  const wait = Math.max(7, Math.ceil(t.medianDays) + 3);
  return [
    {
      id: 'first-response-time',
      text: `Employers who answered took a median of ${t.medianDays} days, so a follow-up after about ${wait} days of silence is well timed${small(t.n)}.`,
      weight: damp(1, t.n),
      evidence: { medianDays: t.medianDays, answered: t.n },
    },
  ];
}

/** Draws the ranked findings from a prepared context; see `buildFindings` for the public entry point. */
export function findingsFrom(ctx: FindingsContext): Finding[] {
  const ids = ctx.namedInView;
  const self = (ctx.reader ?? SELF).kind === 'self';
  const w = personWords(ctx.reader);
  const findings = [
    ...rejectionFindings(ctx.rejections, w),
    ...themeFindings(ctx.feedbackThemes.filter((t) => ids.has(t.applicationId))),
    ...postMortemFindings(ctx.postMortemRatings.filter((r) => ids.has(r.applicationId))),
    ...channelFindings(ctx.channelRows, w, self),
    ...ghostingFindings(ctx.funnel, w),
    ...comparisonFindings(ctx.comparison, w),
    ...timingFindings(ctx.funnel),
  ];
  if (findings.length === 0) {
    const sent = ctx.funnel.funnel[0]?.reached ?? 0;
    findings.push({
      id: 'not-enough-data',
      text: `${sent} application${sent === 1 ? '' : 's'} so far: patterns usually start to show after about 10 that have had an answer. ${self ? 'Keep logging; this page will fill in.' : `These findings fill in as ${w.name} keeps logging.`}`,
      weight: 0,
      evidence: { applications: sent },
    });
  }
  return findings.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
}
