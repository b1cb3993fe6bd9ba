import { STAGES, type Stage } from '@core/applications/application.ts';
import type { ApplicationSummary } from '@core/applications/schemas.ts';
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Alert, Center, Group, Loader, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { errorMessage, useBoardApplications, useHideClosedOnBoard, useSettings } from '../../api/hooks.ts';
import { useApplicationActions } from '../../components/application-actions.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { STAGE_COLORS, stageLabel, todayIso } from '../../lib/format.ts';
import { ApplicationDrawer } from './application-drawer.tsx';
import { DragPreview } from './board-card.tsx';
import { BoardColumn } from './board-column.tsx';
import { BoardFrame } from './board-frame.tsx';
import { CloseChooser, type Ending } from './close-chooser.tsx';
import { columnKeyboardCoordinates } from './column-keyboard.ts';

const EMPTY_TEXT: Record<Stage, string> = {
  saved: 'Jobs you might apply to',
  applied: 'Drop cards here once sent',
  screening: 'First calls land here',
  interviewing: 'Rounds in progress',
  offer: 'Offers to weigh up',
  accepted: 'Where it all leads',
};

// The pointer decides when there is one; keyboard moves fall back to the nearest column.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCenter(args);
};

const appOf = (data: { current?: Record<string, unknown> } | null | undefined) =>
  data?.current?.app as ApplicationSummary | undefined;

const stageOf = (id: string | number | undefined): Stage | undefined =>
  (STAGES as readonly string[]).includes(String(id)) ? (id as Stage) : undefined;

const announcements: Announcements = {
  onDragStart: ({ active }) =>
    `Picked up ${appOf(active.data)?.company ?? 'card'}. Use left and right arrows to choose a stage, space to drop, escape to cancel.`,
  onDragOver: ({ active, over }) => {
    if (over?.id === 'closed') return `${appOf(active.data)?.company} is over Closed.`;
    const stage = stageOf(over?.id);
    return stage ? `${appOf(active.data)?.company} is over ${stageLabel(stage)}.` : 'Not over a stage.';
  },
  onDragEnd: ({ active, over }) => {
    const company = appOf(active.data)?.company;
    if (over?.id === 'closed') return `${company} dropped on Closed. Choose how it ended.`;
    const stage = stageOf(over?.id);
    if (stage === 'accepted') return `${company} dropped on Accepted. Confirm you accepted the offer.`;
    return stage ? `${company} moved to ${stageLabel(stage)}.` : 'Dropped. Nothing changed.';
  },
  onDragCancel: ({ active }) => `Move cancelled. ${appOf(active.data)?.company} stays where it was.`,
};

export function BoardPage() {
  const { data, isLoading, error } = useBoardApplications();
  const actions = useApplicationActions();
  // Whether closed applications show is a workspace setting, so it follows the user across browsers.
  const { data: settings } = useSettings();
  const hideClosed = useHideClosedOnBoard();
  const [shownNow, setShownNow] = useState<boolean | null>(null);
  const showClosed = shownNow ?? !(settings?.hideClosedOnBoard ?? false);
  const setShowClosed = (show: boolean) => {
    setShownNow(show);
    hideClosed.mutate(!show, { onError: () => setShownNow(null) });
  };
  const [filter, setFilter] = useState('');
  const [debounced] = useDebouncedValue(filter, 150);
  const [active, setActive] = useState<ApplicationSummary | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const today = todayIso();

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const { columns, closed, openCount } = useMemo(() => {
    const byStage = new Map<Stage, ApplicationSummary[]>(STAGES.map((s) => [s, []]));
    const closedItems: ApplicationSummary[] = [];
    const needle = debounced.trim().toLowerCase();
    let open = 0;
    for (const app of data?.items ?? []) {
      if (needle && !`${app.company} ${app.role}`.toLowerCase().includes(needle)) continue;
      if (app.outcome !== null) closedItems.push(app);
      else {
        open++;
        byStage.get(app.stage)?.push(app);
      }
    }
    closedItems.sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));
    return { columns: byStage, closed: closedItems, openCount: open };
  }, [data, debounced]);

  if (isLoading) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" title="The board could not load">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!data || data.total === 0) return <EmptyState />;

  function onDragStart(event: DragStartEvent) {
    setActive(appOf(event.active.data) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setActive(null);
    const app = appOf(event.active.data);
    if (!app) return;
    // Ending an application is never decided by where a card lands: a question comes first.
    if (event.over?.id === 'closed') return setEnding({ app, target: 'closed' });
    const stage = stageOf(event.over?.id);
    if (stage === 'accepted' && app.stage !== 'accepted') return setEnding({ app, target: 'accepted' });
    if (stage && stage !== app.stage) actions.move(app, stage);
  }

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={2}>Board</Title>
          <Text c="dimmed" size="sm">
            {openCount.toLocaleString()} open · {closed.length.toLocaleString()} closed
          </Text>
        </Group>
        <Group gap="md">
          <TextInput
            placeholder="Filter by company or role"
            aria-label="Filter cards"
            leftSection={<IconSearch size={16} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={240}
          />
          <Switch
            label="Show closed"
            checked={showClosed}
            onChange={(e) => setShowClosed(e.currentTarget.checked)}
          />
        </Group>
      </Group>
      {data.total > data.items.length && (
        <Text size="xs" c="dimmed" mb="xs">
          Showing the {data.items.length.toLocaleString()} most recently updated of{' '}
          {data.total.toLocaleString()}.
        </Text>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move this application, press space. Use the left and right arrow keys to pick a stage, then space again to drop it there. Press escape to cancel. Press enter to open it.',
          },
        }}
      >
        <BoardFrame>
          {STAGES.map((stage) => (
            <BoardColumn
              key={stage}
              id={stage}
              title={stageLabel(stage)}
              color={STAGE_COLORS[stage]}
              items={columns.get(stage) ?? []}
              today={today}
              emptyText={EMPTY_TEXT[stage]}
            />
          ))}
          {showClosed && (
            <BoardColumn
              id="closed"
              title="Closed"
              color="gray"
              items={closed}
              today={today}
              closed
              emptyText="Applications that ended land here, with how far they got."
            />
          )}
        </BoardFrame>
        <DragOverlay dropAnimation={null}>
          {active ? <DragPreview app={active} today={today} /> : null}
        </DragOverlay>
      </DndContext>
      <CloseChooser ending={ending} onClose={() => setEnding(null)} />
      <ApplicationDrawer />
    </>
  );
}
