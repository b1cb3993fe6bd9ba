import { interactionInputSchema } from '@core/contacts/input.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandLinkedin, IconMail, IconPencil, IconPhone, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, useBoardApplications } from '../../api/hooks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDay } from '../recovery/format.ts';
import { TOUCH_LABELS, TouchPlan } from '../recovery/touch-plan.tsx';
import {
  type ContactDetail,
  type Interaction,
  useContact,
  useDeleteContact,
  useLogInteraction,
  useSetCadence,
} from './api.ts';
import { ContactForm } from './contact-form.tsx';

const ROLE_LABELS: Record<string, string> = {
  interviewer: 'Interviewer',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  referrer: 'Referred you',
  other: 'Met along the way',
};

const INTERACTION_LABELS: Record<Interaction['kind'], string> = {
  thank_you: 'Thank-you note',
  connection_request: 'Connection request',
  value: 'Shared something useful',
  other: 'Other contact',
};

/** One contact: how to reach them, where you met, the keep-in-touch plan and every touch so far. */
export function ContactDetailPanel({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const { data: contact, isLoading, error } = useContact(id);
  const [editing, setEditing] = useState(false);
  const [editDirty, setEditDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteContact();

  if (isLoading) return <Loader />;
  if (!contact) {
    return (
      <Alert color="gray" title="This contact is not here">
        {errorMessage(error)}
      </Alert>
    );
  }

  return (
    <Stack gap="md" data-testid="contact-detail">
      <Card padding="lg" withBorder>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz={22}>
              {contact.name}
            </Title>
            <Text c="dimmed">{[contact.role, contact.company].filter(Boolean).join(' · ')}</Text>
          </div>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPencil size={14} />}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          </Group>
        </Group>
        <Group gap="md" mt="sm">
          {contact.email && (
            <Anchor href={`mailto:${contact.email}`} size="sm">
              <Group gap={4}>
                <IconMail size={14} /> {contact.email}
              </Group>
            </Anchor>
          )}
          {contact.linkedinUrl && (
            <Anchor href={contact.linkedinUrl} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4}>
                <IconBrandLinkedin size={14} /> LinkedIn
              </Group>
            </Anchor>
          )}
          {contact.phone && (
            <Anchor href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} size="sm">
              <Group gap={4}>
                <IconPhone size={14} /> {contact.phone}
              </Group>
            </Anchor>
          )}
        </Group>
        {contact.howMet && (
          <Text size="sm" mt="sm">
            <Text span c="dimmed">
              How you met:{' '}
            </Text>
            {contact.howMet}
          </Text>
        )}
        {contact.notes && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Card>

      <LinkedApplications contact={contact} />
      <Cadence contact={contact} />
      <Interactions contact={contact} />

      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        dirty={editDirty}
        title={`Edit ${contact.name}`}
        size="lg"
      >
        {(requestClose) => (
          <ContactForm
            initial={contact}
            onCancel={requestClose}
            onDirtyChange={setEditDirty}
            onSaved={() => {
              setEditing(false);
              notifications.show({ color: 'teal', message: 'Saved.' });
            }}
          />
        )}
      </FormModal>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Delete ${contact.name}?`}>
        <Text size="sm" mb="md">
          Their details, links and keep-in-touch plan will be removed. Your applications stay as they are.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Keep them
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(contact.id, {
                onSuccess: () => {
                  setConfirming(false);
                  notifications.show({ message: `${contact.name} was deleted.` });
                  onDeleted();
                },
                onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function LinkedApplications({ contact }: { contact: ContactDetail }) {
  const apps = useBoardApplications();
  if (contact.links.length === 0) return null;
  const byId = new Map((apps.data?.items ?? []).map((a) => [a.id, a]));
  return (
    <Card padding="lg" withBorder>
      <Title order={4} mb="xs">
        Applications
      </Title>
      <Stack gap={4}>
        {contact.links.map((l) => {
          const app = byId.get(l.applicationId);
          return (
            <Group key={l.id} gap="xs">
              <Anchor component={Link} to={`/applications/${l.applicationId}`} size="sm">
                {app ? `${app.company} · ${app.role}` : 'An application'}
              </Anchor>
              <Badge size="sm" variant="light" color="gray">
                {ROLE_LABELS[l.role] ?? l.role}
              </Badge>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function Cadence({ contact }: { contact: ContactDetail }) {
  const setCadence = useSetCadence();
  const apps = useBoardApplications();
  const app = apps.data?.items.find((a) => a.id === contact.cadence?.applicationId);
  const active = contact.cadence !== null && contact.cadence.stoppedAt === null;
  const change = (stop: boolean) =>
    setCadence.mutate(
      {
        id: contact.id,
        stop,
        applicationId: contact.cadence?.applicationId ?? contact.links[0]?.applicationId ?? null,
      },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: stop
              ? `No more reminders for ${contact.name}.`
              : 'Planned. Each touch shows on Today when it is due.',
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  if (!active) {
    return (
      <Card padding="lg" withBorder>
        <Group justify="space-between">
          <div>
            <Title order={4}>Keep in touch</Title>
            <Text size="sm" c="dimmed">
              {contact.cadence?.stoppedAt
                ? `Stopped on ${formatDay(contact.cadence.stoppedAt)}.`
                : 'A thank-you now, a connection request in a few days, then something useful every few months.'}
            </Text>
          </div>
          <Button variant="light" onClick={() => change(false)} loading={setCadence.isPending}>
            Start keeping in touch
          </Button>
        </Group>
      </Card>
    );
  }
  return (
    <Stack gap="xs">
      <TouchPlan key={app?.id ?? 'none'} contactId={contact.id} company={app?.company} role={app?.role} />
      <Group justify="flex-end">
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          onClick={() => change(true)}
          loading={setCadence.isPending}
        >
          Stop keeping in touch
        </Button>
      </Group>
    </Stack>
  );
}

// The server's schema checks a touch first: the same limit on both sides.
const checkTouch = schemaValidator(interactionInputSchema, { kind: 'Kind', note: 'The note' });

function Interactions({ contact }: { contact: ContactDetail }) {
  const log = useLogInteraction();
  const [kind, setKind] = useState<Interaction['kind']>('other');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  return (
    <Card padding="lg" withBorder>
      <Title order={4} mb="xs">
        Touches so far
      </Title>
      {contact.interactions.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          None logged yet.
        </Text>
      ) : (
        <Stack gap={4} mb="sm">
          {[...contact.interactions]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((i) => (
              <Text size="sm" key={i.id}>
                {formatDay(i.at)} · {INTERACTION_LABELS[i.kind]}
                {i.note ? `: ${i.note}` : ''}
              </Text>
            ))}
        </Stack>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const touch = { kind, note: note.trim() || undefined };
          const problems = checkTouch(touch);
          const problem = problems.note ?? problems.kind;
          setNoteError(problem ? String(problem) : undefined);
          if (problem) return;
          log.mutate(
            { id: contact.id, ...touch },
            {
              onSuccess: () => {
                setNote('');
                notifications.show({ color: 'teal', message: 'Logged.' });
              },
              onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
            },
          );
        }}
      >
        <Group align="flex-end" gap="xs">
          <Select
            label="Log a touch"
            data={(Object.keys(INTERACTION_LABELS) as Interaction['kind'][]).map((k) => ({
              value: k,
              label: k === 'value' ? TOUCH_LABELS.value : INTERACTION_LABELS[k],
            }))}
            value={kind}
            onChange={(v) => v && setKind(v as Interaction['kind'])}
            allowDeselect={false}
            w={220}
          />
          <TextInput
            aria-label="Touch note"
            placeholder="A short note (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={noteError}
            style={{ flex: 1, minWidth: 160 }}
          />
          <Button type="submit" variant="light" loading={log.isPending}>
            Log
          </Button>
        </Group>
      </form>
    </Card>
  );
}
