import type { Command } from 'commander';
import { CHANNEL_LABELS, type Channel } from '../../core/applications/application.ts';
import { settingsSchema } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { MAX_IMPORT_BYTES } from '../../core/import/input.ts';
import { referralAskInputSchema } from '../../core/referrals/input.ts';
import type { ConnectionsImportReport, ResponseTimesView } from '../../core/referrals/schemas.ts';
import { parseInput } from '../../core/validation.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import { setReferralAsk } from '../../services/referrals/asks.ts';
import { importConnections } from '../../services/referrals/connections-import.ts';
import { peopleByApplication, peopleYouKnowFor } from '../../services/referrals/people.ts';
import { getResponseTimes } from '../../services/referrals/response-times.ts';
import { updateSettings } from '../../services/settings.ts';
import { progressLine, readFileWithin } from '../import-files.ts';
import { type CommonFlags, common, printJson, table, withApplication, withWorkspace } from '../io.ts';

function printImport(r: ConnectionsImportReport): void {
  console.log(
    `${r.filename}: ${r.rows} people read: ${r.created} added as connections, ${r.merged} you already had (now marked as connections).`,
  );
  if (r.repeatedInFile.length > 0)
    console.log(
      `  ${r.repeatedInFile.length} line(s) repeated someone earlier in the file: ${r.repeatedInFile.join(', ')}`,
    );
  for (const s of r.skipped) console.log(`  skipped line ${s.line}: ${s.message}`);
  console.log(
    r.applicationsWithPeople === 0
      ? 'You know no one yet at the companies of your saved or open applications.'
      : `You know someone at ${r.applicationsWithPeople} of your saved or open applications: see rebound referrals`,
  );
}

const days = (v: number | null) => (v === null ? '–' : String(v));

function printResponseTimes(t: ResponseTimesView): void {
  console.log(t.summary);
  const rows = [['', 'first answer: n', 'median', 'middle half', 'decision: n', 'median', 'middle half']];
  const range = (s: ResponseTimesView['firstResponse']) =>
    s.n === 0 ? '–' : s.fewAnswers ? `${s.minDays}–${s.maxDays} (range, few)` : `${s.p25Days}–${s.p75Days}`;
  for (const g of [
    { by: 'channel', key: 'all', firstResponse: t.firstResponse, decision: t.decision },
    ...t.groups,
  ]) {
    const name =
      g.key === 'all' ? 'All' : g.by === 'channel' ? CHANNEL_LABELS[g.key as Channel] : `${g.by}: ${g.key}`;
    rows.push([
      name,
      String(g.firstResponse.n),
      days(g.firstResponse.medianDays),
      range(g.firstResponse),
      String(g.decision.n),
      days(g.decision.medianDays),
      range(g.decision),
    ]);
  }
  console.log(table(rows));
  if (t.noticeDays === null) console.log('No notice rule set (rebound response-times --notice-days N).');
  else {
    console.log(`Notice rule: an answer within ${t.noticeDays} days of an interview.`);
    for (const p of t.pastNotice)
      console.log(
        `  past it: ${p.company} — ${p.role}: ${p.silentDays} days since ${p.interviewOn}  [${p.applicationId}]`,
      );
  }
}

function noticeFlag(value: string): number | null {
  if (value === 'off') return null;
  if (!/^\d+$/.test(value))
    throw new ReboundError(
      'invalid_input',
      `--notice-days: "${value}" is not a whole number of days (or "off")`,
      [{ path: '--notice-days', message: 'a number of days, or off' }],
    );
  return Number(value);
}

export function registerReferralCommands(program: Command): void {
  const importCommand = program.commands.find((c) => c.name() === 'import');
  if (importCommand) {
    common(
      importCommand
        .command('connections')
        .description('import a connections export (LinkedIn Connections.csv, or a contacts CSV) as contacts')
        .argument('<file>', 'the CSV file'),
    )
      .option('--skip-invalid', 'import the readable lines and skip the rest (default: all or nothing)')
      .action(async (file: string, _opts: unknown, cmd: Command) => {
        // `import` has --db, --json and --skip-invalid of its own; commander gives them to it.
        const opts = cmd.optsWithGlobals<CommonFlags & { skipInvalid?: boolean }>();
        const bytes = readFileWithin(file, MAX_IMPORT_BYTES);
        await withWorkspace(opts, async (ctx) => {
          const progress = progressLine('people');
          const report = await importConnections(ctx, bytes, file.split(/[\\/]/).pop() ?? file, {
            skipInvalid: Boolean(opts.skipInvalid),
            skipHint: 'import the readable lines with --skip-invalid',
            onProgress: opts.json ? undefined : progress,
          }).finally(progress.end);
          if (opts.json) return printJson(report);
          printImport(report);
        });
      });
  }

  const referrals = common(
    program
      .command('referrals')
      .description('people you know at the companies you apply to, and referral asks'),
  ).action(async (opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      const items = await peopleByApplication(ctx);
      if (opts.json) return printJson({ items });
      if (items.length === 0)
        return console.log('You know no one yet at your saved or open applications’ companies.');
      for (const i of items) {
        const app = await getApplicationOrThrow(ctx, i.applicationId);
        console.log(`${app.company} — ${app.role}  [${app.id}]: ${i.people.map((p) => p.name).join(', ')}`);
      }
    }),
  );

  common(
    referrals
      .command('draft')
      .description('the referral ask drafted for one person about one application')
      .argument('<application>', 'application id or its company')
      .argument('<contact>', 'contact id (see rebound show)'),
  ).action(async (appId: string, contactId: string, _opts: unknown, cmd: Command) => {
    // `referrals` has --db and --json too; commander gives them to it when written after.
    const opts = cmd.optsWithGlobals<CommonFlags>();
    await withApplication(opts, appId, async (ctx, appId) => {
      const people = await peopleYouKnowFor(ctx, await getApplicationOrThrow(ctx, appId));
      const person = people.find((p) => p.contactId === contactId);
      if (!person)
        throw new ReboundError(
          'invalid_input',
          `contact ${contactId} is not someone you know at this company`,
          [{ path: 'contact', message: 'not at this company' }],
        );
      if (opts.json) return printJson(person);
      if (person.draft.subject) console.log(`Subject: ${person.draft.subject}\n`);
      console.log(person.draft.body);
    });
  });

  common(
    referrals
      .command('ask')
      .description('record a referral ask, or move it on: asked, agreed, referred, declined')
      .argument('<application>', 'application id or its company')
      .argument('<contact>', 'contact id')
      .requiredOption('--status <status>', 'asked | agreed | referred | declined')
      .option('--on <date>', 'the day (default today)'),
  ).action(async (appId: string, contactId: string, _opts: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals<CommonFlags & { status: string; on?: string }>();
    const input = parseInput(
      referralAskInputSchema,
      { contactId, status: opts.status, on: opts.on },
      'arguments',
    );
    await withApplication(opts, appId, async (ctx, appId) => {
      const people = await setReferralAsk(ctx, appId, input);
      if (opts.json) return printJson({ items: people });
      const p = people.find((x) => x.contactId === contactId);
      console.log(`${p?.name ?? contactId}: ${p?.askState ?? input.status}.`);
    });
  });

  common(
    program
      .command('response-times')
      .description('how long employers took to answer you, and your notice rule')
      .option(
        '--notice-days <days>',
        'set the days an employer should answer within after an interview ("off" to clear)',
      ),
  ).action(async (opts: CommonFlags & { noticeDays?: string }) =>
    withWorkspace(opts, async (ctx) => {
      if (opts.noticeDays !== undefined)
        await updateSettings(
          ctx,
          parseInput(settingsSchema, { noticeDays: noticeFlag(opts.noticeDays) }, 'arguments'),
        );
      const times = await getResponseTimes(ctx);
      if (opts.json) return printJson(times);
      printResponseTimes(times);
    }),
  );
}
