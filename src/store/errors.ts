import { ReboundError } from '../core/errors.ts';

/**
 * Turns what the database refuses into an error a person can act on, the same on SQLite and
 * PostgreSQL: two writes that collide (a duplicate key, a row deleted by a request running at
 * the same moment, a busy database) become `conflict` (409) saying to try again; text the
 * database cannot store becomes `invalid_input`. Anything else is not ours to explain: null.
 */
export function storeErrorToRebound(error: unknown): ReboundError | null {
  if (!error || typeof error !== 'object') return null;
  const code = String((error as { code?: unknown }).code ?? '');
  switch (code) {
    case '23505': // unique_violation
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new ReboundError(
        'conflict',
        'This was saved at the same moment by another request, or it already exists. Reload and try again.',
      );
    case '23503': // foreign_key_violation
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new ReboundError(
        'conflict',
        'Something this change refers to was deleted at the same moment. Reload and try again.',
      );
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new ReboundError(
        'conflict',
        'The database was busy with another change (perhaps the rebound command). Try again in a moment.',
      );
    case '22P05': // untranslatable_character (NUL)
    case '22021': // character_not_in_repertoire
      return new ReboundError('invalid_input', 'The text holds a character the database cannot store (NUL).');
    default:
      return null;
  }
}
