import type { Command } from 'commander';
import { CHANNEL_LABELS, STAGE_LABELS } from '../../core/applications/application.ts';
import { parseDuration } from '../../core/channels/duration.ts';
import { planInputSchema, timeLogInputSchema, weekQuerySchema } from '../../core/channels/input.ts';
import { PLAN_CHANNELS } from '../../core/channels/plan.ts';
import { percent, type WilsonRate } from '../../core/insights/index.ts';
import { insightsQuerySchema } from '../../core/insights/input.ts';
import { parseInput } from '../../core/validation.ts';
import {
  addTimeLog,
  getChannelsView,
  getInsights,
  getWeeklyReview,
  presentChannels,
  presentInsights,
  presentTimeLog,
  setChannelPlan,
} from '../../services/insights/index.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';

/** "27% (18–38%)", or "–" when there is nothing to count; small samples say so. */
export function formatRate(r: WilsonRate | null): string {
  if (r === null) return '';
  if (r.rate === null) return '–';
  const range = `${percent(r.low)}–${percent(r.high)}`;
  return `${percent(r.rate)} (${range})${r.isSmallSample ? ' small sample' : ''}`;
}

const hours = (h: number) => `${h} h`;

/** `rebound insights`, `rebound channels`, `rebound plan`, `rebound log` and `rebound review`. */
export function registerInsightsCommands(program: Command): void {
  common(
    program
      .command('insights')
      .description('your funnel, where rejections happen, and what the numbers suggest'),
  )
    .option('--from <date>', 'applications sent on or after YYYY-MM-DD')
    .option('--to <date>', 'applications sent on or before YYYY-MM-DD')
    .option('--channel <channel>', 'only this channel')
    .option('--role <text>', 'roles containing this text')
    .option('--tag <tag>', 'only this tag')
    .option('--kind <kind>', 'job | contract')
    .action(async (opts: CommonFlags & Record<string, string | undefined>) => {
      const filters = parseInput(
        insightsQuerySchema,
        {
          from: opts.from,
          to: opts.to,
          channel: opts.channel,
          role: opts.role,
          tag: opts.tag,
          kind: opts.kind,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const payload = presentInsights(await getInsights(ctx, filters));
        if (opts.json) return printJson(payload);
        if (payload.funnel[0]!.reached === 0) {
          console.log(
            'No applications sent yet in this view. Insights appear as soon as there is something to count.',
          );
          return;
        }
        console.log(
          'Funnel (how far applications got; a move back or a rejection keeps the furthest stage)\n',
        );
        console.log(
          table([
            ['STAGE', 'REACHED', 'FROM PREVIOUS (95% range)', 'REJECTED HERE'],
            ...payload.funnel.map((s) => [
              STAGE_LABELS[s.stage],
              String(s.reached),
              formatRate(s.conversionFromPrevious),
              String(s.rejectedHere),
            ]),
          ]),
        );
        console.log(`\nNo reply: ${formatRate(payload.ghostingRate)}`);
        if (payload.timeToFirstResponse.medianDays !== null) {
          console.log(
            `Typical time to a first answer: ${payload.timeToFirstResponse.medianDays} days (${payload.timeToFirstResponse.n} answered)`,
          );
        }
        console.log('\nWhat stands out\n');
        for (const f of payload.findings) console.log(`- ${f.text}`);
      });
    });

  common(
    program
      .command('channels')
      .description('this week’s time per channel against your plan, and next week’s suggestion'),
  )
    .option('--week <date>', 'any day of the week to show (default this week)')
    .action(async (opts: CommonFlags & { week?: string }) => {
      const { week } = parseInput(weekQuerySchema, { week: opts.week }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const view = presentChannels(await getChannelsView(ctx, week));
        if (opts.json) return printJson(view);
        console.log(
          `Week of ${view.weekStart}: ${hours(view.hoursPerWeek)} planned${view.isDefaultPlan ? ' (default split; change it with rebound plan)' : ''}\n`,
        );
        console.log(
          table([
            ['CHANNEL', 'PLANNED', 'LOGGED', 'INTERVIEWS / APPLICATIONS', 'NEXT WEEK'],
            ...view.planVsActual.rows.map((r) => {
              const y = view.yields.find((x) => x.channel === r.channel)!;
              return [
                CHANNEL_LABELS[r.channel],
                `${view.plan[r.channel]}% · ${hours(r.plannedHours)}`,
                hours(r.actualHours),
                `${y.interviews.successes}/${y.applications} ${formatRate(y.interviews)}`,
                `${view.suggestion.plan[r.channel]}%`,
              ];
            }),
          ]),
        );
        if (view.planVsActual.learningHours > 0)
          console.log(`\nLearning: ${hours(view.planVsActual.learningHours)}`);
        console.log(`\n${view.suggestion.method}`);
        for (const m of view.suggestion.moves)
          console.log(
            `- ${m.points} points from ${CHANNEL_LABELS[m.from].toLowerCase()} to ${CHANNEL_LABELS[m.to].toLowerCase()}: ${m.why}`,
          );
      });
    });

  const plan = common(
    program
      .command('time-plan')
      .description('set your weekly split of hours between channels (rebound channels shows it)'),
  );
  for (const ch of PLAN_CHANNELS)
    plan.option(`--${ch.replaceAll('_', '-')} <percent>`, `share for ${CHANNEL_LABELS[ch].toLowerCase()}`);
  plan
    .option('--hours <n>', 'hours per week')
    .action(async (opts: CommonFlags & Record<string, string | undefined>) => {
      const given = PLAN_CHANNELS.filter((ch) => opts[camel(ch)] !== undefined);
      const body: Record<string, unknown> = {};
      if (given.length > 0)
        body.plan = Object.fromEntries(PLAN_CHANNELS.map((ch) => [ch, Number(opts[camel(ch)] ?? 0)]));
      if (opts.hours !== undefined) body.hoursPerWeek = Number(opts.hours);
      const input = parseInput(planInputSchema, body, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const saved = await setChannelPlan(ctx, input);
        if (opts.json) return printJson(saved);
        console.log(
          `Plan saved: ${PLAN_CHANNELS.map((ch) => `${CHANNEL_LABELS[ch].toLowerCase()} ${saved.plan[ch]}%`).join(', ')}; ${hours(saved.hoursPerWeek)} a week.`,
        );
      });
    });

  common(program.command('log').description('log time spent on a channel, e.g. rebound log 45m networking'))
    .argument('<duration>', '45m, 90, 1.5h, 1h30')
    .argument(
      '<channel>',
      'job_board | networking | direct_outreach | recruiter | referral | other | learning',
    )
    .option('--on <date>', 'YYYY-MM-DD (default today)')
    .option('--note <text>', 'what you did')
    .action(async (duration: string, channel: string, opts: CommonFlags & { on?: string; note?: string }) => {
      const minutes = parseDuration(duration, 'duration');
      const input = parseInput(
        timeLogInputSchema,
        { channel, minutes, loggedOn: opts.on, note: opts.note },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const log = presentTimeLog(await addTimeLog(ctx, input));
        if (opts.json) return printJson(log);
        console.log(`Logged ${log.minutes} min of ${log.channel.replaceAll('_', ' ')} on ${log.loggedOn}.`);
      });
    });

  common(program.command('review').description('the weekly review, as Markdown'))
    .option('--week [date]', 'any day of the week to review (default this week)')
    .action(async (opts: CommonFlags & { week?: string | boolean }) => {
      const { week } = parseInput(
        weekQuerySchema,
        { week: typeof opts.week === 'string' ? opts.week : undefined },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const review = await getWeeklyReview(ctx, week);
        if (opts.json) return printJson({ ...review.data, markdown: review.markdown });
        process.stdout.write(review.markdown);
      });
    });
}

function camel(s: string): string {
  return s.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
}
