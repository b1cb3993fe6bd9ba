import type { Command } from 'commander';
import { common, withWorkspace } from '../io.ts';

export function registerMigrateCommand(program: Command): void {
  common(program.command('migrate').description('bring the database schema up to date')).action(
    async (opts) =>
      withWorkspace(opts, async (_ctx, store) => console.log(`Database is up to date: ${store.location}`)),
  );
  common(
    program
      .command('rebuild')
      .description('recompute every application summary from its history (a repair tool)'),
  ).action(async (opts) =>
    withWorkspace(opts, async (ctx) => {
      const { rebuildSummaries } = await import('../../services/summaries.ts');
      const report = await rebuildSummaries(ctx, (done, total) => {
        if (!opts.json && total > 5_000) process.stderr.write(`  ${done} of ${total} applications…\n`);
      });
      if (opts.json) console.log(JSON.stringify(report));
      else
        console.log(
          `Rebuilt the summaries of ${report.applications} application(s)${report.corrected > 0 ? `; ${report.corrected} had drifted and are now correct` : '; all were already correct'}.`,
        );
    }),
  );
}
