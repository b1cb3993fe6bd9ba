import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseApplicationKind } from '../../core/applications/application.ts';
import {
  createApplicationSchema,
  type EventInput,
  eventInputSchema,
  listQuerySchema,
  noteUpdateSchema,
} from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import {
  addEvent,
  createApplication,
  deleteNote,
  listApplications,
  updateNote,
} from '../../services/applications.ts';
import { presentApplication, presentApplicationDetail } from '../../services/presenters.ts';
import { loadSampleData, removeSampleData } from '../../services/sample-data.ts';
import { getSettings } from '../../services/settings.ts';
import { type CommonFlags, common, printJson, table, withApplication, withWorkspace } from '../io.ts';
import { presentCtx, printDetail } from './application-detail.ts';
import { registerRoundCommands } from './application-rounds.ts';

function readTextFile(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReboundError(
      'invalid_input',
      `${flag}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [{ path: flag, message: 'cannot read file' }],
    );
  }
}

/** `--kind` as people write it: employment, contract, freelance or internship. */
function kindFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const kind = parseApplicationKind(value);
  if (!kind) {
    throw new ReboundError(
      'invalid_input',
      `--kind: "${value}" is not a type of work (employment, contract, freelance or internship)`,
      [{ path: '--kind', message: 'employment | contract | freelance | internship' }],
    );
  }
  return kind;
}

function eventCommand(
  program: Command,
  name: string,
  description: string,
  build: (args: string[], opts: Record<string, string>) => unknown,
  extra?: (cmd: Command) => Command,
): Command {
  let cmd = common(
    program.command(name).description(description).argument('<id>', 'application id or its company'),
  );
  if (extra) cmd = extra(cmd);
  cmd.action(async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const [id, ...args] = command.processedArgs as string[];
    const opts = command.opts<Record<string, string> & CommonFlags>();
    const input = parseInput(eventInputSchema, build(args, opts), 'arguments') as EventInput;
    await withApplication(opts, id!, async (ctx, app) =>
      printDetail(ctx, app, opts, await addEvent(ctx, app, input)),
    );
  });
  return cmd;
}

export function registerApplicationCommands(program: Command): void {
  common(program.command('add').description('add an application'))
    .option('--company <name>', 'company name (required unless a job page gives it)')
    .option('--role <title>', 'role or job title (required unless a job page gives it)')
    .option('--channel <channel>', 'job_board | networking | direct_outreach | recruiter | referral | other')
    .option(
      '--kind <type>',
      'type of work: employment | contract | freelance | internship (default employment)',
    )
    .option(
      '--stage <stage>',
      'saved | applied | screening | interviewing | offer | accepted (default applied)',
    )
    .option('--applied-on <date>', 'YYYY-MM-DD (default today)')
    .option('--url <url>', 'job posting URL')
    .option('--website <domain>', "the company's website or mail domain, so its e-mail is recognised")
    .option('--location <place>', 'location')
    .option('--tag <tag...>', 'tags')
    .option('--jd-file <file>', 'a text file with the job description')
    .option('--from-url <url>', 'fill in the application from this job page (flags given explicitly win)')
    .option('--from-html <file>', 'fill in the application from a saved job page')
    .action(async (opts: CommonFlags & Record<string, string | string[] | undefined>) => {
      // Job-page reading (an HTML parser and the fetcher) is loaded only by `add`.
      const { withJobPage } = await import('./job-page-import.ts');
      await withWorkspace(opts, async (ctx) => {
        const { fetchLocalAddresses } = await getSettings(ctx);
        const input = parseInput(
          createApplicationSchema,
          await withJobPage(
            opts,
            {
              company: opts.company,
              role: opts.role,
              channel: opts.channel,
              kind: kindFlag(typeof opts.kind === 'string' ? opts.kind : undefined),
              stage: opts.stage,
              appliedOn: opts.appliedOn,
              jobUrl: opts.url,
              website: opts.website,
              location: opts.location,
              tags: opts.tag,
              jobDescription:
                typeof opts.jdFile === 'string' ? readTextFile(opts.jdFile, '--jd-file') : undefined,
            },
            fetchLocalAddresses,
          ),
          'arguments',
        );
        const detail = await createApplication(ctx, input);
        if (!opts.json) console.log(`Added ${detail.company} — ${detail.role} (id ${detail.id}).`);
        else printJson(presentApplicationDetail(detail, await presentCtx(ctx)));
      });
    });

  eventCommand(
    program,
    'move',
    'move an application to a stage (moving back keeps how far it got)',
    ([stage], o) => ({ type: 'stage_changed', stage, occurredOn: o.on }),
    (c) =>
      c
        .argument('<stage>', 'saved | applied | screening | interviewing | offer | accepted')
        .option('--on <date>', 'YYYY-MM-DD'),
  );

  // Closing an application: the same flags for each outcome.
  const OUTCOME_COMMANDS = [
    [
      'reject',
      'rejected',
      'mark an application rejected by the employer (how far it got is kept)',
      'the reason, if one was given',
    ],
    ['withdraw', 'withdrawn', 'mark an application withdrawn (your own step away)', 'why'],
    ['decline', 'declined', 'decline an offer', 'why'],
    ['ghosted', 'ghosted', 'confirm that the employer never replied', null],
  ] as const;
  for (const [name, outcome, description, reasonHelp] of OUTCOME_COMMANDS) {
    eventCommand(
      program,
      name,
      description,
      (_a, o) => ({
        type: 'outcome_set',
        outcome,
        ...(reasonHelp ? { reason: o.reason } : {}),
        occurredOn: o.on,
      }),
      (c) => {
        const withDate = c.option('--on <date>', 'YYYY-MM-DD');
        return reasonHelp ? withDate.option('--reason <text>', reasonHelp) : withDate;
      },
    );
  }
  eventCommand(
    program,
    'reopen',
    'reopen a closed application (they came back!)',
    (_a, o) => ({ type: 'reopened', occurredOn: o.on }),
    (c) => c.option('--on <date>', 'YYYY-MM-DD'),
  );
  eventCommand(
    program,
    'undo',
    'undo the latest stage move or outcome',
    (_a, o) => ({ type: 'undo', eventId: o.event }),
    (c) => c.option('--event <eventId>', 'a specific event to undo'),
  );
  const note = eventCommand(
    program,
    'note',
    'add a note to the history (change one: rebound note edit|delete)',
    ([text], o) => ({ type: 'note', text, occurredOn: o.on }),
    (c) => c.argument('<text>', 'the note').option('--on <date>', 'YYYY-MM-DD'),
  );
  note
    .command('edit')
    .description('rewrite a note (the history keeps the earlier text)')
    .argument('<id>', 'application id or its company')
    .argument('<note>', 'note id, as shown by rebound show')
    .argument('<text>', 'the new text')
    .action(async (id: string, eventId: string, text: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      const input = parseInput(noteUpdateSchema, { text }, 'arguments');
      await withApplication(opts, id, async (ctx, app) =>
        printDetail(ctx, app, opts, await updateNote(ctx, app, eventId, input)),
      );
    });
  note
    .command('delete')
    .description('delete a note (the history keeps its text)')
    .argument('<id>', 'application id or its company')
    .argument('<note>', 'note id, as shown by rebound show')
    .action(async (id: string, eventId: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      await withApplication(opts, id, async (ctx, app) =>
        printDetail(ctx, app, opts, await deleteNote(ctx, app, eventId)),
      );
    });
  eventCommand(
    program,
    'reply',
    'record that the employer replied',
    (_a, o) => ({ type: 'response', summary: o.summary, occurredOn: o.on }),
    (c) => c.option('--summary <text>', 'what they said').option('--on <date>', 'YYYY-MM-DD'),
  );

  registerRoundCommands(program);

  common(program.command('sample').description('load sample applications to look around, or remove them'))
    .option('--remove', 'remove the sample applications (your own are not touched)')
    .action(async (opts: CommonFlags & { remove?: boolean }) => {
      await withWorkspace(opts, async (ctx) => {
        if (opts.remove) {
          const { removed } = await removeSampleData(ctx);
          if (opts.json) return printJson({ removed });
          console.log(
            removed === 0 ? 'There is no sample data to remove.' : `Removed ${removed} sample applications.`,
          );
          return;
        }
        const { created } = await loadSampleData(ctx);
        if (opts.json) return printJson({ created });
        console.log(`Loaded ${created} sample applications. Remove them with: rebound sample --remove`);
      });
    });

  common(
    program
      .command('show')
      .description('show one application and its history')
      .argument('<id>', 'application id or its company'),
  ).action(async (id: string, opts: CommonFlags) =>
    withApplication(opts, id, (ctx, app) => printDetail(ctx, app, opts)),
  );

  common(program.command('list').description('list applications'))
    .option('--stage <stage>', 'only this stage')
    .option('--status <status>', 'open | closed | all', 'all')
    .option('--channel <channel>', 'only this channel')
    .option('--tag <tag>', 'only this tag')
    .option('--kind <type>', 'only this type of work: employment | contract | freelance | internship')
    .option('--search <text>', 'search company, role, notes, timeline notes, job description and people')
    .option('--limit <n>', 'at most this many', '1000')
    .action(async (opts: CommonFlags & Record<string, string>) => {
      const query = parseInput(
        listQuerySchema,
        {
          stage: opts.stage,
          status: opts.status,
          channel: opts.channel,
          tag: opts.tag,
          kind: kindFlag(opts.kind),
          q: opts.search,
          limit: opts.limit,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const { items, total } = await listApplications(ctx, query);
        const pc = await presentCtx(ctx);
        const shown = items.map((a) => presentApplication(a, pc));
        if (opts.json) return printJson({ items: shown, total });
        if (shown.length === 0) {
          // Say why the list is empty: nothing at all yet, or nothing that fits the filters.
          const everything =
            total > 0 ? total : (await listApplications(ctx, listQuerySchema.parse({ limit: 1 }))).total;
          if (everything === 0)
            return console.log(
              'No applications yet. Add one with: rebound add --company ACME --role "Engineer"',
            );
          if (query.status === 'open')
            return console.log(
              `No open applications: ${everything === 1 ? 'your one application is' : `all ${everything} are`} closed. See them with: rebound list --status closed`,
            );
          return console.log(`None of your ${everything} applications match these filters.`);
        }
        console.log(
          table([
            ['ID', 'COMPANY', 'ROLE', 'STAGE', 'OUTCOME', 'REACHED'],
            ...shown.map((a) => [
              a.id,
              a.company,
              a.role,
              a.stage,
              a.outcome ?? (a.likelyGhosted ? 'likely no reply' : ''),
              a.furthestStage,
            ]),
          ]),
        );
        if (total > shown.length) console.log(`… ${total - shown.length} more (use --limit)`);
      });
    });
}
