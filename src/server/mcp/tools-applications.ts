import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { OUTCOMES, STAGES } from '../../core/applications/application.ts';
import {
  createApplicationSchema,
  eventInputSchema,
  isoDate,
  LIMITS,
  listQuerySchema,
  roundInputSchema,
} from '../../core/applications/input.ts';
import { applicationDetailSchema, applicationListSchema } from '../../core/applications/schemas.ts';
import { rejectionInputSchema } from '../../core/recovery/input.ts';
import { rejectionSchema } from '../../core/recovery/schemas.ts';
import { addRound } from '../../services/application-rounds.ts';
import {
  addEvent,
  createApplication,
  getApplicationOrThrow,
  listApplications,
} from '../../services/applications.ts';
import { presentApplication, presentApplicationDetail } from '../../services/presenters.ts';
import { presentRejection } from '../../services/recovery/presenters.ts';
import { logRejection } from '../../services/recovery/rejections.ts';
import { applicationExtras } from '../../services/referrals/people.ts';
import { answer, idArg, type McpEnv, run } from './env.ts';

const READ = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;
const WRITE = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
} as const;

/** One application with its history, as `GET /api/v1/applications/:id` answers. */
export async function applicationWithHistory(env: McpEnv, id: string) {
  const detail = await getApplicationOrThrow(env.ctx, id);
  const { peopleYouKnow, responseWait } = await applicationExtras(env.ctx, detail);
  return { ...presentApplicationDetail(detail, env.present()), peopleYouKnow, responseWait };
}

/** Applications: search, read one with its history, add, move, close and write into the history. */
export function registerApplicationTools(server: McpServer, env: McpEnv): void {
  server.registerTool(
    'search_applications',
    {
      title: 'Search and list applications',
      description:
        'Lists applications (one page, newest change first by default). Filter by status (open, closed, all), stage, channel, outcome, kind or tag; `q` searches company, role, notes and the names of linked contacts. Reads only.',
      inputSchema: listQuerySchema,
      annotations: READ,
    },
    (query) =>
      run(async () => {
        const { items, total } = await listApplications(env.ctx, query);
        return answer(applicationListSchema, {
          items: items.map((a) => presentApplication(a, env.present())),
          total,
          limit: query.limit,
          offset: query.offset,
        });
      }),
  );

  server.registerTool(
    'get_application',
    {
      title: 'One application with its history',
      description:
        'One application by id: its fields, its full history (events, oldest first), its interview rounds, the people you know at the company and how long their silence is against your usual reply times. Reads only.',
      inputSchema: { id: idArg },
      annotations: READ,
    },
    ({ id }) => run(async () => answer(applicationDetailSchema, await applicationWithHistory(env, id))),
  );

  server.registerTool(
    'add_application',
    {
      title: 'Add an application',
      description:
        'Creates one new application (company and role required; stage defaults to "saved") and returns it with its history. Changes nothing else.',
      inputSchema: createApplicationSchema,
      annotations: WRITE,
    },
    (input) =>
      run(async () =>
        answer(
          applicationDetailSchema,
          presentApplicationDetail(await createApplication(env.ctx, input), env.present()),
        ),
      ),
  );

  server.registerTool(
    'move_stage',
    {
      title: 'Move an application to a stage',
      description:
        'Sets the stage of one application and appends a "stage changed" event to its history (dated `occurredOn`, default today). Moving back keeps how far it got. Returns the changed application.',
      inputSchema: { id: idArg, stage: z.enum(STAGES), occurredOn: isoDate.optional() },
      annotations: WRITE,
    },
    ({ id, ...rest }) =>
      run(async () => {
        const event = eventInputSchema.parse({ type: 'stage_changed', ...rest });
        return answer(
          applicationDetailSchema,
          presentApplicationDetail(await addEvent(env.ctx, id, event), env.present()),
        );
      }),
  );

  server.registerTool(
    'record_rejection',
    {
      title: 'Record a rejection',
      description:
        'Closes one application as rejected by the employer (how far it got is kept), appends the outcome to its history, and starts the recovery loop: a pause (coolOffHours, default from settings), a drafted feedback request and a look back. Returns the rejection record.',
      inputSchema: rejectionInputSchema,
      annotations: WRITE,
    },
    (input) => run(async () => answer(rejectionSchema, presentRejection(await logRejection(env.ctx, input)))),
  );

  server.registerTool(
    'record_outcome',
    {
      title: 'Record an outcome (withdrawn, declined, ghosted, rejected)',
      description:
        'Closes one application with an outcome and appends it to its history, with an optional reason. For a rejection with the recovery loop, use record_rejection. Returns the changed application.',
      inputSchema: {
        id: idArg,
        outcome: z.enum(OUTCOMES),
        reason: z.string().trim().max(LIMITS.reason).optional(),
        occurredOn: isoDate.optional(),
      },
      annotations: WRITE,
    },
    ({ id, ...rest }) =>
      run(async () => {
        const event = eventInputSchema.parse({ type: 'outcome_set', ...rest });
        return answer(
          applicationDetailSchema,
          presentApplicationDetail(await addEvent(env.ctx, id, event), env.present()),
        );
      }),
  );

  server.registerTool(
    'add_note',
    {
      title: 'Add a note to an application’s history',
      description: 'Appends one note event to one application’s history. Returns the changed application.',
      inputSchema: {
        id: idArg,
        text: z.string().trim().min(1).max(LIMITS.notes),
        occurredOn: isoDate.optional(),
      },
      annotations: WRITE,
    },
    ({ id, ...rest }) =>
      run(async () => {
        const event = eventInputSchema.parse({ type: 'note', ...rest });
        return answer(
          applicationDetailSchema,
          presentApplicationDetail(await addEvent(env.ctx, id, event), env.present()),
        );
      }),
  );

  server.registerTool(
    'add_round',
    {
      title: 'Record an interview round',
      description:
        'Adds one interview round (kind, optional date, start time HH:MM in your time zone, length, who, notes) to one application and notes it in its history. Returns the changed application.',
      inputSchema: { id: idArg, ...roundInputSchema.shape },
      annotations: WRITE,
    },
    ({ id, ...rest }) =>
      run(async () => {
        const round = roundInputSchema.parse(rest);
        return answer(
          applicationDetailSchema,
          presentApplicationDetail(await addRound(env.ctx, id, round), env.present()),
        );
      }),
  );
}
