import { eventInputSchema } from '@core/applications/input.ts';
import { Button, Card, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useAddEvent } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';

// The server's schema checks the note first: the same limit on both sides.
const checkNote = schemaValidator(eventInputSchema, { text: 'The note' });

/** A note for the application's history. */
export function NoteCard({ id }: { id: string }) {
  const addEvent = useAddEvent();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Add a note
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const event = { type: 'note' as const, text: text.trim() };
          const problem = checkNote(event).text;
          setError(problem ? String(problem) : null);
          if (problem) return;
          addEvent.mutate({ id, event }, { onSuccess: () => setText('') });
        }}
      >
        <Stack gap="xs">
          <Textarea
            aria-label="Note"
            placeholder="What happened, what you learned, what to do next"
            autosize
            minRows={3}
            value={text}
            error={error}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit" variant="light" loading={addEvent.isPending} disabled={!text.trim()}>
            Add note
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
