import type { TimelineEvent } from '@core/applications/schemas.ts';
import { Badge, Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconFlag,
  IconMessage,
  IconNote,
  IconPlus,
  IconRefresh,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
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
      return { title: 'Note', body: e.data.text, icon: <IconNote size={12} /> };
    case 'undo':
      return { title: 'Undid an earlier change', icon: <IconArrowBackUp size={12} /> };
  }
}

/** The application's history, newest first; undone entries stay visible, struck through. */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  const sorted = [...events].sort(
    (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Timeline bulletSize={22} lineWidth={2} active={-1}>
      {sorted.map((e) => {
        const { title, body, icon } = describe(e);
        return (
          <Timeline.Item
            key={e.id}
            bullet={icon}
            data-testid="timeline-event"
            title={
              <Text size="sm" fw={600} className={e.undone ? 'struck' : undefined}>
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
              <Text size="sm" c="dimmed" className={`pre-wrap ${e.undone ? 'struck' : ''}`}>
                {body}
              </Text>
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
