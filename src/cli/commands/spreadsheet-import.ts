import { isOutcome, isStage, OUTCOMES, STAGES } from '../../core/applications/application.ts';
import { ReboundError } from '../../core/errors.ts';
import { IMPORT_FIELDS } from '../../core/import/header-aliases.ts';
import type { MappingOverride } from '../../core/import/input.ts';
import { DUPLICATE_ACTIONS, type DuplicateAction } from '../../core/import/likely-duplicates.ts';
import type { StageMap } from '../../core/import/stage-labels.ts';
import { presentImportPreview, presentImportReport } from '../../services/imports/presenters.ts';
import {
  commitSpreadsheetImport,
  previewSpreadsheetImport,
} from '../../services/imports/spreadsheet-import.ts';
import { progressLine } from '../import-files.ts';
import type { CommonFlags } from '../io.ts';
import type { FileImporter } from './backup.ts';

export const SPREADSHEET_NAME = /\.(csv|tsv|txt|xlsx)$/i;

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
