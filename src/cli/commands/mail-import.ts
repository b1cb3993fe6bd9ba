import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { MAX_MAIL_BYTES } from '../../core/import/input.ts';
import {
  applyMailMessage,
  classifyMailFile,
  dismissMailMessage,
  importMailFile,
  listMailReview,
  type MailImportReport,
  presentMailMessage,
} from '../../services/imports/mail-import.ts';
import { progressLine, readFileWithin } from '../import-files.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';
import type { FileImporter } from './backup.ts';

export const MAIL_NAME = /\.(eml|mbox)$/i;

function printMailReport(r: MailImportReport): void {
  console.log(
    `${r.filename}: ${r.messages} message(s): ${r.applied} recorded, ${r.pending} waiting for review, ${r.dismissed} not about an application, ${r.alreadyImported} imported before.`,
  );
  for (const i of r.items) {
    if (i.status === 'already_imported' || i.status === 'dismissed') continue;
    console.log(
      `  #${i.index} ${i.kind} (${i.confidence.toFixed(2)}) "${i.subject}" → ${i.status}${i.action ? `: ${i.action}` : ''}`,
    );
    printWhy(i.evidence, i.matchReasons);
  }
  for (const e of r.errors) console.log(`  could not read ${e.message}`);
  if (r.pending > 0) console.log('See them with: rebound mail review');
}

/** Why a mail was read as it was (the phrases found) and matched (the signals used), indented. */
function printWhy(evidence: string[], matchReasons: string[]): void {
  if (evidence.length > 0)
    console.log(`      reads as it does because it says: ${evidence.map((e) => `"${e}"`).join(', ')}`);
  if (matchReasons.length > 0) console.log(`      matched because: ${matchReasons.join('; ')}`);
}

/** E-mail files (.eml, .mbox) through `rebound import FILE`, the same as `rebound mail import`. */
export const mailImporter: FileImporter = {
  name: 'e-mail (.eml, .mbox)',
  recognises: (bytes, file) => MAIL_NAME.test(file) || bytes.subarray(0, 5).toString('latin1') === 'From ',
  run: async (ctx, bytes, file, flags) => {
    const progress = progressLine('messages');
    const report = await importMailFile(ctx, bytes, file, {
      onProgress: flags.json ? undefined : progress,
    }).finally(progress.end);
    if (!flags.json) printMailReport(report);
    return report;
  },
};

/** `rebound mail import|classify|review|apply|dismiss`. */
export function registerMailCommands(program: Command): void {
  const mail = program
    .command('mail')
    .description('read job e-mails: record rejections, interviews and offers on their applications');
  common(
    mail
      .command('import')
      .description('import an .eml or .mbox file; sure ones are recorded, the rest wait for review')
      .argument('<file>', '.eml or .mbox'),
  ).action(async (file: string, opts: CommonFlags) => {
    const bytes = readFileWithin(file, MAX_MAIL_BYTES);
    await withWorkspace(opts, async (ctx) => {
      const progress = progressLine('messages');
      const report = await importMailFile(ctx, bytes, file, {
        onProgress: opts.json ? undefined : progress,
      }).finally(progress.end);
      if (opts.json) printJson(report);
      else printMailReport(report);
    });
  });

  common(
    mail
      .command('classify')
      .description(
        'say what an e-mail means (rejection, interview, assessment, offer, acknowledgement, other); nothing is saved',
      )
      .argument('<file>', '.eml file'),
  ).action(async (file: string, opts: CommonFlags) => {
    const result = await classifyMailFile(readFileWithin(file, MAX_MAIL_BYTES), file);
    const shown = { kind: result.kind, confidence: result.confidence, evidence: result.evidence };
    if (opts.json) printJson(shown);
    else
      console.log(
        `${shown.kind} (confidence ${shown.confidence.toFixed(2)})${shown.evidence.length ? `: ${shown.evidence.map((e) => `"${e}"`).join(', ')}` : ''}`,
      );
  });

  common(mail.command('review').description('list imported e-mails waiting for review'))
    .option('--status <status>', 'pending | applied | dismissed | all', 'pending')
    .option('--why', 'show the phrases and signals behind each one')
    .action(async (opts: CommonFlags & { status: string; why?: boolean }) => {
      if (!['pending', 'applied', 'dismissed', 'all'].includes(opts.status)) {
        throw new ReboundError('invalid_input', 'status: must be one of: pending, applied, dismissed, all', [
          { path: 'status', message: 'must be one of: pending, applied, dismissed, all' },
        ]);
      }
      await withWorkspace(opts, async (ctx) => {
        const items = (await listMailReview(ctx, opts.status as 'pending')).map(presentMailMessage);
        if (opts.json) return printJson({ items });
        if (items.length === 0) return console.log('Nothing waiting for review.');
        console.log(
          table([
            ['ID', 'KIND', 'CONF', 'SUBJECT', 'APPLICATION', 'WHY'],
            ...items.map((m) => [
              m.id,
              m.kind,
              m.confidence.toFixed(2),
              m.subject.slice(0, 50),
              m.applicationId ?? '-',
              m.action ?? '',
            ]),
          ]),
        );
        if (opts.why) {
          for (const m of items) {
            console.log(`\n${m.id} "${m.subject.slice(0, 60)}"`);
            printWhy(m.evidence, m.matchReasons);
          }
        } else console.log('Add --why to see the phrases and signals behind each one.');
      });
    });

  common(
    mail
      .command('apply')
      .description('record a queued e-mail on its application')
      .argument('<id>', 'e-mail id from `rebound mail review`'),
  )
    .option('--application <id>', 'the application it is about (default: the one Rebound matched)')
    .option('--kind <kind>', 'rejection | interview | assessment | offer | acknowledgement')
    .action(async (id: string, opts: CommonFlags & { application?: string; kind?: string }) =>
      withWorkspace(opts, async (ctx) => {
        const done = presentMailMessage(
          await applyMailMessage(ctx, id, { applicationId: opts.application, kind: opts.kind }),
        );
        if (opts.json) printJson(done);
        else console.log(`Recorded "${done.subject}" on application ${done.applicationId} (${done.action}).`);
      }),
    );

  common(
    mail
      .command('dismiss')
      .description('take an e-mail out of the review queue')
      .argument('<id>', 'e-mail id'),
  ).action(async (id: string, opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      const done = presentMailMessage(await dismissMailMessage(ctx, id));
      if (opts.json) printJson(done);
      else console.log(`Dismissed "${done.subject}".`);
    }),
  );
}
