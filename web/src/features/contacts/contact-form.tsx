import { contactInputSchema } from '@core/contacts/input.ts';
import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { type Contact, type ContactInput, useSaveContact } from './api.ts';

interface Props {
  initial?: Contact | null;
  /** Prefilled for a new contact (e.g. the company of the application). */
  defaults?: Partial<ContactInput>;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  submitLabel?: string;
  /** Told whether the form holds changes not yet saved, so its dialog can ask before closing. */
  onDirtyChange?: (dirty: boolean) => void;
}

const FIELDS: (keyof ContactInput)[] = [
  'name',
  'company',
  'role',
  'email',
  'linkedinUrl',
  'phone',
  'howMet',
  'notes',
];

function toInput(c: Contact | null | undefined, defaults: Partial<ContactInput> = {}): ContactInput {
  const out = {} as ContactInput;
  for (const f of FIELDS) out[f] = c?.[f] ?? defaults[f] ?? '';
  return out;
}

/** How each field is named in an error sentence. */
const ERROR_LABELS: Record<keyof ContactInput, string> = {
  name: 'Name',
  company: 'Company',
  role: 'Their role',
  email: 'Email',
  linkedinUrl: 'The LinkedIn URL',
  phone: 'Phone',
  howMet: 'How you met',
  notes: 'Notes',
};

// The server's schema checks the form first: the same limits on both sides.
const validate = schemaValidator(contactInputSchema, ERROR_LABELS);

/** Add or edit a person: a name, and at least one way to reach them. */
export function ContactForm({ initial, defaults, onSaved, onCancel, submitLabel, onDirtyChange }: Props) {
  const form = useForm<ContactInput>({
    mode: 'controlled',
    initialValues: toInput(initial, defaults),
    validate,
  });
  const dirty = form.isDirty();
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveContact();
  const field = (key: keyof ContactInput) => form.getInputProps(key);

  function submit(values: ContactInput) {
    setFormError(null);
    save.mutate(
      { id: initial?.id ?? null, input: values },
      {
        onSuccess: onSaved,
        onError: (e) => {
          const fields = e instanceof ApiError ? e.fieldErrors() : {};
          form.setErrors(fields);
          if (Object.keys(fields).length === 0) setFormError(errorMessage(e));
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus {...field('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Company" {...field('company')} />
          <TextInput label="Their role" placeholder="e.g. Engineering manager" {...field('role')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          One way to reach them is enough: an email, a LinkedIn profile or a phone number.
        </Text>
        <TextInput label="Email" type="email" {...field('email')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="LinkedIn URL"
            placeholder="https://www.linkedin.com/in/…"
            {...field('linkedinUrl')}
          />
          <TextInput label="Phone" {...field('phone')} />
        </SimpleGrid>
        <TextInput label="How you met" placeholder="e.g. ran my technical round" {...field('howMet')} />
        <Textarea label="Notes" autosize minRows={2} {...field('notes')} />
        {formError && (
          <Alert color="red" title="This contact was not saved">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {submitLabel ?? (initial ? 'Save changes' : 'Add contact')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
