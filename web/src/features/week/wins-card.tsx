import { winInputSchema } from '@core/wellbeing/input.ts';
import type { WinKind } from '@core/wellbeing/wins.ts';
import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { DateField } from '../../components/date-field.tsx';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useAddWin, useDeleteWin, useWins } from './api.ts';

const WALL_SIZE = 12;

const KIND: Record<WinKind, { label: string; color: string }> = {
  offer: { label: 'Offer', color: 'teal' },
  interview: { label: 'Interview', color: 'violet' },
  reply: { label: 'Reply', color: 'cyan' },
  feedback: { label: 'Feedback', color: 'blue' },
  learning: { label: 'Learning', color: 'grape' },
  goal_met: { label: 'Goal met', color: 'green' },
  manual: { label: 'Your win', color: 'pink' },
};

// The server's schema checks the form first: the same limits on both sides.
const checkWin = schemaValidator(winInputSchema, { text: 'Win', on: 'Day' });

function AddWin() {
  const [text, setText] = useState('');
  const [on, setOn] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddWin();
  return (
    <form
      aria-label="Write down a win"
      onSubmit={(e) => {
        e.preventDefault();
        const body = { text, on: on ?? undefined };
        if (!passesCheck(checkWin, body, setErrors)) return;
        add.mutate(body, {
          onSuccess: () => {
            setText('');
            notifications.show({ color: 'teal', message: 'Win added to the wall.' });
          },
          onError: (err) => {
            if (err instanceof ApiError && err.details.length > 0) setErrors(err.fieldErrors());
            else notifications.show({ color: 'red', title: 'Win not saved', message: errorMessage(err) });
          },
        });
      }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="A win of your own"
          placeholder="Finished the portfolio case study"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          style={{ flex: 1, minWidth: 220 }}
        />
        <DateField label="Day" notInFuture value={on} onChange={setOn} error={errors.on} w={150} />
        <Button type="submit" mt={25} loading={add.isPending} disabled={text.trim() === ''}>
          Add win
        </Button>
      </Group>
    </form>
  );
}

/** The wins wall: replies, interviews, offers and goals met, plus the ones you write down. */
export function WinsCard({ from, to }: { from: string; to: string }) {
  const { data, isLoading } = useWins(from, to);
  const remove = useDeleteWin();
  const [showAll, setShowAll] = useState(false);
  const all = [...(data?.items ?? [])].reverse();
  const wins = showAll ? all : all.slice(0, WALL_SIZE);
  return (
    <Card padding="lg">
      <Group gap="xs" mb={4}>
        <IconTrophy size={20} stroke={1.6} />
        <Title order={4}>Wins wall</Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Steps forward since {formatDate(from)}. A long search is mostly waiting; these are worth looking back
        on.
      </Text>
      <AddWin />
      {isLoading ? (
        <Text size="sm" c="dimmed" mt="md">
          Loading wins…
        </Text>
      ) : wins.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          No wins noticed yet. A reply, a first call, a finished course: they will show up here.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="md">
          {wins.map((w) => (
            <Card
              key={w.id ?? `${w.on}-${w.kind}-${w.applicationId ?? ''}-${w.text}`}
              withBorder
              padding="sm"
              data-testid="win"
            >
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Badge color={KIND[w.kind].color} variant="light" tt="none">
                  {KIND[w.kind].label}
                </Badge>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {formatDate(w.on)}
                  </Text>
                  {w.id && (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove the win “${w.text}”`}
                      onClick={() => w.id && remove.mutate(w.id)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
              <Text size="sm" className="user-text">
                {w.applicationId ? (
                  <Link to={`/applications/${encodeURIComponent(w.applicationId)}`} className="plain-link">
                    {w.text}
                  </Link>
                ) : (
                  w.text
                )}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {all.length > WALL_SIZE && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${all.length} wins`}
          </Button>
        </Group>
      )}
    </Card>
  );
}
