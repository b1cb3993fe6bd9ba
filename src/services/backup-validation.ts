import type { z } from 'zod';
import { ReboundError } from '../core/errors.ts';
import { issuesToDetails } from '../core/validation.ts';

/**
 * Parses a backup, or one section of it, with its schema; on failure throws `invalid_backup`
 * naming the first `listed` problems. `prefix` says where the part sits in the file
 * (`sections.skills`), so each path points at the right line of the backup.
 */
export function parseBackupPart<S extends z.ZodType>(
  schema: S,
  data: unknown,
  options: { prefix?: string; listed?: number } = {},
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const { prefix, listed = 5 } = options;
  const issues = issuesToDetails(parsed.error.issues);
  const details = prefix ? issues.map((d) => ({ ...d, path: `${prefix}.${d.path}` })) : issues;
  throw new ReboundError(
    'invalid_backup',
    `This is not a valid Rebound backup: ${details
      .slice(0, listed)
      .map((d) => `${d.path}: ${d.message}`)
      .join('; ')}`,
    details,
  );
}
