import type { z } from 'zod';
import { ReboundError } from '../core/errors.ts';
import { findNulCharacter, issuesToDetails } from '../core/validation.ts';

/**
 * Parses a backup, or one section of it, with its schema; on failure throws `invalid_backup`
 * naming the first `listed` problems by path (`applications[12].events[3].data.stage`). `prefix` says where the part sits in the file
 * (`sections.skills`), so each path points at the right line of the backup.
 */
export function parseBackupPart<S extends z.ZodType>(
  schema: S,
  data: unknown,
  options: { prefix?: string; listed?: number } = {},
): z.output<S> {
  const { prefix, listed = 5 } = options;
  const at = (path: string) => (prefix ? (path === '' ? prefix : `${prefix}.${path}`) : path || '(backup)');
  const nul = findNulCharacter(data);
  if (nul !== null) {
    const path = at(bracketed(nul.split('.')));
    throw new ReboundError(
      'invalid_backup',
      `This is not a valid Rebound backup: ${path}: holds a NUL character`,
      [{ path, message: 'holds a NUL character' }],
    );
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const messages = issuesToDetails(parsed.error.issues);
  const details = parsed.error.issues.map((issue, i) => ({
    path: at(bracketed(issue.path)),
    message: messages[i]!.message,
  }));
  throw new ReboundError(
    'invalid_backup',
    `This is not a valid Rebound backup: ${details
      .slice(0, listed)
      .map((d) => `${d.path}: ${d.message}`)
      .join('; ')}`,
    details,
  );
}

/** `['applications', 12, 'events', 3, 'data', 'stage']` → `applications[12].events[3].data.stage`. */
export function bracketed(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    const key = String(part);
    if (typeof part === 'number' || /^\d+$/.test(key)) out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
