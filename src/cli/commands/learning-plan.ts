import type { Command } from 'commander';
import { PLAN_STATUSES, planItemCreateSchema, planItemUpdateSchema } from '../../core/skills/input.ts';
import { parseInput } from '../../core/validation.ts';
import {
  type Completion,
  createPlanItem,
  listPlanItems,
  updatePlanItem,
} from '../../services/skills/learning-plan.ts';
import { presentPlanItem } from '../../services/skills/presenters.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';

type Opts = CommonFlags & Record<string, string | string[] | undefined>;

function printCompletion(c: Completion): void {
  console.log(
    c.addedToResume
      ? `Added to your resume profile as ${c.resumeVersion}.`
      : `Already on your resume profile (${c.resumeVersion}).`,
  );
  if (c.task) console.log(`New task, due ${c.task.dueOn}: ${c.task.text}.`);
  for (const r of c.rescored) {
    const fmt = (n: number | null) => (n === null ? '–' : String(n));
    console.log(`  ${r.company} — ${r.role}: ${fmt(r.before)} → ${fmt(r.after)}`);
  }
}

/** `rebound plan` (alias `learn`): courses, certifications, projects and workshops to learn a skill. */
export function registerPlanCommands(program: Command): void {
  // The weekly split of hours between channels is `rebound time-plan`.
  const plan = program
    .command('plan')
    .alias('learn')
    .description('your learning plan: courses, certifications, projects, workshops');

  common(plan.command('add').description('plan to learn a skill'))
    .argument('<skill>', 'the skill (often one of your gaps)')
    .option('--kind <kind>', 'course | certification | project | workshop', 'course')
    .option('--hours <n>', 'hours you expect it to take')
    .option('--by <date>', 'target date, YYYY-MM-DD')
    .option('--link <url>', 'where to find it')
    .action(async (skill: string, opts: Opts) => {
      const input = parseInput(
        planItemCreateSchema,
        {
          skill,
          kind: opts.kind,
          hours: opts.hours === undefined ? undefined : Number(opts.hours),
          targetOn: opts.by,
          link: opts.link,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const { item } = await createPlanItem(ctx, input);
        if (opts.json) return printJson(presentPlanItem(item));
        console.log(
          `Planned: ${item.skill} (${item.kind}${item.targetOn ? `, by ${item.targetOn}` : ''}), id ${item.id}.`,
        );
      });
    });

  common(plan.command('list').description('the learning plan'))
    .option('--status <status>', PLAN_STATUSES.join(' | '))
    .action(async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const status =
          opts.status === undefined
            ? undefined
            : parseInput(planItemUpdateSchema, { status: opts.status }, 'arguments').status;
        const items = (await listPlanItems(ctx, status)).map(presentPlanItem);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log('Nothing planned yet. See your gaps with: rebound skills gaps');
        console.log(
          table([
            ['ID', 'SKILL', 'KIND', 'BY', 'PROGRESS', 'STATUS'],
            ...items.map((p) => [p.id, p.skill, p.kind, p.targetOn ?? '', `${p.progress}%`, p.status]),
          ]),
        );
      }),
    );

  common(plan.command('progress').description('record progress on a plan item'))
    .argument('<id>', 'plan item id')
    .argument('<percent>', '0 to 100')
    .action(async (id: string, percent: string, opts: Opts) => {
      const input = parseInput(planItemUpdateSchema, { progress: Number(percent) }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const { item } = await updatePlanItem(ctx, id, input);
        if (opts.json) return printJson(presentPlanItem(item));
        console.log(`${item.skill}: ${item.progress}%.`);
      });
    });

  common(
    plan
      .command('done')
      .description('mark a plan item done: adds the skill to your resume and re-scores open applications'),
  )
    .argument('<id>', 'plan item id')
    .action(async (id: string, opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const { item, completion } = await updatePlanItem(ctx, id, { status: 'done' });
        if (opts.json) return printJson({ ...presentPlanItem(item), completion });
        console.log(`Well done: ${item.skill} is finished.`);
        if (completion) printCompletion(completion);
      }),
    );
}
