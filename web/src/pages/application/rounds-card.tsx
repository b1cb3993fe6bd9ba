import { ROUND_KINDS, type RoundKind } from '@core/applications/application.ts';
import type { Round } from '@core/applications/schemas.ts';
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useAddRound } from '../../api/hooks.ts';
import { formatDate, roundKindLabel } from '../../lib/format.ts';

/** Interview rounds so far, and a small form to add the next one. */
export function RoundsCard({ id, rounds }: { id: string; rounds: Round[] }) {
  const addRound = useAddRound(id);
  const [kind, setKind] = useState<RoundKind>('phone');
  const [scheduledAt, setScheduledAt] = useState<string | null>(null);
  const [who, setWho] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    try {
      await addRound.mutateAsync({
        kind,
        ...(scheduledAt ? { scheduledAt } : {}),
        ...(who.trim() ? { who: who.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setScheduledAt(null);
      setWho('');
      setNotes('');
    } catch (error) {
      setErrors(
        error instanceof ApiError
          ? { ...error.fieldErrors(), form: error.message }
          : { form: 'Could not add the round.' },
      );
    }
  }

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
              <Card key={r.id} padding="xs" bg="gray.0" data-testid="round">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    Round {r.number} · {roundKindLabel(r.kind)}
                  </Text>
                  {r.scheduledAt && (
                    <Badge variant="light" size="sm">
                      {formatDate(r.scheduledAt.slice(0, 10))}
                    </Badge>
                  )}
                </Group>
                {r.who && (
                  <Text size="xs" c="dimmed">
                    with {r.who}
                  </Text>
                )}
                {r.notes && (
                  <Text size="sm" className="pre-wrap" mt={4}>
                    {r.notes}
                  </Text>
                )}
              </Card>
            ))}
        </Stack>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Group grow gap="xs">
            <Select
              label="Kind"
              data={ROUND_KINDS.map((k) => ({ value: k, label: roundKindLabel(k) }))}
              value={kind}
              allowDeselect={false}
              error={errors.kind}
              onChange={(v) => v && setKind(v as RoundKind)}
            />
            <DateInput
              label="Date"
              valueFormat="D MMM YYYY"
              clearable
              value={scheduledAt}
              error={errors.scheduledAt}
              onChange={setScheduledAt}
            />
          </Group>
          <TextInput
            label="With"
            placeholder="Names or team"
            value={who}
            error={errors.who}
            onChange={(e) => setWho(e.currentTarget.value)}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            value={notes}
            error={errors.notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {errors.form && (
            <Text size="sm" c="red">
              {errors.form}
            </Text>
          )}
          <Button type="submit" variant="light" loading={addRound.isPending}>
            Add round
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
