import { ROUND_KINDS, type RoundKind } from '@core/applications/application.ts';
import { type RoundInputBody as RoundInput, roundInputSchema } from '@core/applications/input.ts';
import type { Round } from '@core/applications/schemas.ts';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useDeleteRound, useUpdateRound } from '../../api/history.ts';
import { useAddRound } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, roundKindLabel } from '../../lib/format.ts';

interface RoundValues {
  kind: RoundKind;
  scheduledAt: string | null;
  startTime: string;
  durationMinutes: number | string;
  who: string;
  notes: string;
}

const EMPTY: RoundValues = {
  kind: 'phone',
  scheduledAt: null,
  startTime: '',
  durationMinutes: '',
  who: '',
  notes: '',
};

function valuesOf(r: Round): RoundValues {
  return {
    kind: r.kind,
    scheduledAt: r.scheduledAt ? r.scheduledAt.slice(0, 10) : null,
    startTime: r.startTime ?? '',
    durationMinutes: r.durationMinutes ?? '',
    who: r.who ?? '',
    notes: r.notes ?? '',
  };
}

function toInput(v: RoundValues): RoundInput {
  return {
    kind: v.kind,
    scheduledAt: v.scheduledAt,
    startTime: v.startTime.trim() || null,
    durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : null,
    who: v.who.trim() || null,
    notes: v.notes.trim() || null,
  };
}

/** "12 Nov 2026 · 14:30 · 45 min" */
function when(r: Round): string | null {
  if (!r.scheduledAt) return null;
  const parts = [formatDate(r.scheduledAt.slice(0, 10))];
  if (r.startTime) parts.push(r.startTime);
  if (r.durationMinutes) parts.push(`${r.durationMinutes} min`);
  return parts.join(' · ');
}

// The server's schema checks the form first: the same limits on both sides.
const checkRound = schemaValidator(roundInputSchema, {
  kind: 'Type of interview',
  scheduledAt: 'Date',
  startTime: 'Start time',
  durationMinutes: 'Length',
  who: 'Who',
  notes: 'Notes',
});

/** The fields of a round, shared by "add" and "edit". */
function RoundForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  initial: RoundValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: RoundInput) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<RoundValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof RoundValues>(key: K, value: RoundValues[K]) =>
    setV((old) => ({ ...old, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(v);
    const problems = checkRound(input) as Record<string, string>;
    if (input.startTime && !input.scheduledAt)
      problems.startTime = 'Add the date too, so the time has a day.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await onSubmit(input);
      if (!onCancel) setV(EMPTY);
    } catch (error) {
      setErrors(
        error instanceof ApiError
          ? { ...error.fieldErrors(), form: error.message }
          : { form: 'Could not save the round.' },
      );
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group grow gap="xs" wrap="wrap">
          <Select
            label="Type of interview"
            data={ROUND_KINDS.map((k) => ({ value: k, label: roundKindLabel(k) }))}
            value={v.kind}
            allowDeselect={false}
            error={errors.kind}
            onChange={(value) => value && set('kind', value as RoundKind)}
          />
          <DateInput
            label="Date"
            valueFormat="D MMM YYYY"
            clearable
            value={v.scheduledAt}
            error={errors.scheduledAt}
            onChange={(value) => set('scheduledAt', value)}
          />
        </Group>
        <Group grow gap="xs" wrap="wrap">
          <TimeInput
            label="Start time"
            description="Your time zone"
            value={v.startTime}
            error={errors.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
          />
          <NumberInput
            label="Length (minutes)"
            description="Optional"
            min={1}
            max={1440}
            allowDecimal={false}
            value={v.durationMinutes}
            error={errors.durationMinutes}
            onChange={(value) => set('durationMinutes', value)}
          />
        </Group>
        <TextInput
          label="With"
          placeholder="Names or team"
          value={v.who}
          error={errors.who}
          onChange={(e) => set('who', e.currentTarget.value)}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={v.notes}
          error={errors.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
        />
        {errors.form && (
          <Text size="sm" c="red">
            {errors.form}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" variant="light" loading={busy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="subtle" color="gray" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function RoundItem({ appId, round }: { appId: string; round: Round }) {
  const update = useUpdateRound(appId);
  const remove = useDeleteRound(appId);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const label = `round ${round.number}`;
  if (mode === 'edit') {
    return (
      <Card padding="xs" bg="gray.0" data-testid="round">
        <Text size="sm" fw={600} mb={4}>
          Edit {label}
        </Text>
        <RoundForm
          initial={valuesOf(round)}
          submitLabel="Save round"
          busy={update.isPending}
          onCancel={() => setMode('view')}
          onSubmit={async (input) => {
            await update.mutateAsync({ roundId: round.id, input });
            setMode('view');
          }}
        />
      </Card>
    );
  }
  const shownWhen = when(round);
  return (
    <Card padding="xs" bg="gray.0" data-testid="round">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Round {round.number} · {roundKindLabel(round.kind)}
          </Text>
          {shownWhen && (
            <Badge variant="light" size="sm" style={{ textTransform: 'none' }}>
              {shownWhen}
            </Badge>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={`Edit ${label}`} onClick={() => setMode('edit')}>
            <IconPencil size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${label}`}
            onClick={() => setMode('confirm')}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      {round.who && (
        <Text size="xs" c="dimmed">
          with {round.who}
        </Text>
      )}
      {round.notes && (
        <Text size="sm" className="pre-wrap" mt={4}>
          {round.notes}
        </Text>
      )}
      {mode === 'confirm' && (
        <Group gap="xs" mt="xs" role="group" aria-label={`Delete ${label}?`}>
          <Text size="sm">Delete {label}? The history keeps a record of it.</Text>
          <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(round.id)}>
            Delete
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setMode('view')}>
            Keep it
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** Interview rounds so far (each can be edited or deleted), and a small form to add the next one. */
export function RoundsCard({ id, rounds }: { id: string; rounds: Round[] }) {
  const addRound = useAddRound(id);
  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Interview rounds
      </Title>
      {rounds.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          No rounds yet.
        </Text>
      ) : (
        <Stack gap="xs" mb="md">
          {[...rounds]
            .sort((a, b) => a.number - b.number)
            .map((r) => (
              <RoundItem key={r.id} appId={id} round={r} />
            ))}
        </Stack>
      )}
      <RoundForm
        initial={EMPTY}
        submitLabel="Add round"
        busy={addRound.isPending}
        onSubmit={(input) => {
          const sent: RoundInput = { kind: input.kind };
          for (const [key, value] of Object.entries(input))
            if (value !== null) Object.assign(sent, { [key]: value });
          return addRound.mutateAsync(sent);
        }}
      />
    </Card>
  );
}
