import type { UseFormReturnType } from '@mantine/form';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * After a save succeeds: empties (back to its initial value) each field that still holds what was
 * sent, and leaves alone a field the person changed while the request was in flight, so nothing
 * they typed meanwhile is wiped. `keep` names fields to leave as they are either way (e.g. a role
 * the next entry is likely to reuse).
 */
export function clearSent<Values extends object>(
  form: UseFormReturnType<Values>,
  sent: Values,
  keep: readonly (keyof Values & string)[] = [],
): void {
  const now = form.getValues();
  const initial = form.getInitialValues();
  for (const key of Object.keys(sent) as (keyof Values & string)[]) {
    if (keep.includes(key) || !same(now[key], sent[key])) continue;
    // biome-ignore lint/suspicious/noExplicitAny: the key's value type is Values[key] by construction
    form.setFieldValue(key as any, initial[key] as any);
  }
}
