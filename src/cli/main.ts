import { Command, CommanderError } from 'commander';
import { registerApplicationCommands } from './commands/applications.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerContactCommands } from './commands/contacts.ts';
import { registerGoalCommands } from './commands/goals.ts';
import { registerImportCommands } from './commands/imports.ts';
import { registerInfoInterviewCommands } from './commands/info-interviews.ts';
import { registerInsightsCommands } from './commands/insights.ts';
import { registerPlanCommands } from './commands/learning-plan.ts';
import { registerRecoveryCommands } from './commands/recovery.ts';
import { registerResumeCommands } from './commands/resume.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSkillCommands } from './commands/skills.ts';
import { registerTodayCommands } from './commands/today.ts';
import { common, reportError, withWorkspace } from './io.ts';

/** Builds the `rebound` command. Each feature registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('rebound')
    .description(
      'Rebound: a local-first job-search tracker that turns every rejection into data and a next step.',
    )
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerApplicationCommands(program);
  registerSkillCommands(program);
  registerResumeCommands(program);
  registerPlanCommands(program);
  registerInfoInterviewCommands(program);
  registerBackupCommands(program);
  registerImportCommands(program);
  registerInsightsCommands(program);
  registerGoalCommands(program);
  registerRecoveryCommands(program);
  registerContactCommands(program);
  registerTodayCommands(program);
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
      const { rebuildSummaries } = await import('../services/summaries.ts');
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
  return program;
}

/** Runs the CLI: errors print a message (no stack) and set a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, argv.includes('--json'));
  }
}
