import { noteUpdateSchema } from '@core/applications/input.ts';
import type { TimelineEvent } from '@core/applications/schemas.ts';
import { ActionIcon, Badge, Button, Group, Text, Textarea, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconEraser,
  IconFlag,
  IconMessage,
  IconNote,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useDeleteNote, useUpdateNote } from '../../api/history.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, outcomeLabel, roundKindLabel, stageLabel } from '../../lib/format.ts';

/** Each event's data is typed by its type (see timelineEventSchema in the core). */
function describe(e: TimelineEvent): { title: string; body?: string; icon: ReactNode } {
  switch (e.type) {
    case 'created':
      return { title: `Added as ${stageLabel(e.data.stage)}`, icon: <IconPlus size={12} /> };
    case 'stage_changed':
      return {
        title: `Moved from ${stageLabel(e.data.from)} to ${stageLabel(e.data.to)}`,
        icon: <IconArrowRight size={12} />,
      };
    case 'outcome_set':
      return {
        title: `Closed: ${outcomeLabel(e.data.outcome)}`,
        body: e.data.reason ? `Reason: ${e.data.reason}` : undefined,
        icon: <IconFlag size={12} />,
      };
    case 'reopened':
      return { title: 'Reopened', icon: <IconRefresh size={12} /> };
    case 'round_added':
      return {
        title: `Round ${e.data.number} added (${roundKindLabel(e.data.kind)})`,
        icon: <IconUsers size={12} />,
      };
    case 'response':
      return {
        title: 'Heard back',
        body: e.data.summary || undefined,
        icon: <IconMessage size={12} />,
      };
    case 'note':
      if (e.current?.deleted)
        return { title: 'Note (deleted)', body: e.current.text, icon: <IconNote size={12} /> };
      return {
        title: e.current?.edited ? 'Note (edited)' : 'Note',
        body: e.current?.text ?? e.data.text,
        icon: <IconNote size={12} />,
      };
    case 'undo':
      return { title: 'Undid an earlier change', icon: <IconArrowBackUp size={12} /> };
    case 'note_edited':
      return {
        title: 'Edited a note',
        body: `Before: ${e.data.previousText}`,
        icon: <IconPencil size={12} />,
      };
    case 'note_deleted':
      return { title: 'Deleted a note', icon: <IconEraser size={12} /> };
    case 'round_edited':
      return { title: `Edited round ${e.data.number}`, icon: <IconPencil size={12} /> };
    case 'round_deleted':
      return {
        title: `Deleted round ${e.data.number} (${roundKindLabel(e.data.round.kind)})`,
        icon: <IconEraser size={12} />,
      };
  }
}

// The server's schema checks the note first: the same limit on both sides.
const checkNote = schemaValidator(noteUpdateSchema, { text: 'The note' });

/** Edit and delete for one note of the timeline. */
function NoteControls({ applicationId, event }: { applicationId: string; event: TimelineEvent }) {
  const update = useUpdateNote(applicationId);
  const remove = useDeleteNote(applicationId);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [text, setText] = useState(event.current?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  if (mode === 'edit') {
    return (
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const problem = checkNote({ text: text.trim() }).text;
          setError(problem ? String(problem) : null);
          if (problem) return;
          try {
            await update.mutateAsync({ eventId: event.id, text: text.trim() });
            setMode('view');
          } catch (err) {
            setError(
              err instanceof ApiError ? (err.fieldErrors().text ?? err.message) : 'Could not save the note.',
            );
          }
        }}
      >
        <Textarea
          label="Note text"
          autosize
          minRows={2}
          value={text}
          error={error}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group gap="xs" mt={4}>
          <Button type="submit" size="xs" variant="light" loading={update.isPending} disabled={!text.trim()}>
            Save note
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setMode('view')}>
            Cancel
          </Button>
        </Group>
      </form>
    );
  }
  if (mode === 'confirm') {
    return (
      <Group gap="xs" mt={4}>
        <Text size="sm">Delete this note? The history keeps a record of it.</Text>
        <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(event.id)}>
          Delete
        </Button>
        <Button size="xs" variant="subtle" color="gray" onClick={() => setMode('view')}>
          Keep it
        </Button>
      </Group>
    );
  }
  return (
    <Group gap={2} mt={2}>
      <ActionIcon
        size="sm"
        variant="subtle"
        aria-label="Edit note"
        onClick={() => {
          setText(event.current?.text ?? '');
          setMode('edit');
        }}
      >
        <IconPencil size={14} />
      </ActionIcon>
      <ActionIcon
        size="sm"
        variant="subtle"
        color="red"
        aria-label="Delete note"
        onClick={() => setMode('confirm')}
      >
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  );
}

/**
 * The application's history, newest first; undone entries and deleted notes stay visible, struck
 * through. Notes can be edited or deleted when `applicationId` is given.
 */
export function EventTimeline({
  events,
  applicationId,
}: {
  events: TimelineEvent[];
  applicationId?: string;
}) {
  const sorted = [...events].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Timeline bulletSize={22} lineWidth={2} active={-1}>
      {sorted.map((e) => {
        const { title, body, icon } = describe(e);
        const struck = e.undone || e.current?.deleted;
        return (
          <Timeline.Item
            key={e.id}
            bullet={icon}
            data-testid="timeline-event"
            title={
              <Text size="sm" fw={600} className={struck ? 'struck' : undefined}>
                {title}{' '}
                {e.undone && (
                  <Badge size="xs" variant="light" color="gray" ml={4} style={{ textDecoration: 'none' }}>
                    undone
                  </Badge>
                )}
              </Text>
            }
          >
            {body && (
              <Text size="sm" c="dimmed" className={`pre-wrap ${struck ? 'struck' : ''}`}>
                {body}
              </Text>
            )}
            {applicationId && e.type === 'note' && !e.current?.deleted && (
              <NoteControls applicationId={applicationId} event={e} />
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {formatDate(e.occurredOn)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
