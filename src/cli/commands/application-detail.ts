import {
  APPLICATION_KIND_LABELS,
  type ApplicationEvent,
  OUTCOME_LABELS,
  ROUND_KIND_LABELS,
  STAGE_LABELS,
} from '../../core/applications/application.ts';
import { describeEvent } from '../../core/applications/describe.ts';
import { localDate } from '../../core/dates.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type presentApplication, presentApplicationDetail } from '../../services/presenters.ts';
import { applicationExtras } from '../../services/referrals/people.ts';
import { getSettings } from '../../services/settings.ts';
import { type CommonFlags, printJson } from '../io.ts';
import { referralLines } from '../referral-lines.ts';

/** What the presenters need to know: today in the workspace's time zone and when silence means no reply. */
export async function presentCtx(ctx: ServiceContext) {
  const settings = await getSettings(ctx);
  return { today: localDate(ctx.clock.now(), ctx.timeZone), ghostAfterDays: settings.ghostAfterDays };
}

/** One line about an application for people. */
export function describe(app: ReturnType<typeof presentApplication>): string {
  const closed = app.outcome ? ` · ${OUTCOME_LABELS[app.outcome]} (reached: ${app.furthestStage})` : '';
  return `${app.company} — ${app.role} · ${STAGE_LABELS[app.stage]}${closed}`;
}

/** `rebound show`: an application, its history, rounds and the people you know there (or its JSON). */
export async function printDetail(
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
  for (const line of historyLines(shown.events, shown.rounds)) console.log(line);
  if (shown.rounds.length > 0) console.log('Rounds:');
  for (const r of shown.rounds) {
    const when = r.scheduledAt
      ? ` · ${r.scheduledAt.slice(0, 10)}${r.startTime ? ` ${r.startTime}` : ''}${r.durationMinutes ? ` (${r.durationMinutes} min)` : ''}`
      : '';
    console.log(`  ${r.number}. ${ROUND_KIND_LABELS[r.kind]}${when}${r.who ? ` · with ${r.who}` : ''}`);
  }
  for (const line of referralLines(shown.id, shown.responseWait, shown.peopleYouKnow)) console.log(line);
}

type ShownDetail = ReturnType<typeof presentApplicationDetail>;

/**
 * The history lines of `rebound show`, in the order things happened (by day, then as recorded:
 * a round entered later for an earlier day sits on its day). A round still to come was recorded
 * on the day it was added, so its line says when it takes place.
 */
export function historyLines(
  events: ShownDetail['events'],
  rounds: ReadonlyArray<Pick<ShownDetail['rounds'][number], 'id' | 'scheduledAt'>>,
): string[] {
  const roundDay = new Map(rounds.map((r) => [r.id, r.scheduledAt?.slice(0, 10) ?? null]));
  return events
    .filter((e) => !e.current?.deleted)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurredOn.localeCompare(b.e.occurredOn) || a.i - b.i)
    .map(({ e }) => {
      let text =
        e.type === 'note' && e.current
          ? `Note${e.current.edited ? ' (edited)' : ''}: ${e.current.text}  [note ${e.id}]`
          : describeEvent(e as unknown as ApplicationEvent);
      if (e.type === 'round_added') {
        const day = roundDay.get((e.data as { roundId: string }).roundId);
        if (day && day > e.occurredOn) text += `, scheduled for ${day}`;
      }
      return `  ${e.occurredOn}  ${e.undone ? '(undone) ' : ''}${text}`;
    });
}
