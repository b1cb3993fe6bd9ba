import type { InterviewRound, RoundFacts, Stage } from '../core/applications/application.ts';
import { roundFacts, stageIndex } from '../core/applications/application.ts';
import { deriveState } from '../core/applications/history.ts';
import type { RoundInput, RoundUpdate } from '../core/applications/input.ts';
import { ReboundError } from '../core/errors.ts';
import * as repo from '../store/applications-repository.ts';
import * as eventsRepo from '../store/events-repository.ts';
import {
  type ApplicationDetail,
  appendEvents,
  getApplicationOrThrow,
  type NewEvent,
  notFound,
} from './applications.ts';
import { newId, nowIso, type ServiceContext, today } from './context.ts';

/**
 * Records an interview round. A round on an open application that has not reached
 * interviewing moves it there (screening for a phone round), as an explicit event.
 */
export async function addRound(
  ctx: ServiceContext,
  id: string,
  input: RoundInput,
): Promise<ApplicationDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const app = await repo.findApplication(trx, ctx.workspaceId, id);
    if (!app) throw notFound(id);
    const [events, rounds] = await Promise.all([
      eventsRepo.listEvents(trx, ctx.workspaceId, id),
      eventsRepo.listRounds(trx, ctx.workspaceId, id),
    ]);
    const round: InterviewRound = {
      id: newId(),
      applicationId: id,
      number: rounds.reduce((m, r) => Math.max(m, r.number), 0) + 1,
      kind: input.kind,
      scheduledAt: input.scheduledAt ?? null,
      startTime: input.startTime ?? null,
      durationMinutes: input.durationMinutes ?? null,
      who: input.who ?? null,
      notes: input.notes ?? null,
      createdAt: nowIso(ctx),
    };
    await eventsRepo.insertRounds(trx, ctx.workspaceId, [round]);
    const day = today(ctx);
    const roundDay = round.scheduledAt ? round.scheduledAt.slice(0, 10) : day;
    const occurredOn = roundDay < day ? roundDay : day;
    const state = deriveState(events);
    const planned: NewEvent[] = [];
    const target: Stage = input.kind === 'phone' ? 'screening' : 'interviewing';
    if (state.outcome === null && stageIndex(state.stage) < stageIndex(target)) {
      planned.push({ type: 'stage_changed', occurredOn, data: { from: state.stage, to: target } });
    }
    planned.push({
      type: 'round_added',
      occurredOn,
      data: { roundId: round.id, number: round.number, kind: round.kind },
    });
    await appendEvents(trx, ctx, id, events, planned);
  });
  return getApplicationOrThrow(ctx, id);
}

async function loadRound(trx: ServiceContext['db'], ctx: ServiceContext, id: string, roundId: string) {
  const app = await repo.findApplication(trx, ctx.workspaceId, id);
  if (!app) throw notFound(id);
  const [events, rounds] = await Promise.all([
    eventsRepo.listEvents(trx, ctx.workspaceId, id),
    eventsRepo.listRounds(trx, ctx.workspaceId, id),
  ]);
  const round = rounds.find((r) => r.id === roundId);
  if (!round) {
    throw new ReboundError('round_not_found', `No round with id ${roundId} on this application.`, [
      { path: 'roundId', message: 'not found' },
    ]);
  }
  return { events, round };
}

/**
 * Changes an interview round. The history gets a `round_edited` event holding the round before
 * and after, so the earlier version is never silently lost.
 */
export async function updateRound(
  ctx: ServiceContext,
  id: string,
  roundId: string,
  input: RoundUpdate,
): Promise<ApplicationDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const { events, round } = await loadRound(trx, ctx, id, roundId);
    const before = roundFacts(round);
    const after: RoundFacts = { ...before };
    for (const key of Object.keys(input) as Array<keyof RoundUpdate>) {
      if (input[key] !== undefined) (after as unknown as Record<string, unknown>)[key] = input[key] ?? null;
    }
    if (after.startTime && !after.scheduledAt) {
      throw new ReboundError('invalid_input', 'startTime: a start time needs a date', [
        { path: 'startTime', message: 'a start time needs a date' },
      ]);
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await eventsRepo.updateRound(trx, ctx.workspaceId, { ...round, ...after });
    await appendEvents(trx, ctx, id, events, [
      {
        type: 'round_edited',
        occurredOn: today(ctx),
        data: { roundId, number: round.number, before, after },
      },
    ]);
  });
  return getApplicationOrThrow(ctx, id);
}

/**
 * Takes a round out (entered twice, or it never happened). What it said stays in the history as
 * a `round_deleted` event; it no longer counts as a reply, and the post-mortem no longer asks
 * about it. Stage moves the round made stay: undo them separately if they were wrong too.
 */
export async function deleteRound(
  ctx: ServiceContext,
  id: string,
  roundId: string,
): Promise<ApplicationDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const { events, round } = await loadRound(trx, ctx, id, roundId);
    await eventsRepo.deleteRound(trx, ctx.workspaceId, roundId);
    await appendEvents(trx, ctx, id, events, [
      {
        type: 'round_deleted',
        occurredOn: today(ctx),
        data: { roundId, number: round.number, round: roundFacts(round) },
      },
    ]);
  });
  return getApplicationOrThrow(ctx, id);
}
