import type { ApplicationSummary } from '@core/applications/schemas.ts';
import { ActionIcon, Badge, Card, Group, Menu, Text } from '@mantine/core';
import {
  IconArrowBackUp,
  IconDoorExit,
  IconDots,
  IconExternalLink,
  IconHourglass,
  IconMailOff,
  IconRefresh,
  IconX,
} from '@tabler/icons-react';
import { memo, type SyntheticEvent, useState } from 'react';
import { Link } from 'react-router';
import { useApplicationActions } from '../../components/application-actions.tsx';
import { KnownPeopleBadge } from '../../features/referrals/known-people-badge.tsx';
import { channelLabel, daysAgoShort, OUTCOME_COLORS, outcomeLabel, stageLabel } from '../../lib/format.ts';

const stop = (e: SyntheticEvent) => e.stopPropagation();

/** The face of a card: what a person scans for on a crowded board. Cheap to render. */
export const CardBody = memo(function CardBody({ app, today }: { app: ApplicationSummary; today: string }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Text fw={600} size="sm" className="clamp-1" data-testid="card-company">
          {app.company}
        </Text>
        <CardMenu app={app} />
      </Group>
      <Text size="sm" c="dimmed" className="clamp-1" mt={-2}>
        {app.role}
      </Text>
      <Group gap={6} mt={8} wrap="nowrap">
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
          {channelLabel(app.channel)}
        </Badge>
        <Text size="xs" c="dimmed" className="clamp-1">
          {app.appliedOn
            ? `applied ${daysAgoShort(app.appliedOn, today)}`
            : `saved ${daysAgoShort(app.createdAt.slice(0, 10), today)}`}
        </Text>
      </Group>
      {app.outcome === null && app.stage !== 'offer' && app.stage !== 'accepted' && (
        <KnownPeopleBadge applicationId={app.id} />
      )}
      {app.outcome !== null ? (
        <Group gap={6} mt={8} wrap="wrap" style={{ rowGap: 2 }}>
          <Badge size="sm" variant="light" color={OUTCOME_COLORS[app.outcome]} style={{ flexShrink: 0 }}>
            {outcomeLabel(app.outcome)}
          </Badge>
          <Text size="xs" c="dimmed" data-testid="card-reached">
            reached: {app.furthestStage}
          </Text>
        </Group>
      ) : (
        app.likelyGhosted && (
          <Group gap={4} mt={8} wrap="nowrap">
            <IconHourglass size={14} color="var(--mantine-color-yellow-7)" />
            <Text size="xs" c="yellow.8" className="clamp-1">
              likely no reply{app.daysSilent !== null ? ` · quiet ${app.daysSilent}d` : ''}
            </Text>
          </Group>
        )
      )}
    </>
  );
});

/**
 * The card's menu. A board shows hundreds of cards, so the real menu is only built the first time
 * someone opens it; until then it is a plain button.
 */
function CardMenu({ app }: { app: ApplicationSummary }) {
  const [armed, setArmed] = useState(false);
  const label = `Actions for ${app.company}`;
  if (!armed) {
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={label}
        aria-haspopup="menu"
        onPointerDown={stop}
        onClick={(e) => {
          e.stopPropagation();
          setArmed(true);
        }}
        onKeyDown={stop}
      >
        <IconDots size={16} />
      </ActionIcon>
    );
  }
  return <CardMenuOpen app={app} label={label} />;
}

function CardMenuOpen({ app, label }: { app: ApplicationSummary; label: string }) {
  const actions = useApplicationActions();
  const closed = app.outcome !== null;
  return (
    // Events from the menu (even from its portal) must not reach the card: no drag, no navigation.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops propagation
    <div onClick={stop} onPointerDown={stop} onKeyDown={stop}>
      <Menu position="bottom-end" withinPortal shadow="md" width={210} defaultOpened>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={label}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component={Link}
            to={`/applications/${app.id}`}
            leftSection={<IconExternalLink size={14} />}
          >
            Open
          </Menu.Item>
          <Menu.Divider />
          {closed ? (
            <Menu.Item leftSection={<IconRefresh size={14} />} onClick={() => actions.reopen(app)}>
              Reopen
            </Menu.Item>
          ) : (
            <>
              <Menu.Item leftSection={<IconX size={14} />} onClick={() => actions.reject(app)}>
                Mark rejected…
              </Menu.Item>
              <Menu.Item
                leftSection={<IconDoorExit size={14} />}
                onClick={() => actions.close(app, 'withdrawn')}
              >
                Withdraw
              </Menu.Item>
              <Menu.Item
                leftSection={<IconMailOff size={14} />}
                onClick={() => actions.close(app, 'ghosted')}
              >
                Mark no reply
              </Menu.Item>
            </>
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={() => actions.undo(app)}>
            Undo last move
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}

export function cardLabel(app: ApplicationSummary): string {
  const state = app.outcome
    ? `${outcomeLabel(app.outcome)}, reached ${stageLabel(app.furthestStage)}`
    : stageLabel(app.stage);
  return `${app.company}, ${app.role}. ${state}.`;
}

/** The overlay that follows the pointer (or keyboard) while a card is moving. */
export function DragPreview({ app, today }: { app: ApplicationSummary; today: string }) {
  return (
    <Card padding="sm" shadow="lg" style={{ width: 240, cursor: 'grabbing', rotate: '2deg' }}>
      <CardBody app={app} today={today} />
    </Card>
  );
}
