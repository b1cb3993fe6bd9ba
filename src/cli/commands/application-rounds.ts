import type { Command } from 'commander';
import { roundInputSchema, roundUpdateSchema } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import { addRound, deleteRound, updateRound } from '../../services/application-rounds.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type CommonFlags, common, withApplication } from '../io.ts';
import { printDetail } from './application-detail.ts';

function minutesFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new ReboundError('invalid_input', `--minutes: "${value}" is not a whole number of minutes`, [
      { path: '--minutes', message: 'must be a whole number' },
    ]);
  }
  return Number(value);
}

/** The round's flags as the round schemas read them (`round` and `round edit` take the same ones). */
function roundFlags(opts: Record<string, string | undefined>) {
  return {
    kind: opts.kind,
    scheduledAt: opts.on,
    startTime: opts.at,
    durationMinutes: minutesFlag(opts.minutes),
    who: opts.who,
    notes: opts.notes,
  };
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

/** `rebound round ID`, `rebound round edit ID ROUND`, `rebound round delete ID ROUND`. */
export function registerRoundCommands(program: Command): void {
  const round = common(
    program
      .command('round')
      .description('record an interview round (edit or delete one: rebound round edit|delete)')
      .argument('[id]', 'application id or its company'),
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
      const input = parseInput(roundInputSchema, roundFlags(opts), 'arguments');
      await withApplication(opts, id, async (ctx, app) =>
        printDetail(ctx, app, opts, await addRound(ctx, app, input)),
      );
    });
  // The parent command reads the flags (commander gives them to it); the subcommands use them too.
  round
    .command('edit')
    .description('change a round: only the flags given change (the history keeps the earlier version)')
    .argument('<id>', 'application id or its company')
    .argument('<round>', 'round number (1, 2…) or round id')
    .action(async (id: string, which: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags & Record<string, string | undefined>>();
      const input = parseInput(roundUpdateSchema, roundFlags(opts), 'arguments');
      await withApplication(opts, id, async (ctx, app) =>
        printDetail(
          ctx,
          app,
          opts,
          await updateRound(ctx, app, await resolveRoundId(ctx, app, which), input),
        ),
      );
    });
  round
    .command('delete')
    .description('delete a round entered by mistake (the history keeps what it said)')
    .argument('<id>', 'application id or its company')
    .argument('<round>', 'round number (1, 2…) or round id')
    .action(async (id: string, which: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<CommonFlags>();
      await withApplication(opts, id, async (ctx, app) =>
        printDetail(ctx, app, opts, await deleteRound(ctx, app, await resolveRoundId(ctx, app, which))),
      );
    });
}
