import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { type Contact, useContact, useContacts, useLinkContact, useSetCadence } from '../contacts/api.ts';
import { AddContactButton } from './add-contact.tsx';
import type { Rejection } from './api.ts';
import { TouchPlan } from './touch-plan.tsx';

interface Props {
  rejection: Rejection;
  onDone: () => void;
}

/** Step 4: choose people to keep in touch with; Rebound spaces out the touches. */
export function KeepInTouchStep({ rejection, onDone }: Props) {
  const everyone = useContacts();
  const linked = useContacts(rejection.applicationId);
  const link = useLinkContact();
  const setCadence = useSetCadence();
  const [chosen, setChosen] = useState<string[]>([]);
  const [started, setStarted] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const linkedIds = new Set((linked.data ?? []).map((c) => c.id));
  const contacts = [...(everyone.data ?? [])].sort(
    (a, b) => Number(linkedIds.has(b.id)) - Number(linkedIds.has(a.id)),
  );
  const shown = [...new Set([...started, ...linkedIds])];

  async function start() {
    setBusy(true);
    try {
      for (const id of chosen) {
        if (!linkedIds.has(id)) await link.mutateAsync({ id, applicationId: rejection.applicationId });
        await setCadence.mutateAsync({ id, applicationId: rejection.applicationId });
      }
      setStarted((s) => [...new Set([...s, ...chosen])]);
      setChosen([]);
      notifications.show({ color: 'teal', message: 'Planned. Each touch shows on Today when it is due.' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Keep in touch</Title>
        <Text c="dimmed" mt={4}>
          The people you met at {rejection.company} may hire again, or move somewhere that does. A thank-you
          now, a connection request in a few days, and something useful every few months keeps the door open,
          with no pressure.
        </Text>
      </div>

      <Card withBorder padding="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Who would you like to stay in touch with?</Text>
          <AddContactButton
            applicationId={rejection.applicationId}
            company={rejection.company}
            onAdded={(c) => setChosen((ids) => [...ids, c.id])}
          />
        </Group>
        {contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No contacts yet. Add the recruiter or an interviewer you got on with.
          </Text>
        ) : (
          <Checkbox.Group value={chosen} onChange={setChosen}>
            <Stack gap={6}>
              {contacts.map((c) => (
                <ContactChoice
                  key={c.id}
                  contact={c}
                  linked={linkedIds.has(c.id)}
                  started={started.includes(c.id)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group justify="flex-end" mt="sm">
          <Button onClick={start} loading={busy} disabled={chosen.length === 0}>
            Start keeping in touch
          </Button>
        </Group>
      </Card>

      {shown.map((id) => (
        <TouchPlan key={id} contactId={id} company={rejection.company} role={rejection.role} />
      ))}

      {shown.length === 0 && (
        <Alert variant="light" color="gray">
          You can skip this; people can be added from Contacts at any time.
        </Alert>
      )}

      <Group justify="flex-end">
        <Button onClick={onDone}>Finish and go to Today</Button>
      </Group>
    </Stack>
  );
}

/** A contact to choose; someone already being kept in touch with cannot be chosen twice. */
function ContactChoice({
  contact,
  linked,
  started,
}: {
  contact: Contact;
  linked: boolean;
  started: boolean;
}) {
  const detail = useContact(contact.id);
  const active = started || (detail.data?.cadence != null && detail.data.cadence.stoppedAt === null);
  return (
    <Checkbox
      value={contact.id}
      disabled={active}
      label={[contact.name, contact.role, contact.company].filter(Boolean).join(' · ')}
      description={active ? 'Already keeping in touch' : linked ? 'Met during this application' : undefined}
    />
  );
}
