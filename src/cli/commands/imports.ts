import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { MAX_IMPORT_BYTES, MAX_MAIL_BYTES } from '../../core/import/input.ts';
import { refuseOversizedFile } from '../import-files.ts';
import { importers } from './backup.ts';
import { MAIL_NAME, mailImporter, registerMailCommands } from './mail-import.ts';
import { SPREADSHEET_NAME, spreadsheetImporter } from './spreadsheet-import.ts';

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
        if (SPREADSHEET_NAME.test(file)) refuseOversizedFile(file, MAX_IMPORT_BYTES);
        else if (MAIL_NAME.test(file)) refuseOversizedFile(file, MAX_MAIL_BYTES);
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

  registerMailCommands(program);
}
