import type { Command } from 'commander';
import { weekQuerySchema } from '../../core/channels/input.ts';
import { localDate } from '../../core/dates.ts';
import { parseInput } from '../../core/validation.ts';
import { stepInputSchema, stepMoveSchema } from '../../core/week/input.ts';
import type { WeekStepView } from '../../core/week/schemas.ts';
import { parseWhen, STEP_CHANNELS } from '../../core/week/steps.ts';
import { weekOf } from '../../core/wellbeing/week.ts';
import {
  addStep,
  deleteStep,
  dropStep,
  getWeekPlan,
  markStepDone,
  moveStep,
  reopenStep,
  suggestWeekSteps,
} from '../../services/week/plan.ts';
import { presentDraft, presentStep, presentWeekPlan } from '../../services/week/presenters.ts';
import { type CommonFlags, common, printJson, withWorkspace } from '../io.ts';

type Opts = CommonFlags & Record<string, string | boolean | undefined>;
const all = (cmd: Command) => cmd.optsWithGlobals<Opts>();

const mark = (s: WeekStepView) => (s.status === 'done' ? '[x]' : s.status === 'dropped' ? '[-]' : '[ ]');

function stepLine(s: WeekStepView): string {
  const moved = s.movedFrom ? ` (moved from ${s.movedFrom})` : '';
  const left = s.status === 'dropped' ? ' (let go)' : '';
  return `${mark(s)} ${s.text}, ${s.channel}${moved}${left}  [${s.id}]`;
}

/** "Tue 09:00" read against the week of today (in the user's zone), or of --week. */
function readWhen(text: string, timeZone: string, week: string | undefined, field = 'when') {
  const today = localDate(new Date(), timeZone);
  return parseWhen(text, weekOf(week ?? today).weekStart, today, field);
}

/** `rebound week`: the weekly plan of if-then steps. */
export function registerWeekCommands(program: Command): void {
  const week = common(
    program
      .command('week')
      .description('your weekly plan: steps with a when, where, what and how long (this week’s by default)'),
  )
    .option('--week <date>', 'any day of the week to show (default this week)')
    .action(async (opts: Opts) => {
      const { week: day } = parseInput(weekQuerySchema, { week: opts.week }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const plan = presentWeekPlan(await getWeekPlan(ctx, day));
        if (opts.json) return printJson(plan);
        console.log(`Week of ${plan.weekStart} to ${plan.weekEnd}`);
        if (plan.steps.length === 0) {
          console.log(
            'No steps planned yet. Add one, e.g.: rebound week add --when "Tue 09:00" --where library --what "2 tailored applications" --minutes 90 --channel job_board',
          );
          console.log('Or see suggestions: rebound week suggest');
          return;
        }
        for (const s of plan.steps) console.log(stepLine(s));
        console.log(`\n${plan.review.message}`);
      });
    });

  common(week.command('add').description('plan a step: when, where, what, for how long, which channel'))
    .requiredOption(
      '--when <when>',
      'a day and time: "Tue 09:00", "thursday 14", "today", "2026-12-01 09:30"',
    )
    .requiredOption('--where <place>', 'where you will do it, e.g. library')
    .requiredOption('--what <text>', 'what you will do, e.g. "2 tailored applications to fintech roles"')
    .requiredOption('--minutes <n>', 'for how long, in minutes')
    .requiredOption('--channel <channel>', STEP_CHANNELS.join(' | '))
    .action(async (_o: Opts, cmd: Command) => {
      const opts = all(cmd);
      await withWorkspace(opts, async (ctx) => {
        const when = readWhen(String(opts.when), ctx.timeZone, opts.week as string | undefined);
        const input = parseInput(
          stepInputSchema,
          {
            ...when,
            where: opts.where,
            what: opts.what,
            minutes: Number(opts.minutes),
            channel: opts.channel,
          },
          'arguments',
        );
        const step = presentStep(await addStep(ctx, input));
        if (opts.json) return printJson(step);
        console.log(`Planned: ${step.text} (id ${step.id}).`);
      });
    });

  common(
    week
      .command('suggest')
      .description('a few steps to plan, from last week, your channel split and follow-ups'),
  ).action(async (_o: Opts, cmd: Command) => {
    const opts = all(cmd);
    const { week: day } = parseInput(weekQuerySchema, { week: opts.week }, 'arguments');
    await withWorkspace(opts, async (ctx) => {
      const drafts = await suggestWeekSteps(ctx, day);
      const items = drafts.items.map(presentDraft);
      if (opts.json) return printJson({ weekStart: drafts.weekStart, items });
      if (items.length === 0) return console.log('Nothing to suggest for the rest of this week.');
      for (const d of items) console.log(`- ${d.text}, ${d.channel}  (${d.why})`);
      console.log(
        '\nAdd the ones that fit with: rebound week add --when … --where … --what … --minutes … --channel …',
      );
    });
  });

  const settle = (name: string, description: string, run: typeof markStepDone, said: string) =>
    common(week.command(name).description(description).argument('<id>', 'step id')).action(
      async (id: string, _o: Opts, cmd: Command) => {
        const opts = all(cmd);
        await withWorkspace(opts, async (ctx) => {
          const step = presentStep(await run(ctx, id));
          if (opts.json) return printJson(step);
          console.log(`${said}: ${step.text}.`);
        });
      },
    );
  settle('done', 'mark a step done', markStepDone, 'Done');
  settle('drop', 'let a step go (it stays in the week’s record, without blame)', dropStep, 'Let go');
  settle('reopen', 'put a step back to planned', reopenStep, 'Planned again');

  common(
    week.command('move').description('move a step to another day (and time)').argument('<id>', 'step id'),
  )
    .requiredOption('--to <when>', 'the new day and time: "Thu 10:00", "tomorrow", "2026-12-03"')
    .action(async (id: string, _o: Opts, cmd: Command) => {
      const opts = all(cmd);
      await withWorkspace(opts, async (ctx) => {
        const to = readWhen(String(opts.to), ctx.timeZone, opts.week as string | undefined, 'to');
        const input = parseInput(stepMoveSchema, to.time === null ? { day: to.day } : to, 'arguments');
        const step = presentStep(await moveStep(ctx, id, input));
        if (opts.json) return printJson(step);
        console.log(`Moved: ${step.text}.`);
      });
    });

  common(
    week.command('remove').description('remove a step written by mistake').argument('<id>', 'step id'),
  ).action(async (id: string, _o: Opts, cmd: Command) => {
    const opts = all(cmd);
    await withWorkspace(opts, async (ctx) => {
      await deleteStep(ctx, id);
      if (opts.json) return printJson({ removed: id });
      console.log('Step removed.');
    });
  });
}
