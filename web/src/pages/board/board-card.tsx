import type { ApplicationSummary } from '@core/applications/schemas.ts';
import { ActionIcon, Badge, Card, Menu } from '@mantine/core';
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

/**
 * The face of a card: what a person scans for on a crowded board. Plain elements styled with the
 * theme's variables (`.card-*` in styles.css) rather than Mantine's Group and Text: a board mounts
 * dozens of cards at once, and each of those components is several React components.
 */
export const CardBody = memo(function CardBody({ app, today }: { app: ApplicationSummary; today: string }) {
  return (
    <>
      <div className="card-head">
        <p className="card-line card-company" data-testid="card-company">
          {app.company}
        </p>
        <CardMenu app={app} />
      </div>
      <p className="card-line card-dimmed card-role">{app.role}</p>
      {/* The date goes whole under a long channel name rather than being cut ("applied 8d …"). */}
      <div className="card-row" data-wrap>
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
          {channelLabel(app.channel)}
        </Badge>
        <p className="card-line card-dimmed" data-size="xs" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {app.appliedOn
            ? `applied ${daysAgoShort(app.appliedOn, today)}`
            : `saved ${daysAgoShort(app.createdAt.slice(0, 10), today)}`}
        </p>
      </div>
      {app.outcome === null && app.stage !== 'offer' && app.stage !== 'accepted' && (
        <KnownPeopleBadge applicationId={app.id} />
      )}
      {app.outcome !== null ? (
        <div className="card-row" data-wrap>
          <Badge size="sm" variant="light" color={OUTCOME_COLORS[app.outcome]} style={{ flexShrink: 0 }}>
            {outcomeLabel(app.outcome)}
          </Badge>
          <p className="card-line card-dimmed" data-size="xs" data-testid="card-reached">
            reached: {app.furthestStage}
          </p>
        </div>
      ) : (
        app.likelyGhosted && (
          <div className="card-row" data-gap="4">
            <IconHourglass size={14} color="var(--mantine-color-yellow-7)" />
            <p className="card-line" data-size="xs" style={{ color: 'var(--mantine-color-yellow-8)' }}>
              likely no reply{app.daysSilent !== null ? ` · quiet ${app.daysSilent}d` : ''}
            </p>
          </div>
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
              {app.stage !== 'saved' && (
                <Menu.Item leftSection={<IconX size={14} />} onClick={() => actions.reject(app)}>
                  Mark rejected…
                </Menu.Item>
              )}
              <Menu.Item
                leftSection={<IconDoorExit size={14} />}
                onClick={() => actions.close(app, 'withdrawn')}
              >
                {app.stage === 'saved' ? 'Not applying' : 'Withdraw'}
              </Menu.Item>
              {app.stage !== 'saved' && (
                <Menu.Item
                  leftSection={<IconMailOff size={14} />}
                  onClick={() => actions.close(app, 'ghosted')}
                >
                  Mark no reply
                </Menu.Item>
              )}
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
