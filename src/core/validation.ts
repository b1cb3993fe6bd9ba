import type { z } from 'zod';
import { type ErrorDetail, ReboundError } from './errors.ts';

/** Turns zod issues into Rebound's error details: `company: required`. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(body)';
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'required';
    else if (issue.code === 'invalid_value' && 'values' in issue)
      message = `must be one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
    else if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    else if (issue.code === 'invalid_union' && /discriminator/i.test(message)) message = 'unknown type';
    return { path, message };
  });
}

/** Parses `value` with `schema`, or throws `invalid_input` naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'input'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = issuesToDetails(result.error.issues);
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new ReboundError('invalid_input', `Invalid ${what}: ${summary}`, details);
}

/**
 * The path of the first string (or key) holding a NUL character in a parsed JSON value
 * (`events.3.text`; `''` for the value itself), or null when there is none. PostgreSQL cannot
 * store NUL in text, so every edge refuses it the same way on both databases.
 */
export function findNulCharacter(value: unknown, path = ''): string | null {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return p;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], p === '' ? String(i) : `${p}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const childPath = p === '' ? k : `${p}.${k}`;
        if (k.includes('\u0000')) return childPath.replaceAll('\u0000', '\\u0000');
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
