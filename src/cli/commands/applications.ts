import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  APPLICATION_KIND_LABELS,
  type ApplicationEvent,
  OUTCOME_LABELS,
  parseApplicationKind,
  ROUND_KIND_LABELS,
  STAGE_LABELS,
} from '../../core/applications/application.ts';
import { describeEvent } from '../../core/applications/describe.ts';
import {
  createApplicationSchema,
  type EventInput,
  eventInputSchema,
  listQuerySchema,
  noteUpdateSchema,
  roundInputSchema,
  roundUpdateSchema,
} from '../../core/applications/input.ts';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import {
  addEvent,
  addRound,
  createApplication,
  deleteNote,
  deleteRound,
  getApplicationOrThrow,
  listApplications,
  updateNote,
  updateRound,
} from '../../services/applications.ts';
import type { ServiceContext } from '../../services/context.ts';
import { presentApplication, presentApplicationDetail } from '../../services/presenters.ts';
import { applicationExtras } from '../../services/referrals/people.ts';
import { loadSampleData, removeSampleData } from '../../services/sample-data.ts';
import { getSettings } from '../../services/settings.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';
import { referralLines } from '../referral-lines.ts';

async function presentCtx(ctx: ServiceContext) {
  const settings = await getSettings(ctx);
  return { today: localDate(ctx.clock.now(), ctx.timeZone), ghostAfterDays: settings.ghostAfterDays };
}

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

/** One line about an application for people. */
function describe(app: ReturnType<typeof presentApplication>): string {
  const closed = app.outcome ? ` · ${OUTCOME_LABELS[app.outcome]} (reached: ${app.furthestStage})` : '';
  return `${app.company} — ${app.role} · ${STAGE_LABELS[app.stage]}${closed}`;
}

async function printDetail(
  ctx: ServiceContext,
  id: string,
  flags: CommonFlags,
  detail?: Awaited<ReturnType<typeof getApplicationOrThrow>>,
) {
  const app = detail ?? (await getApplicationOrThrow(ctx, id));
  const extras = await applicationExtras(ctx, app);
  const shown = { ...presentApplicationDetail(app, await presentCtx(ctx)), ...extras };
  if (flags.json) return printJson(shown);
  console.log(`${describe(shown)}\nid: ${shown.id}`);
  if (shown.kind !== 'job') console.log(`type of work: ${APPLICATION_KIND_LABELS[shown.kind]}`);
  for (const e of shown.events) {
    if (e.current?.deleted) continue;
    const text =
      e.type === 'note' && e.current
        ? `Note${e.current.edited ? ' (edited)' : ''}: ${e.current.text}  [note ${e.id}]`
        : describeEvent(e as unknown as ApplicationEvent);
    console.log(`  ${e.occurredOn}  ${e.undone ? '(undone) ' : ''}${text}`);
  }
  if (shown.rounds.length > 0) console.log('Rounds:');
  for (const r of shown.rounds) {
    const when = r.scheduledAt
      ? ` · ${r.scheduledAt.slice(0, 10)}${r.startTime ? ` ${r.startTime}` : ''}${r.durationMinutes ? ` (${r.durationMinutes} min)` : ''}`
      : '';
    console.log(`  ${r.number}. ${ROUND_KIND_LABELS[r.kind]}${when}${r.who ? ` · with ${r.who}` : ''}`);
  }
  for (const line of referralLines(shown.id, shown.responseWait, shown.peopleYouKnow)) console.log(line);
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

function minutesFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new ReboundError('invalid_input', `--minutes: "${value}" is not a whole number of minutes`, [
      { path: '--minutes', message: 'must be a whole number' },
    ]);
  }
  return Number(value);
}

/** A round by its number on the application (1, 2…) or by its id. */
async function resolveRoundId(ctx: ServiceContext, id: string, round: string): Promise<string> {
  const detail = await getApplicationOrThrow(ctx, id);
  const found = /^\d+$/.test(round)
    ? detail.rounds.find((r) => r.number === Number(round))
    : detail.rounds.find((r) => r.id === round);
  if (!found) {
    throw new ReboundError(
      'round_not_found',
      `No round ${round} on this application (see: rebound show ${id}).`,
      [{ path: 'round', message: 'not found' }],
    );
  }
  return found.id;
}

function eventCommand(
  program: Command,
  name: string,
  description: string,
  build: (args: string[], opts: Record<string, string>) => unknown,
  extra?: (cmd: Command) => Command,
): Command {
  let cmd = common(program.command(name).description(description).argument('<id>', 'application id'));
  if (extra) cmd = extra(cmd);
  cmd.action(async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const [id, ...args] = command.processedArgs as string[];
    const opts = command.opts<Record<string, string> & CommonFlags>();
    const input = parseInput(eventInputSchema, build(args, opts), 'arguments') as EventInput;
    await withWorkspace(opts, async (ctx) => printDetail(ctx, id!, opts, await addEvent(ctx, id!, input)));
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
      const { withJobPage } = await import('./imports.ts');
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
    .argument('<id>', 'application id')
    .argument('<note>', 'note id, as shown by rebound show')
    .argument('<text>', 'the new text')
    .action(async (id: string, eventId: string, text: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      const input = parseInput(noteUpdateSchema, { text }, 'arguments');
      await withWorkspace(opts, async (ctx) =>
        printDetail(ctx, id, opts, await updateNote(ctx, id, eventId, input)),
      );
    });
  note
    .command('delete')
    .description('delete a note (the history keeps its text)')
    .argument('<id>', 'application id')
    .argument('<note>', 'note id, as shown by rebound show')
    .action(async (id: string, eventId: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      await withWorkspace(opts, async (ctx) =>
        printDetail(ctx, id, opts, await deleteNote(ctx, id, eventId)),
      );
    });
  eventCommand(
    program,
    'reply',
    'record that the employer replied',
    (_a, o) => ({ type: 'response', summary: o.summary, occurredOn: o.on }),
    (c) => c.option('--summary <text>', 'what they said').option('--on <date>', 'YYYY-MM-DD'),
  );

  const round = common(
    program
      .command('round')
      .description('record an interview round (edit or delete one: rebound round edit|delete)')
      .argument('[id]', 'application id'),
  )
    .option('--kind <kind>', 'phone | technical | behavioural | take_home | onsite | panel | final')
    .option('--on <date>', 'YYYY-MM-DD (or an ISO date-time)')
    .option('--at <time>', 'start time HH:MM, in your time zone')
    .option('--minutes <n>', 'how long it lasts, in minutes')
    .option('--who <names>', 'who you met')
    .option('--notes <text>', 'notes about the round')
    .action(async (id: string | undefined, opts: CommonFlags & Record<string, string | undefined>) => {
      if (!id) {
        throw new ReboundError(
          'invalid_input',
          'id: give the application id (rebound round ID --kind phone)',
          [{ path: 'id', message: 'required' }],
        );
      }
      const input = parseInput(
        roundInputSchema,
        {
          kind: opts.kind,
          scheduledAt: opts.on,
          startTime: opts.at,
          durationMinutes: minutesFlag(opts.minutes),
          who: opts.who,
          notes: opts.notes,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => printDetail(ctx, id, opts, await addRound(ctx, id, input)));
    });
  // The parent command reads the flags (commander gives them to it); the subcommands use them too.
  round
    .command('edit')
    .description('change a round: only the flags given change (the history keeps the earlier version)')
    .argument('<id>', 'application id')
    .argument('<round>', 'round number (1, 2…) or round id')
    .action(async (id: string, which: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags & Record<string, string | undefined>>();
      const input = parseInput(
        roundUpdateSchema,
        {
          kind: opts.kind,
          scheduledAt: opts.on,
          startTime: opts.at,
          durationMinutes: minutesFlag(opts.minutes),
          who: opts.who,
          notes: opts.notes,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) =>
        printDetail(ctx, id, opts, await updateRound(ctx, id, await resolveRoundId(ctx, id, which), input)),
      );
    });
  round
    .command('delete')
    .description('delete a round entered by mistake (the history keeps what it said)')
    .argument('<id>', 'application id')
    .argument('<round>', 'round number (1, 2…) or round id')
    .action(async (id: string, which: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      await withWorkspace(opts, async (ctx) =>
        printDetail(ctx, id, opts, await deleteRound(ctx, id, await resolveRoundId(ctx, id, which))),
      );
    });

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
      .argument('<id>', 'application id'),
  ).action(async (id: string, opts: CommonFlags) => withWorkspace(opts, (ctx) => printDetail(ctx, id, opts)));

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
