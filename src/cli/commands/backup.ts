import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { looksLikeBackup } from '../../core/backup.ts';
import { ReboundError } from '../../core/errors.ts';
import { exportBackup, importBackup, parseBackup } from '../../services/backup.ts';
import type { ServiceContext } from '../../services/context.ts';
import { exportApplicationsCsv } from '../../services/imports/csv-export.ts';
import { type CommonFlags, common, printJson, withWorkspace } from '../io.ts';

/** An importer recognises a file by its bytes and name, and imports it. Later formats add one each. */
export interface FileImporter {
  name: string;
  recognises(bytes: Buffer, file: string): boolean;
  run(
    ctx: ServiceContext,
    bytes: Buffer,
    file: string,
    flags: CommonFlags & Record<string, unknown>,
  ): Promise<unknown>;
}

const backupImporter: FileImporter = {
  name: 'Rebound backup',
  recognises: (bytes) => {
    const head = bytes.subarray(0, 4096).toString('utf8');
    return /"format"\s*:\s*"rebound-backup"/.test(head);
  },
  run: async (ctx, bytes, file, flags) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new ReboundError('invalid_backup', `${file} is not valid JSON: ${(error as Error).message}`, [
        { path: file, message: 'invalid JSON' },
      ]);
    }
    if (!looksLikeBackup(parsed))
      throw new ReboundError('invalid_backup', `${file} is not a Rebound backup.`);
    const backup = parseBackup(parsed);
    if (!flags.json) process.stderr.write(`Restoring ${backup.applications.length} application(s)…\n`);
    const result = await importBackup(ctx, backup, { replace: Boolean(flags.replace) });
    if (!flags.json)
      console.log(`Restored ${result.applications} application(s) with ${result.events} event(s).`);
    return result;
  },
};

export const importers: FileImporter[] = [backupImporter];

export function registerBackupCommands(program: Command): void {
  common(
    program
      .command('export')
      .description('write a versioned JSON backup of everything (to stdout without --out)'),
  )
    .option('--out <file>', 'write to this file')
    .option('--include-private', 'also include your private writing after a no (left out by default)')
    .option(
      '--format <format>',
      'json (the full backup) | csv (one row per application, for spreadsheets)',
      'json',
    )
    .action(async (opts: CommonFlags & { out?: string; format?: string; includePrivate?: boolean }) =>
      withWorkspace(opts, async (ctx) => {
        const text =
          opts.format === 'csv'
            ? await exportApplicationsCsv(ctx)
            : `${JSON.stringify(await exportBackup(ctx, { includePrivate: opts.includePrivate === true }), null, 2)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, text);
          process.stderr.write(`Backup written to ${opts.out}\n`);
        } else process.stdout.write(text);
      }),
    );

  common(
    program
      .command('import')
      .description('import a file: a Rebound backup (recognised by its content)')
      .argument('<file>', 'the file to import'),
  )
    .option('--replace', 'replace everything in a non-empty database (backups only)')
    .action(async (file: string, opts: CommonFlags & { replace?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new ReboundError(
          'invalid_input',
          `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
      const importer = importers.find((i) => i.recognises(bytes, file));
      if (!importer) {
        throw new ReboundError(
          'invalid_input',
          `${file}: not a file Rebound recognises (supported: ${importers.map((i) => i.name).join(', ')}).`,
        );
      }
      await withWorkspace(opts, async (ctx) => {
        const result = await importer.run(ctx, bytes, file, opts as CommonFlags & Record<string, unknown>);
        if (opts.json) printJson(result);
      });
    });
}
