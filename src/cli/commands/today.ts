import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { presentToday } from '../../services/today/presenters.ts';
import { calendarIcs, getToday } from '../../services/today/today.ts';
import { type CommonFlags, common, printJson, withWorkspace } from '../io.ts';

type Entry = ReturnType<typeof presentToday>['today'][number];

function line(e: Entry): string {
  const ref = e.refId ?? e.applicationId ?? '';
  return `  ${e.dueOn}  ${e.title}${ref ? `  [${ref}]` : ''}`;
}

export function registerTodayCommands(program: Command): void {
  common(
    program
      .command('today')
      .description('what is due now: pauses ending, emails, look backs, tasks, people to reach out to'),
  ).action(async (opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      const view = presentToday(await getToday(ctx));
      if (opts.json) return printJson(view);
      if (view.coolingOff && view.coolOffEndsAt) {
        const until = new Intl.DateTimeFormat('en-GB', {
          timeZone: ctx.timeZone,
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(view.coolOffEndsAt));
        console.log(
          `You are taking a pause until ${until}. Some things are resting until then (${view.held.length}).`,
        );
      }
      const sections: Array<[string, Entry[]]> = [
        ['Overdue (no rush, just a reminder)', view.overdue],
        ['Today', view.today],
        ['Next seven days', view.upcoming],
      ];
      let any = false;
      if (view.steps.length > 0) {
        any = true;
        console.log('\nYour plan for today');
        for (const s of view.steps)
          console.log(
            `  ${s.status === 'done' ? '[x]' : s.status === 'dropped' ? '[-]' : '[ ]'} ${s.text}  [${s.id}]`,
          );
      }
      for (const [title, entries] of sections) {
        if (entries.length === 0) continue;
        any = true;
        console.log(`\n${title}`);
        for (const e of entries) console.log(line(e));
      }
      if (!any) console.log('Nothing due today. Enjoy the space.');
      if (view.quiet.total > view.quiet.shown)
        console.log(
          `\n${view.quiet.total - view.quiet.shown} more applications have gone quiet (rebound list --status open).`,
        );
      if (view.laterCount > 0) console.log(`\n… and ${view.laterCount} later.`);
    }),
  );

  common(program.command('calendar').description('write dated steps and interviews as an .ics calendar file'))
    .requiredOption('--out <file>', 'where to write the .ics file')
    .action(async (opts: CommonFlags & { out: string }) =>
      withWorkspace(opts, async (ctx) => {
        const ics = await calendarIcs(ctx);
        writeFileSync(opts.out, ics);
        const events = (ics.match(/BEGIN:VEVENT/g) ?? []).length;
        if (opts.json) return printJson({ file: opts.out, events });
        console.log(`Wrote ${events} event(s) to ${opts.out}. Import it into your calendar app.`);
      }),
    );
}
