import type { FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';

/**
 * Checks a form with the very schema the server checks the request with (from the core), so a
 * limit is the same on both sides, and words each error for a person: the field's label, not its
 * name ("The highest salary must be at least the lowest salary.", "Please add the company.").
 */
export function schemaValidator(schema: z.ZodType, labels: Record<string, string>) {
  const resolve = zod4Resolver(schema);
  return (values: unknown): FormErrors => {
    const errors = resolve(values as Record<string, unknown>);
    const out: FormErrors = {};
    for (const [path, message] of Object.entries(errors)) {
      const field = path.split('.')[0] ?? path;
      out[field] ??= sentence(labels[field] ?? 'This field', String(message), labels);
    }
    return out;
  };
}

/** "must be at most 200 characters" under "Company" → "Company must be at most 200 characters." */
function sentence(label: string, message: string, labels: Record<string, string>): string {
  if (message === 'required') return `Please add the ${label.toLowerCase()}.`;
  let words = message;
  for (const [name, fieldLabel] of Object.entries(labels))
    words = words.replace(new RegExp(`\\b${name}\\b`, 'g'), `the ${fieldLabel.toLowerCase()}`);
  // zod's own wording for a wrong type ("Invalid input: expected number…") is not for people.
  if (/^Invalid/.test(words)) words = 'is not valid';
  const text = `${label} ${words}`;
  return text.endsWith('.') ? text : `${text}.`;
}
