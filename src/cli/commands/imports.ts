import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { isOutcome, isStage, OUTCOMES, STAGES } from '../../core/applications/application.ts';
import type { CreateApplicationInput } from '../../core/applications/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { IMPORT_FIELDS } from '../../core/import/header-aliases.ts';
import {
  MAX_IMPORT_BYTES,
  MAX_JOB_PAGE_BYTES,
  MAX_MAIL_BYTES,
  type MappingOverride,
} from '../../core/import/input.ts';
import { DUPLICATE_ACTIONS, type DuplicateAction } from '../../core/import/likely-duplicates.ts';
import type { StageMap } from '../../core/import/stage-labels.ts';
import { importJobPage, jobPageToApplicationInput } from '../../services/imports/job-page-import.ts';
import {
  applyMailMessage,
  classifyMailFile,
  dismissMailMessage,
  importMailFile,
  listMailReview,
  type MailImportReport,
  presentMailMessage,
} from '../../services/imports/mail-import.ts';
import { presentImportPreview, presentImportReport } from '../../services/imports/presenters.ts';
import {
  commitSpreadsheetImport,
  type ImportProgress,
  previewSpreadsheetImport,
} from '../../services/imports/spreadsheet-import.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';
import { type FileImporter, importers } from './backup.ts';

const SPREADSHEET_NAME = /\.(csv|tsv|txt|xlsx)$/i;

/**
 * A progress line on stderr while a long import reads, checks and writes: redrawn in place on a
 * terminal ("Writing 3,000 of 10,000 rows…"), and on a pipe only the writing steps of big files,
 * one per line. Cleared when the import ends.
 */
export function progressLine(noun = 'rows'): ((p: ImportProgress) => void) & { end(): void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const n = (x: number) => x.toLocaleString('en-US');
  const update = (p: ImportProgress) => {
    const verb = p.phase === 'writing' ? 'Writing' : p.phase === 'checking' ? 'Checking' : 'Reading';
    const of =
      p.total === null
        ? ''
        : p.done > 0
          ? ` ${n(p.done)} of ${n(p.total)} ${noun}`
          : ` ${n(p.total)} ${noun}`;
    const text = `${verb}${of || ' the file'}…`;
    if (tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    } else if (p.phase === 'writing' && (p.total ?? 0) > 1_000) process.stderr.write(`  ${text}\n`);
  };
  return Object.assign(update, {
    end: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  });
}
const MAIL_NAME = /\.(eml|mbox)$/i;

/** Refuses a file over `max` bytes from its size on disk, before reading any of it. */
export function readFileWithin(file: string, max: number, flag = 'file'): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ReboundError(
      'invalid_input',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [{ path: flag, message: 'cannot read file' }],
    );
  }
  if (size > max) {
    throw new ReboundError(
      'payload_too_large',
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit for this import is ${max / 1024 / 1024} MB. Split it into smaller files.`,
    );
  }
  return readFileSync(file);
}

function parseMapFlags(pairs: string[] | undefined): MappingOverride | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: Record<string, string | null> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new ReboundError(
        'invalid_input',
        `--map: unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')})`,
        [{ path: '--map', message: 'unknown field' }],
      );
    }
    const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
    out[field] = column === '' ? null : column;
  }
  return out as MappingOverride;
}

/** `--stage "Interveiw=interviewing" --stage "No response=applied:ghosted"` → a stage map. */
export function parseStageFlags(pairs: string[] | undefined): StageMap | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: StageMap = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const label = eq < 0 ? '' : pair.slice(0, eq).trim();
    const [stage = '', outcome, ...rest] = (eq < 0 ? '' : pair.slice(eq + 1)).split(':').map((v) => v.trim());
    let problem: string | null = null;
    if (label === '' || stage === '') problem = `"${pair}" is not label=stage[:outcome]`;
    else if (!isStage(stage))
      problem = `unknown stage "${stage}" for "${label}" (stages: ${STAGES.join(', ')})`;
    else if (rest.length > 0 || (outcome !== undefined && !isOutcome(outcome)))
      problem = `unknown outcome "${[outcome, ...rest].join(':')}" for "${label}" (outcomes: ${OUTCOMES.join(', ')})`;
    if (problem) {
      throw new ReboundError(
        'invalid_input',
        `--stage: ${problem}, e.g. --stage "No response=applied:ghosted"`,
        [{ path: '--stage', message: problem }],
      );
    }
    out[label] = { stage, outcome: outcome ?? null };
  }
  return out;
}

type ImportFlags = CommonFlags & {
  skipInvalid?: boolean;
  dryRun?: boolean;
  duplicates?: string;
  map?: string[];
  stage?: string[];
};

function printPreview(p: ReturnType<typeof presentImportPreview>): void {
  console.log(
    `${p.filename}: ${p.layout ? `recognised as ${p.layout.name}` : 'a spreadsheet (columns guessed from the headers)'}`,
  );
  const cols = Object.entries(p.mapping.fields).map(([f, m]) => `${f} ← "${m.column}"`);
  console.log(`Columns: ${cols.join(', ') || 'none recognised'}`);
  if (p.mapping.unmapped.length > 0)
    console.log(`Not imported: ${p.mapping.unmapped.map((h) => `"${h}"`).join(', ')}`);
  if (p.stageLabels.length > 0) {
    console.log('Statuses:');
    for (const s of p.stageLabels) {
      const to = s.stage
        ? `${s.stage}${s.outcome ? `, ${s.outcome}` : ''}`
        : `not understood (choose with --stage "${s.label}=stage")`;
      console.log(`  "${s.label}" → ${to} (${s.rows} row${s.rows === 1 ? '' : 's'})`);
    }
  }
  console.log(
    `Would create ${p.counts.toCreate} application(s)${p.counts.toMerge > 0 ? `, merge ${p.counts.toMerge} into ones you have` : ''}; ${p.counts.alreadyInRebound} already in Rebound; ${p.counts.invalid} row(s) cannot be read.`,
  );
  for (const d of p.duplicates.filter((x) => x.existing).slice(0, 20)) {
    console.log(`  line ${d.line}: ${d.company} — ${d.role} ${d.reason} → ${d.action}`);
  }
  for (const e of p.invalid.slice(0, 20)) console.log(`  ${e.message}`);
  if (p.invalid.length > 20) console.log(`  … and ${p.invalid.length - 20} more`);
}

function printReport(r: ReturnType<typeof presentImportReport>): void {
  console.log(
    `Imported ${r.created} application(s) from ${r.filename}${r.merged > 0 ? `; merged ${r.merged} into applications you had` : ''}.`,
  );
  if (r.skippedDuplicates.length > 0)
    console.log(`Skipped ${r.skippedDuplicates.length} already in Rebound.`);
  if (r.skippedInvalid.length > 0) {
    console.log(`Skipped ${r.skippedInvalid.length} row(s) that could not be read:`);
    for (const e of r.skippedInvalid.slice(0, 20)) console.log(`  ${e.message}`);
  }
}

function parseDuplicatesFlag(value: string | undefined): DuplicateAction | undefined {
  if (value === undefined) return undefined;
  if ((DUPLICATE_ACTIONS as readonly string[]).includes(value)) return value as DuplicateAction;
  throw new ReboundError('invalid_input', `--duplicates: "${value}" must be merge, skip or keep`, [
    { path: '--duplicates', message: 'merge | skip | keep' },
  ]);
}

/** Tracker exports and spreadsheets (.csv, .tsv, .txt, .xlsx) through `rebound import FILE`. */
export const spreadsheetImporter: FileImporter = {
  name: 'spreadsheet or tracker export (.csv, .tsv, .xlsx)',
  recognises: (bytes, file) =>
    SPREADSHEET_NAME.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03),
  run: async (ctx, bytes, file, raw) => {
    const flags = raw as ImportFlags;
    const mapping = parseMapFlags(flags.map);
    const stageMap = parseStageFlags(flags.stage);
    const duplicates = parseDuplicatesFlag(flags.duplicates);
    if (flags.dryRun) {
      const progress = progressLine();
      const preview = presentImportPreview(
        await previewSpreadsheetImport(ctx, bytes, file, {
          mapping,
          stageMap,
          duplicates,
          onProgress: flags.json ? undefined : progress,
        }).finally(progress.end),
      );
      if (!flags.json) printPreview(preview);
      return preview;
    }
    const progress = progressLine();
    const report = await commitSpreadsheetImport(ctx, bytes, file, {
      mapping,
      stageMap,
      duplicates,
      skipInvalid: Boolean(flags.skipInvalid),
      mapStatusHint: (labels) =>
        `read ${labels.length === 1 ? 'it' : 'them'} your way with ${labels.map((l) => `--stage "${l}=stage"`).join(' ')} (stages: ${STAGES.join(', ')})`,
      onProgress: flags.json ? undefined : progress,
    }).finally(progress.end);
    const shown = presentImportReport(report);
    if (!flags.json) printReport(shown);
    return shown;
  },
};

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

/** `rebound add --from-url/--from-html`: the job page's fields under the ones given explicitly. */
export async function withJobPage(
  opts: Record<string, unknown>,
  explicit: Record<string, unknown>,
  allowLocalAddresses = false,
): Promise<Record<string, unknown>> {
  let page: Partial<CreateApplicationInput> = {};
  if (typeof opts.fromHtml === 'string') {
    const html = readFileWithin(opts.fromHtml, MAX_JOB_PAGE_BYTES, '--from-html').toString('utf8');
    page = jobPageToApplicationInput(
      await importJobPage({ html, url: typeof opts.fromUrl === 'string' ? opts.fromUrl : undefined }),
    );
  } else if (typeof opts.fromUrl === 'string') {
    page = jobPageToApplicationInput(await importJobPage({ url: opts.fromUrl }, { allowLocalAddresses }));
  }
  const given = Object.fromEntries(Object.entries(explicit).filter(([, v]) => v !== undefined));
  return { ...page, ...given };
}

export function registerImportCommands(program: Command): void {
  for (const importer of [spreadsheetImporter, mailImporter])
    if (!importers.includes(importer)) importers.push(importer);
  const importCommand = program.commands.find((c) => c.name() === 'import');
  if (importCommand) {
    importCommand
      .description(
        'import a file, recognised by its content: a Rebound backup, a tracker export or spreadsheet (.csv/.xlsx), or e-mail (.eml/.mbox)',
      )
      .option('--dry-run', 'show what a spreadsheet import would do, without importing')
      .option(
        '--duplicates <action>',
        'rows that look like an application you already have: merge (fill its blanks), skip (default) or keep both',
      )
      .option(
        '--skip-invalid',
        'import the readable rows of a spreadsheet and skip the rest (default: all or nothing)',
      )
      .option(
        '--map <field=Column>',
        'choose the column for a field (repeatable), e.g. --map company=Employer; --map notes= leaves one out',
        (v: string, acc: string[]) => [...acc, v],
        [] as string[],
      )
      .option(
        '--stage <label=stage[:outcome]>',
        'read a status label your way (repeatable), e.g. --stage "Interveiw=interviewing" --stage "No response=applied:ghosted"',
        (v: string, acc: string[]) => [...acc, v],
        [] as string[],
      )
      .hook('preAction', (_cmd, action) => {
        const file = String(action.args[0] ?? '');
        // Refuse an oversized spreadsheet or mailbox from its size on disk, before reading it.
        if (SPREADSHEET_NAME.test(file)) sizeCheck(file, MAX_IMPORT_BYTES);
        else if (MAIL_NAME.test(file)) sizeCheck(file, MAX_MAIL_BYTES);
      });
  }

  program.commands
    .find((c) => c.name() === 'export')
    ?.hook('preAction', (cmd) => {
      const format = cmd.opts().format;
      if (format !== undefined && format !== 'json' && format !== 'csv') {
        throw new ReboundError('invalid_input', 'format: must be one of: json, csv', [
          { path: 'format', message: 'must be one of: json, csv' },
        ]);
      }
    });

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

function sizeCheck(file: string, max: number): void {
  try {
    if (statSync(file).size <= max) return;
  } catch {
    return;
  }
  readFileWithin(file, max);
}
