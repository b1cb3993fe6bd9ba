import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import {
  feedbackContactSchema,
  feedbackPatchSchema,
  postMortemInputSchema,
  rejectionInputSchema,
} from '../../core/recovery/input.ts';
import { parseInput } from '../../core/validation.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import type { ServiceContext } from '../../services/context.ts';
import { presentApplicationDetail } from '../../services/presenters.ts';
import {
  feedbackEml,
  getFeedbackRequestOrThrow,
  setFeedbackContact,
  updateFeedbackRequest,
} from '../../services/recovery/feedback.ts';
import { getPostMortem, savePostMortem } from '../../services/recovery/post-mortem.ts';
import { presentFeedbackRequest, presentRejection } from '../../services/recovery/presenters.ts';
import {
  getApplicationRejectionOrThrow,
  logRejection,
  type RejectionDetail,
} from '../../services/recovery/rejections.ts';
import { getSettings } from '../../services/settings.ts';
import { type CommonFlags, common, printJson, withApplication } from '../io.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function whenText(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The kind words printed after a rejection is logged: the pause, and what comes after it. */
export function pauseLine(r: RejectionDetail, timeZone: string): string {
  const next = r.feedbackRequest
    ? `After that, Today will have a short feedback email drafted for you (rebound feedback draft ${r.applicationId}) and a few minutes of looking back.`
    : 'After that, Today will show what comes next.';
  if (r.coolOffHours === null)
    return `Logged. You chose to skip the pause, which is fine. ${next.replace('After that, ', '')}`;
  return `Logged. A "no" is one event, not a verdict. Take a breather: nothing needs doing until ${whenText(r.coolOffEndsAt, timeZone)}. ${next}`;
}

/** A feedback request by its own id, or the latest one of an application. */
async function resolveFeedback(ctx: ServiceContext, id: string) {
  try {
    return await getFeedbackRequestOrThrow(ctx, id);
  } catch (error) {
    if (!(error instanceof ReboundError) || error.code !== 'feedback_request_not_found') throw error;
    const rejection = await getApplicationRejectionOrThrow(ctx, id).catch(() => undefined);
    if (!rejection?.feedbackRequest) {
      throw new ReboundError(
        'feedback_request_not_found',
        `No feedback request for ${id} (use an application id or a feedback request id).`,
        [{ path: 'id', message: 'not found' }],
      );
    }
    return getFeedbackRequestOrThrow(ctx, rejection.feedbackRequest.id);
  }
}

function parseThemes(values: string[] | undefined) {
  return (values ?? []).map((v) => {
    const [theme, ...rest] = v.split(':');
    return rest.length > 0 ? { theme, name: rest.join(':') } : { theme };
  });
}

function registerReject(program: Command): void {
  const reject = program.commands.find((c) => c.name() === 'reject');
  if (!reject) return;
  reject
    .option('--via <channel>', 'how the news came: email | call | portal | none')
    .option('--tag <key>', 'a reason tag (repeatable), e.g. experience_level', collect)
    .option('--cool-off <hours>', 'your pause: 24 to 72 hours, or "skip" (default 48)')
    .action(
      async (
        id: string,
        opts: CommonFlags & { on?: string; reason?: string; via?: string; tag?: string[]; coolOff?: string },
      ) => {
        const coolOff =
          opts.coolOff === undefined ? undefined : opts.coolOff === 'skip' ? 'skip' : Number(opts.coolOff);
        const input = parseInput(
          rejectionInputSchema,
          {
            applicationId: id,
            channel: opts.via,
            reasonGiven: opts.reason,
            reasonTags: opts.tag,
            coolOffHours: coolOff,
            occurredOn: opts.on,
          },
          'arguments',
        );
        await withApplication(opts, id, async (ctx, id) => {
          const rejection = await logRejection(ctx, { ...input, applicationId: id });
          if (opts.json) {
            const settings = await getSettings(ctx);
            const detail = presentApplicationDetail(await getApplicationOrThrow(ctx, id), {
              today: localDate(ctx.clock.now(), ctx.timeZone),
              ghostAfterDays: settings.ghostAfterDays,
            });
            return printJson({ ...detail, rejection: presentRejection(rejection) });
          }
          console.log(
            `${rejection.company} — ${rejection.role} · Rejected (reached: ${rejection.stageReached})`,
          );
          console.log(pauseLine(rejection, ctx.timeZone));
        });
      },
    );
}

export function registerRecoveryCommands(program: Command): void {
  registerReject(program);
  const feedback = program
    .command('feedback')
    .description('the feedback request after a rejection: draft, sent, answered');

  common(
    feedback
      .command('draft')
      .description('show the drafted feedback email')
      .argument('<id>', 'application id, its company, or a feedback request id'),
  )
    .option('--eml <file>', 'also write it as an .eml file to open in your mail program')
    .option('--contact <contact-id>', 'address it to this contact (while it is still a draft)')
    .option('--no-contact', 'address it to no one yet (while it is still a draft)')
    .action(async (id: string, opts: CommonFlags & { eml?: string; contact?: string | false }) => {
      const chosen =
        opts.contact === undefined
          ? undefined
          : parseInput(
              feedbackContactSchema,
              { contactId: opts.contact === false ? null : opts.contact },
              'arguments',
            ).contactId;
      return withApplication(opts, id, async (ctx, id) => {
        let f = await resolveFeedback(ctx, id);
        if (chosen !== undefined) f = await setFeedbackContact(ctx, f.id, chosen);
        if (opts.eml) writeFileSync(opts.eml, (await feedbackEml(ctx, f.id)).text);
        if (opts.json) return printJson(presentFeedbackRequest(f));
        console.log(
          `To: ${f.draft.to ? `${f.draft.toName ?? ''} <${f.draft.to}>`.trim() : '(add a contact, or fill in the address yourself)'}`,
        );
        if (f.automaticSender)
          console.log(
            `Note: the "no" came from ${f.automaticSender}, which nobody reads. Ask the recruiter or an interviewer instead (rebound contacts people ${f.applicationId}).`,
          );
        console.log(`Subject: ${f.draft.subject}\n\n${f.draft.body}\n`);
        console.log(`State: ${f.state} · best sent by ${whenText(f.dueAt, ctx.timeZone)}`);
        if (opts.eml)
          console.log(`Saved ${opts.eml}. Open it in your mail program, check it, and send it when ready.`);
      });
    });

  const transition = (
    name: string,
    description: string,
    build: (opts: Record<string, unknown>) => unknown,
    extra?: (c: Command) => Command,
  ) => {
    let cmd = common(
      feedback
        .command(name)
        .description(description)
        .argument('<id>', 'application id, its company, or a feedback request id'),
    );
    if (extra) cmd = extra(cmd);
    cmd.action(async (id: string, opts: CommonFlags & Record<string, unknown>) => {
      const patch = parseInput(feedbackPatchSchema, build(opts), 'arguments');
      await withApplication(opts, id, async (ctx, id) => {
        const f = await updateFeedbackRequest(ctx, (await resolveFeedback(ctx, id)).id, patch);
        if (opts.json) return printJson(presentFeedbackRequest(f));
        const follow =
          f.state === 'sent' && f.followUpDueAt
            ? ` If they have not answered by ${whenText(f.followUpDueAt, ctx.timeZone)}, Today will suggest one gentle check-in.`
            : '';
        console.log(`Feedback request for ${f.company}: ${f.state.replace('_', ' ')}.${follow}`);
      });
    });
  };
  transition(
    'sent',
    'mark the feedback request as sent',
    (o) => ({ state: 'sent', sentAt: o.at }),
    (c) => c.option('--at <datetime>', 'when you sent it (ISO date-time)'),
  );
  transition(
    'answered',
    'store their answer word for word',
    (o) => ({
      state: 'answered',
      answer: typeof o.file === 'string' ? readFileSync(o.file, 'utf8') : o.text,
      themes: parseThemes(o.theme as string[] | undefined),
    }),
    (c) =>
      c
        .option('--text <answer>', 'their answer')
        .option('--file <file>', 'read their answer from a file')
        .option(
          '--theme <theme>',
          'a theme (repeatable): experience_level, skill:SQL, communication, …',
          collect,
        ),
  );
  transition('no-reply', 'they did not answer; let it go', () => ({ state: 'no_reply' }));
  transition('declined', 'they could not share feedback', () => ({ state: 'declined' }));

  common(
    program
      .command('postmortem')
      .description('look back on an application; weak steps become action items')
      .argument('<id>', 'application id or its company'),
  )
    .option('--rate <key=rating>', 'rate a step: KEY=well|so_so|weak (repeatable)', collect)
    .option('--note <key=text>', 'a note for a step (repeatable)', collect)
    .action(async (id: string, opts: CommonFlags & { rate?: string[]; note?: string[] }) =>
      withApplication(opts, id, async (ctx, id) => {
        let view: Awaited<ReturnType<typeof getPostMortem>>;
        if (opts.rate && opts.rate.length > 0) {
          const notes = new Map(
            (opts.note ?? []).map((n) => [n.split('=')[0], n.split('=').slice(1).join('=')]),
          );
          const items = opts.rate.map((r) => {
            const [key, rating] = r.split('=');
            return { key, rating, note: notes.get(key ?? '') };
          });
          view = await savePostMortem(ctx, id, parseInput(postMortemInputSchema, { items }, 'arguments'));
        } else {
          view = await getPostMortem(ctx, id);
        }
        if (opts.json) return printJson(view);
        console.log(`Looking back: ${view.role} at ${view.company} (reached ${view.furthestStage})`);
        for (const item of view.items)
          console.log(`  ${item.key.padEnd(16)} ${(item.rating ?? '·').padEnd(6)} ${item.title}`);
        const open = view.actionItems.filter((a) => a.status === 'open');
        if (open.length > 0) {
          console.log('\nNext steps:');
          for (const a of open) console.log(`  ${a.dueOn}  ${a.text}`);
        } else if (!opts.rate) {
          console.log(
            '\nRate a step with --rate KEY=well|so_so|weak. Weak ones become small, dated next steps.',
          );
        }
      }),
    );
}
