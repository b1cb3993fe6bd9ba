import type { ImportField } from '../../core/import/header-aliases.ts';
import type { ImportPreview, ImportReport } from '../../core/import/schemas.ts';
import type { SpreadsheetAnalysis, SpreadsheetImportReport } from './spreadsheet-import.ts';

/** The wire shape of a spreadsheet import preview: what will be created, skipped and why. */
export function presentImportPreview(a: SpreadsheetAnalysis): ImportPreview {
  const m = a.mapping;
  return {
    filename: a.filename,
    layout: m.layout,
    mapping: {
      fields: Object.fromEntries(
        (Object.entries(m.fields) as [ImportField, number][]).map(([field, index]) => [
          field,
          { column: m.headers[index] ?? null, index, confidence: m.fieldConfidence[field] ?? 0 },
        ]),
      ),
      confidence: m.confidence,
      missing: m.missing,
      unmapped: m.unmapped,
      headers: m.headers,
    },
    stageLabels: a.stageLabels,
    counts: {
      rows: a.totalRows,
      toCreate: a.toCreate.length,
      toMerge: a.toMerge.length,
      duplicates: a.duplicates.length,
      /** Rows that look like an application already in Rebound (typed by hand, another tracker). */
      alreadyInRebound: a.duplicates.filter(
        (d) => d.existing !== undefined || d.reason === 'already in Rebound',
      ).length,
      invalid: a.invalid.length,
    },
    toCreate: a.toCreate.map(({ line, application: x }) => ({
      line,
      ...x.fields,
      stage: x.stage,
      outcome: x.outcome,
      outcomeOn: x.outcomeOn ?? null,
      savedOn: x.savedOn,
      contact: x.contact,
      dedupeKey: x.dedupeKey,
    })),
    duplicates: a.duplicates,
    invalid: a.invalid,
  };
}

/** The wire shape of a finished spreadsheet import. */
export function presentImportReport(r: SpreadsheetImportReport): ImportReport {
  return {
    filename: r.filename,
    created: r.created,
    merged: r.merged,
    applicationIds: r.applicationIds,
    skippedDuplicates: r.skippedDuplicates,
    skippedInvalid: r.skippedInvalid,
  };
}
