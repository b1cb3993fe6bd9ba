import { CHANNEL_LABELS } from '../applications/application.ts';
import { type ChannelPlan, PLAN_CHANNELS, planHours } from '../channels/plan.ts';
import type { PlanMove } from '../channels/reallocation.ts';
import { addDays } from '../dates.ts';
import { personWords, type Reader, SELF } from '../reader.ts';
import type { PlanReview } from '../week/review.ts';
import { stepChannelLabel } from '../week/steps.ts';
import type { GoalProgress } from '../wellbeing/goals.ts';
import type { LoadSignal } from '../wellbeing/load.ts';
import type { Win } from '../wellbeing/wins.ts';
import type { Finding } from './findings.ts';

export interface WeeklyReviewData {
  /** Monday of the week reviewed. */
  weekStart: string;
  goals: readonly GoalProgress[];
  /** What happened this week, counted from the histories. */
  outcomes: {
    applicationsSent: number;
    replies: number;
    interviews: number;
    rejections: number;
    offers: number;
  };
  wins: readonly Win[];
  /** Findings that appeared or stopped holding since last week (see `changedFindings`). */
  insights: { added: readonly Finding[]; removed: readonly Finding[] };
  nextWeek: { plan: ChannelPlan; hoursPerWeek: number; moves?: readonly PlanMove[] } | null;
  load?: LoadSignal;
  /** The week's if-then steps against what was done and what came back. */
  plan?: PlanReview;
}

const fmtHours = (h: number) => (Number.isInteger(h) ? `${h} h` : `${h.toFixed(2).replace(/0$/, '')} h`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function section(title: string, lines: string[]): string {
  return [`## ${title}`, '', ...lines, ''].join('\n');
}

function planLines(plan: PlanReview): string[] {
  const lines = [plan.message];
  if (plan.channels.length === 0) return lines;
  lines.push(
    '',
    '| Channel | Steps done | Minutes done | Sent | Replies | Interviews |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...plan.channels.map(
      (c) =>
        `| ${stepChannelLabel(c.channel)} | ${c.done} of ${c.planned} | ${c.minutesDone} of ${c.minutesPlanned} | ${c.sent} | ${c.replies} | ${c.interviews} |`,
    ),
  );
  return lines;
}

/**
 * The weekly review as printable Markdown: actions against goals, what came back, small wins,
 * insights that changed and next week's hours per channel. Written to be read on a hard week.
 * A coach (`reader`) reads it about the seeker by name, and never the load signal: it is read
 * from the seeker's moods, which are never shared.
 */
export function renderWeeklyReview(data: WeeklyReviewData, reader: Reader = SELF): string {
  const self = reader.kind === 'self';
  const w = personWords(reader);
  const out: string[] = [`# Week of ${data.weekStart} to ${addDays(data.weekStart, 6)}`, ''];

  if (self && data.load?.level === 'heavy') out.push(`> ${data.load.why} ${data.load.suggestion}`, '');

  out.push(
    section(
      `What ${w.name} did`,
      data.goals.length === 0
        ? [
            'No weekly goals set. Setting one or two small ones about actions (not results) can make progress easier to see.',
          ]
        : data.goals.map((g) => `- [${g.met ? 'x' : ' '}] ${g.title}: ${g.message}`),
    ),
  );

  if (data.plan) out.push(section(`${w.Names} plan`, planLines(data.plan)));

  const o = data.outcomes;
  out.push(
    section('What came back', [
      `- ${plural(o.applicationsSent, 'application')} sent`,
      `- ${plural(o.replies, 'reply', 'replies')}, ${plural(o.interviews, 'interview')}, ${plural(o.offers, 'offer')}`,
      `- ${plural(o.rejections, 'rejection')}${o.rejections > 0 ? `: each one is information, not a verdict on ${w.them}` : ''}`,
    ]),
  );

  out.push(
    section(
      'Small wins',
      data.wins.length === 0
        ? ['Nothing logged as a win this week. Showing up for the search still counts.']
        : data.wins.map((w) => `- ${w.on}: ${w.text}`),
    ),
  );

  const insightLines = [
    ...data.insights.added.map((f) => `- New: ${f.text}`),
    ...data.insights.removed.map((f) => `- No longer true: ${f.text}`),
  ];
  out.push(
    section(
      'Insights that changed',
      insightLines.length ? insightLines : ['Nothing new this week; the picture holds steady.'],
    ),
  );

  if (data.nextWeek) {
    const hours = planHours(data.nextWeek.plan, data.nextWeek.hoursPerWeek);
    const lines = [
      '| Channel | Share | Hours |',
      '| --- | ---: | ---: |',
      ...PLAN_CHANNELS.map(
        (c) => `| ${CHANNEL_LABELS[c]} | ${data.nextWeek!.plan[c]}% | ${fmtHours(hours[c])} |`,
      ),
    ];
    const moves = data.nextWeek.moves ?? [];
    if (moves.length) {
      lines.push('', 'Why it changed:');
      for (const m of moves)
        lines.push(
          `- ${m.points} points from ${CHANNEL_LABELS[m.from].toLowerCase()} to ${CHANNEL_LABELS[m.to].toLowerCase()}: ${m.why}`,
        );
    }
    out.push(section(`Next week: ${fmtHours(data.nextWeek.hoursPerWeek)}`, lines));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
