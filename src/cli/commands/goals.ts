import type { Command } from 'commander';
import { weekQuerySchema } from '../../core/channels/input.ts';
import { parseInput } from '../../core/validation.ts';
import {
  breakInputSchema,
  goalInputSchema,
  goalProgressInputSchema,
  journalInputSchema,
  rangeQuerySchema,
  routineInputSchema,
  winInputSchema,
} from '../../core/wellbeing/input.ts';
import {
  addBreak,
  addGoalProgress,
  addJournalEntry,
  addWin,
  createGoal,
  deleteGoal,
  getGoalsWeek,
  getWellbeing,
  listJournal,
  listWins,
  presentBreak,
  presentGoal,
  presentGoalsWeek,
  presentJournalEntry,
  presentWellbeing,
  presentWin,
  setRoutine,
} from '../../services/insights/index.ts';
import { type CommonFlags, common, printJson, withWorkspace } from '../io.ts';

type Opts = CommonFlags & Record<string, string | string[] | boolean | undefined>;

/** Options of a subcommand merged with its parent's (`rebound goals --db x set …`). */
const all = (cmd: Command) => cmd.optsWithGlobals<Opts>();

/** `rebound goals`, `rebound win(s)`, `rebound journal`, `rebound wellbeing`, `rebound break`, `rebound routine`. */
export function registerGoalCommands(program: Command): void {
  const goals = common(
    program.command('goals').description('weekly goals about actions, with this week’s progress'),
  )
    .option('--week <date>', 'any day of the week to show (default this week)')
    .action(async (opts: Opts) => {
      const { week } = parseInput(weekQuerySchema, { week: opts.week }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const shown = presentGoalsWeek(await getGoalsWeek(ctx, week));
        if (opts.json) return printJson(shown);
        if (shown.items.length === 0)
          return console.log(
            'No weekly goals yet. Set one about an action, e.g.: rebound goals set applications 5',
          );
        console.log(`Week of ${shown.weekStart}`);
        for (const g of shown.items)
          console.log(
            `${g.progress.met ? '[x]' : '[ ]'} ${g.progress.title}: ${g.progress.message}  (id ${g.id})`,
          );
      });
    });

  common(
    goals
      .command('set')
      .description('set a weekly goal: applications | networking_conversations | learning_hours | custom'),
  )
    .argument('<kind>', 'applications | networking_conversations | learning_hours | custom')
    .argument('<target>', 'how many a week')
    .option('--unit <unit>', 'conversations, hours, minutes, …')
    .option('--label <text>', 'a custom goal’s words, e.g. "mock interviews"')
    .action(async (kind: string, target: string, _o: Opts, cmd: Command) => {
      const opts = all(cmd);
      const input = parseInput(
        goalInputSchema,
        { kind, target: Number(target), unit: opts.unit, label: opts.label },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const goal = presentGoal(await createGoal(ctx, input));
        if (opts.json) return printJson(goal);
        console.log(`Goal set: ${goal.target} ${goal.label ?? goal.unit} a week (id ${goal.id}).`);
      });
    });

  common(goals.command('done').description('record progress on a custom goal'))
    .argument('<id>', 'goal id')
    .argument('[amount]', 'how much (default 1)', '1')
    .option('--on <date>', 'YYYY-MM-DD (default today)')
    .action(async (id: string, amount: string, _o: Opts, cmd: Command) => {
      const opts = all(cmd);
      const input = parseInput(goalProgressInputSchema, { amount: Number(amount), on: opts.on }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const entry = await addGoalProgress(ctx, id, input);
        if (opts.json) return printJson(entry);
        console.log(`Noted ${entry.amount} on ${entry.on}.`);
      });
    });

  common(goals.command('remove').description('remove a goal').argument('<id>', 'goal id')).action(
    async (id: string, _o: Opts, cmd: Command) => {
      const opts = all(cmd);
      await withWorkspace(opts, async (ctx) => {
        await deleteGoal(ctx, id);
        if (opts.json) return printJson({ removed: id });
        console.log('Goal removed.');
      });
    },
  );

  common(
    program.command('win').description('write down a win of your own').argument('<text>', 'what went well'),
  )
    .option('--on <date>', 'YYYY-MM-DD (default today)')
    .option('--app <id>', 'the application it is about')
    .action(async (text: string, opts: Opts) => {
      const input = parseInput(winInputSchema, { text, on: opts.on, applicationId: opts.app }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const win = presentWin(await addWin(ctx, input));
        if (opts.json) return printJson(win);
        console.log(`Noted: ${win.text} (${win.on}).`);
      });
    });

  common(
    program
      .command('wins')
      .description('small wins: replies, interviews, goals met and your own (default: last 30 days)'),
  )
    .option('--from <date>', 'YYYY-MM-DD')
    .option('--to <date>', 'YYYY-MM-DD')
    .action(async (opts: Opts) => {
      const range = parseInput(rangeQuerySchema, { from: opts.from, to: opts.to }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const wins = (await listWins(ctx, range)).map(presentWin);
        if (opts.json) return printJson({ items: wins });
        if (wins.length === 0)
          return console.log('No wins logged in this period yet. Showing up for the search still counts.');
        for (const w of wins) console.log(`${w.on}  ${w.text}`);
      });
    });

  common(
    program
      .command('journal')
      .description('write a journal entry (with --mood) or read recent ones')
      .argument('[text]', 'what is on your mind'),
  )
    .option('--mood <1-5>', 'how you feel, 1 (low) to 5 (good)')
    .option('--tag <tag...>', 'tags')
    .option('--on <date>', 'YYYY-MM-DD (default today)')
    .option('--from <date>', 'list entries from this day')
    .action(async (text: string | undefined, opts: Opts) => {
      if (opts.mood === undefined && text === undefined) {
        const range = parseInput(rangeQuerySchema, { from: opts.from }, 'arguments');
        return withWorkspace(opts, async (ctx) => {
          const items = (await listJournal(ctx, range)).map(presentJournalEntry);
          if (opts.json) return printJson({ items });
          if (items.length === 0)
            return console.log('No journal entries yet. Write one with: rebound journal "…" --mood 3');
          for (const e of items)
            console.log(
              `${e.on}  mood ${e.mood ?? '–'}  ${e.text}${e.tags.length ? `  [${e.tags.join(', ')}]` : ''}`,
            );
        });
      }
      const input = parseInput(
        journalInputSchema,
        {
          mood: opts.mood === undefined ? undefined : Number(opts.mood),
          text: text ?? '',
          tags: opts.tag,
          on: opts.on,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const entry = presentJournalEntry(await addJournalEntry(ctx, input));
        if (opts.json) return printJson(entry);
        console.log(`Written down for ${entry.on}. Thank you for checking in.`);
      });
    });

  common(
    program
      .command('wellbeing')
      .description('how heavy the search has been lately, planned breaks and your routine'),
  ).action(async (opts: Opts) =>
    withWorkspace(opts, async (ctx) => {
      const w = presentWellbeing(await getWellbeing(ctx));
      if (opts.json) return printJson(w);
      console.log(
        w.load.level === 'heavy'
          ? `${w.load.why}\n${w.load.suggestion}`
          : 'Nothing heavy stands out this week.',
      );
      for (const b of w.plannedBreaks)
        console.log(`Break planned: ${b.startsOn} to ${b.endsOn}${b.note ? ` (${b.note})` : ''}`);
      if (w.routine) console.log(`Outside the search: ${w.routine}`);
    }),
  );

  common(
    program
      .command('break')
      .description('plan a break from the search')
      .argument('<from>', 'first day, YYYY-MM-DD')
      .argument('<to>', 'last day, YYYY-MM-DD'),
  )
    .option('--note <text>', 'a note for yourself')
    .action(async (from: string, to: string, opts: Opts) => {
      const input = parseInput(
        breakInputSchema,
        { startsOn: from, endsOn: to, note: opts.note },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const b = presentBreak(await addBreak(ctx, input));
        if (opts.json) return printJson(b);
        console.log(
          `Break planned from ${b.startsOn} to ${b.endsOn}. Your data will be here when you come back.`,
        );
      });
    });

  common(
    program
      .command('routine')
      .description('write down what you do outside the search')
      .argument('<text>', 'e.g. "morning run, guitar on Fridays"'),
  ).action(async (text: string, opts: Opts) => {
    const input = parseInput(routineInputSchema, { routine: text }, 'arguments');
    await withWorkspace(opts, async (ctx) => {
      const routine = await setRoutine(ctx, input);
      if (opts.json) return printJson({ routine });
      console.log('Routine saved.');
    });
  });
}
