import type { Command } from 'commander';
import { infoInterviewCreateSchema } from '../../core/skills/input.ts';
import { parseInput } from '../../core/validation.ts';
import { createInfoInterview, listInfoInterviews } from '../../services/skills/info-interviews.ts';
import { presentInfoInterview } from '../../services/skills/presenters.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';

type Opts = CommonFlags & Record<string, string | string[] | undefined>;

/** `rebound info-interview`: record and list informational interviews. */
export function registerInfoInterviewCommands(program: Command): void {
  const info = program
    .command('info-interview')
    .description('informational interviews: conversations to learn about a role or company');

  common(info.command('add').description('record an informational interview'))
    .option('--with <name>', 'who you spoke with')
    .option('--contact <id>', 'or one of your contacts, by id')
    .requiredOption('--on <date>', 'YYYY-MM-DD')
    .option('--company <company>', 'their company')
    .option('--role <role>', 'their role')
    .option('--learned <text>', 'what you learned')
    .option('--follow-ups <text>', 'what to do next')
    .action(async (opts: Opts) => {
      const input = parseInput(
        infoInterviewCreateSchema,
        {
          contactName: opts.with,
          contactId: opts.contact,
          heldOn: opts.on,
          company: opts.company,
          role: opts.role,
          learned: opts.learned,
          followUps: opts.followUps,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const shown = presentInfoInterview(await createInfoInterview(ctx, input));
        if (opts.json) return printJson(shown);
        console.log(
          `Saved your conversation with ${shown.contactName ?? 'your contact'} on ${shown.heldOn} (id ${shown.id}).`,
        );
      });
    });

  common(info.command('list').description('informational interviews, newest first')).action(
    async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const items = (await listInfoInterviews(ctx)).map(presentInfoInterview);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log(
            'None yet. Record one with: rebound info-interview add --with "Sam" --on 2026-11-20',
          );
        console.log(
          table([
            ['ID', 'ON', 'WITH', 'COMPANY', 'FOLLOW-UPS'],
            ...items.map((i) => [i.id, i.heldOn, i.contactName ?? '', i.company ?? '', i.followUps ?? '']),
          ]),
        );
      }),
  );
}
