import { CONTACT_ROLE_LABELS, CONTACT_ROLES, type ContactRole } from '@core/contacts/input.ts';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useAddPerson, useContacts, usePeople, useUnlinkPerson } from './api.ts';
import { ContactForm } from './contact-form.tsx';

const ROLE_OPTIONS = CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r] }));

/**
 * The people of one application's process: recruiter, hiring manager, interviewers, whoever
 * referred you. They are who a feedback request or a thank-you goes to later.
 */
export function PeopleCard({ applicationId, company }: { applicationId: string; company: string }) {
  const people = usePeople(applicationId);
  const everyone = useContacts();
  const add = useAddPerson(applicationId);
  const unlink = useUnlinkPerson();
  const [role, setRole] = useState<ContactRole>('recruiter');
  const [existing, setExisting] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [dirty, setDirty] = useState(false);

  const link = (contactId: string, name: string) =>
    add.mutate(
      { contactId, role },
      {
        onSuccess: () => {
          setExisting(null);
          notifications.show({
            color: 'teal',
            message: `${name} is linked as ${CONTACT_ROLE_LABELS[role].toLowerCase()}.`,
          });
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Not linked', message: errorMessage(e) }),
      },
    );

  const items = people.data ?? [];
  const options = (everyone.data ?? []).map((c) => ({
    value: c.id,
    label: c.company ? `${c.name} (${c.company})` : c.name,
  }));

  return (
    <Card padding="lg" data-testid="people-card">
      <Title order={4} mb="sm">
        People
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          No one yet. Add the recruiter or the people who interviewed you, so a thank-you or a feedback
          request later knows where to go.
        </Text>
      ) : (
        <Stack gap={6} mb="sm">
          {items.map((p) => (
            <Group key={p.linkId} justify="space-between" wrap="nowrap" data-testid="person">
              <div style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/contacts?id=${encodeURIComponent(p.contact.id)}`}
                    size="sm"
                    fw={500}
                    className="clamp-1"
                  >
                    {p.contact.name}
                  </Anchor>
                  <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                    {CONTACT_ROLE_LABELS[p.role]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" className="clamp-1">
                  {p.contact.email ?? p.contact.linkedinUrl ?? p.contact.phone ?? ''}
                </Text>
              </div>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Unlink ${p.contact.name}`}
                onClick={() => unlink.mutate(p.linkId)}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <Stack gap="xs">
        <Select
          label="Their part"
          data={ROLE_OPTIONS}
          value={role}
          allowDeselect={false}
          onChange={(v) => v && setRole(v as ContactRole)}
          size="xs"
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label="Someone you know"
            placeholder={options.length ? 'Pick a contact' : 'No contacts yet'}
            data={options}
            value={existing}
            onChange={setExisting}
            searchable
            clearable
            size="xs"
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLink size={14} />}
            disabled={!existing}
            loading={add.isPending}
            onClick={() => {
              const chosen = everyone.data?.find((c) => c.id === existing);
              if (chosen) link(chosen.id, chosen.name);
            }}
          >
            Link
          </Button>
        </Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconUserPlus size={14} />}
          onClick={() => setCreating(true)}
        >
          Add someone new
        </Button>
      </Stack>
      <FormModal
        opened={creating}
        onClose={() => setCreating(false)}
        dirty={dirty}
        title="Add someone you met"
        size="lg"
      >
        {(requestClose) => (
          <ContactForm
            defaults={{ company }}
            onCancel={requestClose}
            onDirtyChange={setDirty}
            onSaved={(contact) => {
              setCreating(false);
              link(contact.id, contact.name);
            }}
          />
        )}
      </FormModal>
    </Card>
  );
}
