import { journalInputSchema } from '@core/recovery/input.ts';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { type Rejection, useAddJournal, useRecoveryMeta, useUpdatePause } from './api.ts';
import { formatWhen, MOODS, moodLabel } from './format.ts';

const PAUSES = [
  { value: '24', label: '24 hours' },
  { value: '48', label: '48 hours' },
  { value: '72', label: '72 hours' },
  { value: 'skip', label: 'No pause' },
];

interface Props {
  rejection: Rejection;
  onNext: () => void;
}

// The server's schema checks the journal entry first: the same limits on both sides.
const checkJournal = schemaValidator(journalInputSchema, { text: 'Your entry', mood: 'Mood' });

/** Step 1: choose how long to pause, and (if it helps) write a few lines and note a mood. */
export function PauseStep({ rejection, onNext }: Props) {
  const meta = useRecoveryMeta();
  const updatePause = useUpdatePause();
  const addJournal = useAddJournal();
  const current = rejection.coolOff.skipped ? 'skip' : String(rejection.coolOff.hours ?? 48);
  const [pause, setPause] = useState(current);
  const [promptIndex, setPromptIndex] = useState(0);
  const [text, setText] = useState('');
  const [mood, setMood] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | undefined>();
  const prompts = meta.data?.journalPrompts ?? [];
  const prompt = prompts[promptIndex % Math.max(prompts.length, 1)];
  const busy = updatePause.isPending || addJournal.isPending;

  async function saveAndContinue() {
    const entry = { text: text.trim(), mood: mood ? Number(mood) : null };
    const problem = entry.text ? checkJournal(entry).text : undefined;
    setTextError(problem ? String(problem) : undefined);
    if (problem) return;
    try {
      if (pause !== current) {
        await updatePause.mutateAsync({ id: rejection.id, hours: pause === 'skip' ? 'skip' : Number(pause) });
      }
      if (text.trim()) {
        await addJournal.mutateAsync({ rejectionId: rejection.id, ...entry });
        notifications.show({ color: 'teal', message: 'Saved to your journal. Only you can see it.' });
      }
      onNext();
    } catch (e) {
      notifications.show({ color: 'red', title: 'That did not save', message: errorMessage(e) });
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Take a breath</Title>
        <Text c="dimmed" mt={4}>
          {rejection.company} said no to this one. It is one answer about one role, on one day. Give yourself
          a little time before deciding what it means.
        </Text>
      </div>

      <Stack gap={6}>
        <Text fw={500} size="sm">
          A pause before the next steps
        </Text>
        <SegmentedControl aria-label="Pause length" data={PAUSES} value={pause} onChange={setPause} />
        <Text size="sm" c="dimmed">
          {pause === 'skip'
            ? 'No pause: your next steps show on Today right away.'
            : pause === current && rejection.coolOff.endsAt
              ? `Your pause runs until ${formatWhen(rejection.coolOff.endsAt)}. Until then, Today keeps nudges to apply elsewhere out of the way.`
              : `Your pause will run ${pause} hours from when the news came. Today keeps nudges to apply elsewhere out of the way until then.`}
        </Text>
      </Stack>

      <Stack gap={6}>
        <Group justify="space-between" align="flex-end">
          <Text fw={500} size="sm">
            Journal (private, optional)
          </Text>
          {prompts.length > 1 && (
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconRefresh size={12} />}
              onClick={() => setPromptIndex((i) => i + 1)}
            >
              Another question
            </Button>
          )}
        </Group>
        <Textarea
          label={prompt?.prompt ?? 'How are you feeling about this one?'}
          description={prompt?.hint}
          autosize
          minRows={3}
          value={text}
          error={textError}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Text size="sm" id="mood-label">
          How is your mood right now?
        </Text>
        <SegmentedControl
          aria-labelledby="mood-label"
          data={MOODS.map((m) => ({ value: m.value, label: m.label }))}
          value={mood ?? ''}
          onChange={setMood}
        />
        {mood && !text.trim() && (
          <Text size="xs" c="dimmed">
            Add a few words and your mood is saved with them.
          </Text>
        )}
      </Stack>

      {rejection.journal.length > 0 && (
        <Alert variant="light" color="indigo" title="Already in your journal">
          <Stack gap={4}>
            {rejection.journal.map((entry) => (
              <Text size="sm" key={entry.id} style={{ whiteSpace: 'pre-wrap' }}>
                {formatWhen(entry.writtenAt)}
                {entry.mood ? ` · ${moodLabel(entry.mood)}` : ''}: {entry.text}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <Group justify="flex-end">
        <Button variant="default" onClick={onNext} disabled={busy}>
          Skip for now
        </Button>
        <Button onClick={saveAndContinue} loading={busy}>
          Save and continue
        </Button>
      </Group>
    </Stack>
  );
}
