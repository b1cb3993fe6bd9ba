/**
 * Search over applications: what one application's searchable text is, and how a search box's
 * words become a full-text query. The store turns these into SQLite FTS5 or PostgreSQL tsquery.
 */

export interface SearchableApplication {
  company: string;
  role: string;
  location: string | null;
  notes: string | null;
  jobDescription: string | null;
  /** Timeline notes as they read now (edited text; deleted notes left out). */
  noteTexts: readonly string[];
  /** Names of the people linked to the application. */
  contactNames: readonly string[];
}

/** The text indexed for one application. */
export function searchDocument(app: SearchableApplication): string {
  const parts = [app.company, app.role, app.location, app.notes, ...app.noteTexts, ...app.contactNames];
  if (app.jobDescription) parts.push(app.jobDescription);
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

export interface SearchTerms {
  /** Lower-case words (letters and digits only); every one must start a word of the document. */
  words: string[];
  /**
   * Lower-case pieces with punctuation (`r_d`, `100%`, `c++`) that must appear as written;
   * `%` and `_` in them are plain characters, never wildcards.
   */
  literals: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits what the user typed into words for the index and literal pieces to check as written. */
export function parseSearch(text: string): SearchTerms {
  const words: string[] = [];
  const literals: string[] = [];
  for (const piece of text.toLowerCase().split(/\s+/)) {
    if (piece === '') continue;
    const plain = piece.normalize('NFKD').replace(/\p{M}+/gu, '');
    const found = plain.match(WORD) ?? [];
    words.push(...found);
    if (found.join('') !== plain) literals.push(piece);
  }
  return { words: [...new Set(words)], literals: [...new Set(literals)] };
}

/** `100%` → `%100\%%`: a LIKE pattern (escape character `\`) that finds the text anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
