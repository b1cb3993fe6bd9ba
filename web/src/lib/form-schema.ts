import type { FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

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

/**
 * Checks a request body with a form's `schemaValidator` before it is sent, shows the problems
 * through `show` (none clears the earlier ones), and says whether the body may go.
 */
export function passesCheck(
  check: (values: unknown) => FormErrors,
  body: unknown,
  show: (errors: Record<string, string>) => void,
): boolean {
  const problems = check(body) as Record<string, string>;
  show(problems);
  return Object.keys(problems).length === 0;
}

/** Messages that already say what to do ("choose at least one folder"): a sentence of their own. */
const INSTRUCTION = /^(add|choose|give|pick|use)\b/;

/**
 * "must be at most 200 characters" under "Company" → "Company must be at most 200 characters.";
 * "choose at least one thing to share" → "Choose at least one thing to share."
 */
function sentence(label: string, message: string, labels: Record<string, string>): string {
  if (message === 'required') return `Please add the ${label.toLowerCase()}.`;
  if (INSTRUCTION.test(message)) {
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    return text.endsWith('.') ? text : `${text}.`;
  }
  let words = message;
  for (const [name, fieldLabel] of Object.entries(labels))
    words = words.replace(new RegExp(`\\b${name}\\b`, 'g'), `the ${fieldLabel.toLowerCase()}`);
  // zod's own wording for a wrong type ("Invalid input: expected number…") is not for people.
  if (/^Invalid/.test(words)) words = 'is not valid';
  const text = `${label} ${words}`;
  return text.endsWith('.') ? text : `${text}.`;
}

/**
 * The server's field errors for the fields this form shows (a refusal about anything else is
 * shown whole, as its message, by the caller), worded like the form's own checks when the
 * form's labels are given ("must be this week or later" → "The week must be this week or later.").
 */
export function fieldErrorsFor(
  error: unknown,
  fields: readonly string[],
  labels?: Record<string, string>,
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const all = error.fieldErrors();
  return Object.fromEntries(
    Object.entries(all)
      .filter(([field]) => fields.includes(field))
      .map(([field, message]) => [
        field,
        labels?.[field] ? sentence(labels[field], message, labels) : message,
      ]),
  );
}

/**
 * A refusal after submit: under the form's own fields when the server names them, else as a
 * notice with the server's message.
 */
export function showErrors(
  form: { values: object; setErrors: (errors: Record<string, string>) => void },
  error: unknown,
  labels?: Record<string, string>,
): void {
  const fields = fieldErrorsFor(error, Object.keys(form.values), labels);
  if (Object.keys(fields).length > 0) form.setErrors(fields);
  else
    notifications.show({
      color: 'red',
      message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.',
    });
}
