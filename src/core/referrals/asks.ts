/**
 * A referral ask: the user asked one person they know to refer them for one application. It
 * moves through asked → agreed → referred, or ends in declined; each ask counts toward the
 * referral channel's yield in insights.
 */
import { CHANNELS, type Channel, STAGES, stageIndex } from '../applications/application.ts';
import { type WilsonRate, wilson } from '../insights/wilson.ts';

export const REFERRAL_ASK_STATUSES = ['asked', 'agreed', 'referred', 'declined'] as const;
export type ReferralAskStatus = (typeof REFERRAL_ASK_STATUSES)[number];

export const REFERRAL_ASK_LABELS: Record<ReferralAskStatus, string> = {
  asked: 'Asked',
  agreed: 'Agreed',
  referred: 'Referred',
  declined: 'Declined',
};

export interface ReferralAsk {
  id: string;
  applicationId: string;
  contactId: string;
  status: ReferralAskStatus;
  /** The day the user asked (YYYY-MM-DD). */
  askedOn: string;
  /** The day the status was last set. */
  statusOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface AskYield {
  asks: number;
  /** Share of asks the person said yes to (agreed or referred). */
  agreed: WilsonRate;
  /** Share of asks that ended in a referral. */
  referred: WilsonRate;
  declined: number;
  /** Asks with no answer yet. */
  waiting: number;
}

/** What the asks have returned so far, with Wilson intervals so 1 of 2 is not read as 50%. */
export function askYield(asks: readonly Pick<ReferralAsk, 'status'>[]): AskYield {
  let agreed = 0;
  let referred = 0;
  let declined = 0;
  let waiting = 0;
  for (const a of asks) {
    if (a.status === 'referred') referred++;
    if (a.status === 'agreed' || a.status === 'referred') agreed++;
    if (a.status === 'declined') declined++;
    if (a.status === 'asked') waiting++;
  }
  return {
    asks: asks.length,
    agreed: wilson(agreed, asks.length),
    referred: wilson(referred, asks.length),
    declined,
    waiting,
  };
}

export interface ChannelRow {
  channel: Channel;
  applications: number;
  responses: WilsonRate;
  interviews: WilsonRate;
  offers: WilsonRate;
}

export interface YieldApp {
  id: string;
  channel: Channel;
  /** Index into STAGES of the furthest stage reached. */
  furthest: number;
  responded: boolean;
  /** How many applications this row stands for (the insight aggregates count alike ones once). */
  n?: number;
}

const APPLIED = stageIndex('applied');
const INTERVIEWING = stageIndex('interviewing');
const OFFER = STAGES.indexOf('offer');

/**
 * Yield by the channel each application came through, referral on its own line (the weekly
 * plan's channels fold it into networking). An application someone referred the user for
 * counts as a referral whatever channel it was first saved under.
 */
export function yieldByChannel(apps: readonly YieldApp[], referredIds: ReadonlySet<string>): ChannelRow[] {
  const counts = new Map<Channel, { n: number; responded: number; interviews: number; offers: number }>(
    CHANNELS.map((c) => [c, { n: 0, responded: 0, interviews: 0, offers: 0 }]),
  );
  for (const a of apps) {
    if (a.furthest < APPLIED) continue;
    const c = counts.get(referredIds.has(a.id) ? 'referral' : a.channel)!;
    const n = a.n ?? 1;
    c.n += n;
    if (a.responded) c.responded += n;
    if (a.furthest >= INTERVIEWING) c.interviews += n;
    if (a.furthest >= OFFER) c.offers += n;
  }
  return CHANNELS.map((channel) => {
    const c = counts.get(channel)!;
    return {
      channel,
      applications: c.n,
      responses: wilson(c.responded, c.n),
      interviews: wilson(c.interviews, c.n),
      offers: wilson(c.offers, c.n),
    };
  });
}
