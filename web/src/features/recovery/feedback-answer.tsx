import { FEEDBACK_THEMES, type FeedbackThemeTag } from '@core/recovery/feedback-state.ts';
import { feedbackPatchSchema } from '@core/recovery/input.ts';
import { Button, Chip, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { useUpdateFeedback } from './api.ts';

// The server's schema checks the answer first: the same limits on both sides.
const checkAnswer = schemaValidator(feedbackPatchSchema, { answer: 'Their answer', themes: 'Themes' });

interface Props {
  feedbackId: string;
  company?: string | null;
  opened: boolean;
  onClose: () => void;
}

/** Writing down a reply to a feedback request, word for word, with a few theme tags. */
export function FeedbackAnswerModal({ feedbackId, company, opened, onClose }: Props) {
  const update = useUpdateFeedback();
  const [answer, setAnswer] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [skill, setSkill] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function save() {
    const tags: FeedbackThemeTag[] = themes.map((t) =>
      t === 'skill' ? { theme: 'skill', name: skill.trim() } : { theme: t as FeedbackThemeTag['theme'] },
    );
    const patch = { state: 'answered' as const, answer, themes: tags };
    if (!passesCheck(checkAnswer, patch, setErrors)) return;
    update.mutate(
      { id: feedbackId, patch },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: 'Saved. Answers like this help spot patterns over time.',
          });
          onClose();
        },
        onError: (e) => {
          const fields = e instanceof ApiError ? e.fieldErrors() : {};
          setErrors(Object.keys(fields).length ? fields : { answer: errorMessage(e) });
        },
      },
    );
  }

  function declined() {
    update.mutate(
      { id: feedbackId, patch: { state: 'declined' } },
      {
        onSuccess: () => {
          notifications.show({ message: 'Noted. Plenty of companies have a rule against sharing feedback.' });
          onClose();
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      dirty={answer.trim() !== ''}
      title={company ? `What ${company} said` : 'What they said'}
      size="lg"
    >
      <Stack gap="sm">
        <Textarea
          label="Their answer"
          description="Paste it as it came; only you will read it."
          autosize
          minRows={4}
          value={answer}
          error={errors.answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          data-autofocus
        />
        <Text size="sm" fw={500}>
          What was it about? (optional)
        </Text>
        <Chip.Group multiple value={themes} onChange={setThemes}>
          <Group gap={6}>
            {FEEDBACK_THEMES.map((t) => (
              <Chip key={t.key} value={t.key} size="sm">
                {t.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {themes.includes('skill') && (
          <TextInput
            label="Which skill?"
            placeholder="e.g. system design"
            value={skill}
            error={errors.themes}
            onChange={(e) => setSkill(e.currentTarget.value)}
          />
        )}
        <Group justify="space-between" mt="xs">
          <Button variant="subtle" color="gray" onClick={declined} disabled={update.isPending}>
            They could not share feedback
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={!answer.trim()}>
            Save answer
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
