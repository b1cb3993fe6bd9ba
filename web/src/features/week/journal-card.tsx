import { journalInputSchema } from '@core/wellbeing/input.ts';
import { MOOD_SCALE } from '@core/wellbeing/mood.ts';
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { DateField } from '../../components/date-field.tsx';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useAddJournalEntry, useJournal } from './api.ts';

/** Words of the shared mood scale, by value (index 0 unused). */
export const MOOD_WORDS = ['', ...MOOD_SCALE.map((m) => m.word)] as const;

// The server's schema checks the form first: the same limits on both sides.
const checkJournal = schemaValidator(journalInputSchema, {
  mood: 'Mood',
  text: 'Entry',
  tags: 'Tags',
  on: 'Day',
});

function JournalForm() {
  const [mood, setMood] = useState(3);
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [on, setOn] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddJournalEntry();
  return (
    <form
      aria-label="New journal entry"
      onSubmit={(e) => {
        e.preventDefault();
        const body = { mood, text, tags, on: on ?? undefined };
        if (!passesCheck(checkJournal, body, setErrors)) return;
        add.mutate(body, {
          onSuccess: () => {
            setText('');
            setTags([]);
            notifications.show({ color: 'teal', message: 'Entry saved. Thanks for checking in.' });
          },
          onError: (err) => {
            if (err instanceof ApiError && err.details.length > 0) setErrors(err.fieldErrors());
            else notifications.show({ color: 'red', title: 'Entry not saved', message: errorMessage(err) });
          },
        });
      }}
    >
      <Stack gap="sm">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <div>
            <Text size="sm" fw={500} id="mood-label">
              How are you feeling?
            </Text>
            <Group gap="xs">
              <SegmentedControl
                aria-labelledby="mood-label"
                data={MOOD_SCALE.map((m) => ({ value: String(m.value), label: m.word }))}
                value={String(mood)}
                onChange={(v) => setMood(Number(v))}
              />
              <Text size="sm" c="dimmed" data-testid="mood-word">
                {mood} of 5 · {MOOD_WORDS[mood]}
              </Text>
            </Group>
            {errors.mood && (
              <Text size="xs" c="red">
                {errors.mood}
              </Text>
            )}
          </div>
          <DateField label="Day" notInFuture value={on} onChange={setOn} error={errors.on} w={150} />
        </Group>
        <Textarea
          label="What’s on your mind (optional)"
          autosize
          minRows={2}
          maxRows={8}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <TagsInput
          label="Tags (optional)"
          placeholder="Type and press Enter"
          value={tags}
          onChange={setTags}
          error={errors.tags}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Save entry
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A private journal: a mood from 1 to 5, a few words, tags. Only for you; never scored. */
export function JournalCard({ from }: { from: string }) {
  const { data, isLoading } = useJournal(from);
  const entries = [...(data?.items ?? [])].reverse();
  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Journal
      </Title>
      <JournalForm />
      <Stack gap="sm" mt="lg">
        {isLoading ? (
          <Text size="sm" c="dimmed">
            Loading entries…
          </Text>
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            No entries in the last weeks. A line now and then helps you see how the search is sitting with
            you.
          </Text>
        ) : (
          entries.map((e) => (
            <Card key={e.id} withBorder padding="sm" data-testid="journal-entry">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={500}>
                  {formatDate(e.on)}
                </Text>
                {e.mood !== null && (
                  <Text size="sm" c="dimmed">
                    Mood {e.mood} of 5 · {MOOD_WORDS[e.mood]}
                  </Text>
                )}
              </Group>
              {e.text && (
                <Text size="sm" className="pre-wrap">
                  {e.text}
                </Text>
              )}
              {e.tags.length > 0 && (
                <Group gap={4} mt={4}>
                  {e.tags.map((t) => (
                    <Badge key={t} size="sm" variant="default" tt="none">
                      {t}
                    </Badge>
                  ))}
                </Group>
              )}
            </Card>
          ))
        )}
      </Stack>
    </Card>
  );
}
