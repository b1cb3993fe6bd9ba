/**
 * Decides which column of an imported table holds which field. A known tracker export maps at
 * once; otherwise each header is matched against the alias table. The user can then override.
 */
import {
  HEADER_ALIASES,
  IMPORT_FIELDS,
  type ImportField,
  normaliseHeader,
  REQUIRED_FIELDS,
} from './header-aliases.ts';
import { type KnownLayout, recogniseLayout } from './known-layouts.ts';

export interface ImportMapping {
  /** The tracker export recognised from the headers, or null for a generic spreadsheet. */
  layout: { id: KnownLayout['id']; name: string } | null;
  /** Field → 0-based column index. */
  fields: Partial<Record<ImportField, number>>;
  /** Field → how sure the guess is, 0..1 (1 for an exact alias or a known layout). */
  fieldConfidence: Partial<Record<ImportField, number>>;
  /** How sure the mapping is as a whole: the lowest confidence among the required fields (0 if one is missing). */
  confidence: number;
  /** Required fields no column was found for. */
  missing: ImportField[];
  /** Headers no field was mapped to, in file order. */
  unmapped: string[];
  /** Headers, as given (kept so overrides and messages can name columns). */
  headers: string[];
}

/** Single words distinctive enough to count when they are only part of a header ("Company (legal name)"). */
const DISTINCTIVE_WORDS = new Set([
  'company',
  'employer',
  'organisation',
  'organization',
  'role',
  'position',
  'title',
  'status',
  'stage',
  'salary',
  'compensation',
  'location',
  'city',
  'notes',
  'comments',
  'contact',
  'recruiter',
  'source',
  'tags',
  'url',
  'currency',
  'remote',
  'workplace',
  'link',
]);

/** Scores how well `header` (normalised) fits `field`: 1 exact, 0.5–0.8 when an alias is a whole-word part of it. */
function scoreHeader(header: string, field: ImportField): number {
  let best = 0;
  for (const alias of HEADER_ALIASES[field]) {
    if (header === alias) return 1;
    const words = alias.split(' ').length;
    if ((words > 1 || DISTINCTIVE_WORDS.has(alias)) && ` ${header} `.includes(` ${alias} `)) {
      best = Math.max(best, 0.5 + Math.min(0.3, words * 0.1));
    }
  }
  return best;
}

/**
 * Guesses the mapping for `headers`. Each column goes to at most one field and each field to at
 * most one column, highest score first; ties go to the leftmost column.
 */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const layout = recogniseLayout(headers);
  const fields: Partial<Record<ImportField, number>> = {};
  const fieldConfidence: Partial<Record<ImportField, number>> = {};
  const taken = new Set<number>();
  if (layout) {
    const lower = headers.map((h) => h.trim().toLowerCase());
    for (const [field, header] of Object.entries(layout.columns) as [ImportField, string][]) {
      const index = lower.indexOf(header);
      if (index >= 0) {
        fields[field] = index;
        fieldConfidence[field] = 1;
        taken.add(index);
      }
    }
  }
  const candidates: { field: ImportField; index: number; score: number }[] = [];
  const normalised = headers.map(normaliseHeader);
  for (const field of IMPORT_FIELDS) {
    if (fields[field] !== undefined) continue;
    normalised.forEach((header, index) => {
      if (taken.has(index) || header === '') return;
      const score = scoreHeader(header, field);
      if (score > 0) candidates.push({ field, index, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  for (const c of candidates) {
    if (fields[c.field] !== undefined || taken.has(c.index)) continue;
    fields[c.field] = c.index;
    fieldConfidence[c.field] = c.score;
    taken.add(c.index);
  }
  return finish(headers, fields, fieldConfidence, layout ? { id: layout.id, name: layout.name } : null);
}

/**
 * Applies the user's choices on top of a guess: a column index sets a field, null clears it.
 * A column given to a new field is taken away from the field that had it.
 */
export function overrideMapping(
  mapping: ImportMapping,
  overrides: Partial<Record<ImportField, number | null>>,
): ImportMapping {
  const fields = { ...mapping.fields };
  const fieldConfidence = { ...mapping.fieldConfidence };
  for (const [field, index] of Object.entries(overrides) as [ImportField, number | null][]) {
    if (index === null) {
      delete fields[field];
      delete fieldConfidence[field];
      continue;
    }
    for (const [other, i] of Object.entries(fields) as [ImportField, number][]) {
      if (i === index && other !== field) {
        delete fields[other];
        delete fieldConfidence[other];
      }
    }
    fields[field] = index;
    fieldConfidence[field] = 1;
  }
  return finish(mapping.headers, fields, fieldConfidence, mapping.layout);
}

function finish(
  headers: readonly string[],
  fields: Partial<Record<ImportField, number>>,
  fieldConfidence: Partial<Record<ImportField, number>>,
  layout: ImportMapping['layout'],
): ImportMapping {
  const used = new Set(Object.values(fields));
  const missing = REQUIRED_FIELDS.filter((f) => fields[f] === undefined);
  const confidence =
    missing.length > 0 ? 0 : Math.min(...REQUIRED_FIELDS.map((f) => fieldConfidence[f] ?? 0));
  return {
    layout,
    fields,
    fieldConfidence,
    confidence,
    missing,
    unmapped: headers.filter((h, i) => !used.has(i) && h.trim() !== ''),
    headers: [...headers],
  };
}
