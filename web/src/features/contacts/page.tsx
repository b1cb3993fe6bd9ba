import {
  Alert,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconDownload, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { type Contact, useContacts, VCARD_URL } from './api.ts';
import { ContactDetailPanel } from './contact-detail.tsx';
import { ContactForm } from './contact-form.tsx';

function matches(c: Contact, q: string): boolean {
  const hay = [c.name, c.company, c.role, c.email, c.howMet].filter(Boolean).join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The people met along the way: search, add, edit, keep in touch, export as vCard. */
export default function Page() {
  const { data, isLoading, error } = useContacts();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [addDirty, setAddDirty] = useState(false);
  const selectedId = params.get('id');
  const contacts = data ?? [];
  const shown = useMemo(() => contacts.filter((c) => matches(c, query)), [contacts, query]);
  const select = (id: string | null) => setParams(id ? { id } : {});

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz={28}>
            Contacts
          </Title>
          <Text c="dimmed">The people you met along the way. A door that closed today can open later.</Text>
        </div>
        <Group gap="xs">
          <Button
            component="a"
            href={VCARD_URL}
            download="rebound-contacts.vcf"
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={contacts.length === 0}
          >
            Export vCard
          </Button>
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
            Add contact
          </Button>
        </Group>
      </Group>

      {isLoading ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : error ? (
        <Alert color="red" title="Contacts could not load">
          {errorMessage(error)}
        </Alert>
      ) : contacts.length === 0 ? (
        <Card padding="xl" radius="md" withBorder>
          <Stack align="center" ta="center" gap="xs">
            <IconAddressBook size={36} stroke={1.4} />
            <Text fw={600}>No contacts yet</Text>
            <Text size="sm" c="dimmed" maw={420}>
              Add the recruiter, an interviewer you got on with, or the person who referred you. Rebound can
              remind you to keep in touch, gently.
            </Text>
            <Button mt="xs" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
              Add your first contact
            </Button>
          </Stack>
        </Card>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card padding="sm" withBorder>
              <TextInput
                aria-label="Search contacts"
                placeholder="Search by name, company, role…"
                leftSection={<IconSearch size={16} />}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                mb="xs"
              />
              <ScrollArea.Autosize mah={560}>
                <Stack gap={2}>
                  {shown.length === 0 && (
                    <Text size="sm" c="dimmed" p="xs">
                      No one matches “{query}”.
                    </Text>
                  )}
                  {shown.map((c) => (
                    <UnstyledButton
                      key={c.id}
                      onClick={() => select(c.id)}
                      p="xs"
                      data-testid="contact-row"
                      aria-current={c.id === selectedId ? 'true' : undefined}
                      style={{
                        borderRadius: 8,
                        background: c.id === selectedId ? 'var(--mantine-color-indigo-light)' : undefined,
                      }}
                    >
                      <Text fw={500} size="sm">
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[c.role, c.company].filter(Boolean).join(' · ') || c.email || c.phone || ' '}
                      </Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selectedId ? (
              <ContactDetailPanel id={selectedId} onDeleted={() => select(null)} />
            ) : (
              <Card padding="xl" withBorder>
                <Text c="dimmed" ta="center">
                  Choose someone to see how you met, the applications they were part of, and when to get in
                  touch next.
                </Text>
              </Card>
            )}
          </Grid.Col>
        </Grid>
      )}

      <FormModal
        opened={adding}
        onClose={() => setAdding(false)}
        dirty={addDirty}
        title="Add a contact"
        size="lg"
      >
        {(requestClose) => (
          <ContactForm
            onCancel={requestClose}
            onDirtyChange={setAddDirty}
            onSaved={(c) => {
              setAdding(false);
              select(c.id);
              notifications.show({ color: 'teal', message: `${c.name} was added.` });
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
