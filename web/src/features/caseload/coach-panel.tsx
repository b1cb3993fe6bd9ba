import { coachNoteInputSchema, proposalInputSchema } from '@core/sharing/input.ts';
import { Badge, Button, Card, Group, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/hooks.ts';
import { DateField } from '../../components/date-field.tsx';
import { clearSent } from '../../lib/form-reset.ts';
import { schemaValidator, showErrors } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import {
  useAddCoachNote,
  useAddProposal,
  useCoachNotes,
  useCoachProposals,
  useDeleteCoachNote,
} from './api.ts';

const NOTE_LABELS = { text: 'The note' };
const PROPOSAL_LABELS = { text: 'The step', weekOf: 'The week' };

const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) });

/** The coach's own notes on a seeker (private or shared, per note) and plan steps they propose. */
export function CoachPanel({ workspaceId, name }: { workspaceId: string; name: string }) {
  const notes = useCoachNotes(workspaceId);
  const proposals = useCoachProposals(workspaceId);
  if (notes.data === null && proposals.data === null) {
    return (
      <Text size="sm" c="dimmed">
        Coach notes and plan proposals are not available on this server yet.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {notes.data && <NotesCard workspaceId={workspaceId} name={name} items={notes.data.items} />}
      {proposals.data && <ProposalsCard workspaceId={workspaceId} name={name} items={proposals.data.items} />}
    </Stack>
  );
}

function NotesCard({
  workspaceId,
  name,
  items,
}: {
  workspaceId: string;
  name: string;
  items: { id: string; text: string; sharedWithSeeker: boolean; createdAt: string }[];
}) {
  const add = useAddCoachNote(workspaceId);
  const remove = useDeleteCoachNote(workspaceId);
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '', sharedWithSeeker: false },
    validate: schemaValidator(coachNoteInputSchema, NOTE_LABELS),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="xs">
        Your notes on {name}
      </Title>
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(v, {
            onSuccess: () => clearSent(form, v),
            onError: (e) => showErrors(form, e, NOTE_LABELS),
          }),
        )}
        noValidate
      >
        <Stack gap="xs">
          <Textarea label="New note" autosize minRows={2} {...form.getInputProps('text')} />
          <Switch
            label={`Share this note with ${name}`}
            description="Off: only you see it."
            {...form.getInputProps('sharedWithSeeker', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Save note
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="sm" mt="md">
        {items.map((n) => (
          <Group key={n.id} justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {formatDate(n.createdAt.slice(0, 10))}
                </Text>
                <Badge size="xs" variant="light" color={n.sharedWithSeeker ? 'teal' : 'gray'}>
                  {n.sharedWithSeeker ? `Shared with ${name}` : 'Private'}
                </Badge>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
            </div>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              style={{ flexShrink: 0 }}
              onClick={() => remove.mutate(n.id, { onError: fail })}
            >
              Delete
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

const PROPOSAL_WORDS: Record<string, string> = { accepted: 'Accepted', declined: 'Declined' };

function ProposalsCard({
  workspaceId,
  name,
  items,
}: {
  workspaceId: string;
  name: string;
  items: { id: string; text: string; weekOf: string; status: string; answer: string | null }[];
}) {
  const add = useAddProposal(workspaceId);
  const monday = dayjs()
    .subtract((dayjs().day() + 6) % 7, 'day')
    .format('YYYY-MM-DD');
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '', weekOf: monday },
    validate: schemaValidator(proposalInputSchema, PROPOSAL_LABELS),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Plan proposals
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Propose a step for a week; {name} accepts it (maybe in their own words) or declines.
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(v, {
            onSuccess: () => clearSent(form, v),
            onError: (e) => showErrors(form, e, PROPOSAL_LABELS),
          }),
        )}
        noValidate
      >
        <Stack gap="xs">
          <Textarea label="The step" autosize minRows={2} {...form.getInputProps('text')} />
          <DateField
            label="Week of"
            value={form.values.weekOf}
            onChange={(v) => form.setFieldValue('weekOf', v ?? '')}
            error={form.errors.weekOf}
            maw={220}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              Propose
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="xs" mt="md">
        {items.map((p) => (
          <Group key={p.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="xs" c="dimmed">
                Week of {formatDate(p.weekOf)}
              </Text>
              <Text size="sm">{p.answer ?? p.text}</Text>
            </div>
            <Badge variant="light" color={p.status === 'accepted' ? 'teal' : 'gray'}>
              {PROPOSAL_WORDS[p.status] ?? 'Waiting'}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
