import type { ApplicationSummary } from '@core/applications/schemas.ts';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Badge, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useOpenOnBoard } from './application-drawer.tsx';
import { CardBody, cardLabel } from './board-card.tsx';

interface ColumnProps {
  id: string;
  title: string;
  color: string;
  items: ApplicationSummary[];
  today: string;
  /** Closed lane: dropping here asks how it ended; its cards are not draggable. */
  closed?: boolean;
  footer?: ReactNode;
  emptyText: string;
}

/** A stage column. Only the cards in view are mounted, so a column of 1,000 stays quick. */
export function BoardColumn({ id, title, color, items, today, closed = false, emptyText }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (closed ? 116 : 96),
    overscan: 3,
    gap: 8,
    getItemKey: (index) => items[index]?.id ?? index,
    // Before the column is measured, assume it is as tall as the window, so the first render
    // already holds the cards in view instead of an empty column and a second pass.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });

  return (
    <section
      ref={setNodeRef}
      className="board-column"
      data-over={isOver}
      data-closed={closed}
      data-testid={`column-${id}`}
      aria-label={`${title}, ${items.length} ${items.length === 1 ? 'application' : 'applications'}`}
    >
      <Group justify="space-between" px="sm" py={10}>
        <Group gap={8}>
          <span
            style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${color}-6)` }}
            aria-hidden
          />
          <Text fw={600} size="sm">
            {title}
          </Text>
        </Group>
        <Badge variant="white" color="gray" size="sm">
          {items.length.toLocaleString()}
        </Badge>
      </Group>
      <div ref={scrollRef} className="board-column-body">
        {items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg" px="sm">
            {emptyText}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const app = items[row.index];
              if (!app) return null;
              return (
                <div
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  <DraggableCard app={app} today={today} disabled={closed} />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}

function DraggableCard({
  app,
  today,
  disabled,
}: {
  app: ApplicationSummary;
  today: string;
  disabled: boolean;
}) {
  const [, openOnBoard] = useOpenOnBoard();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: app.id,
    data: { app },
    disabled,
  });
  const open = () => openOnBoard(app.id);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Enter' && e.target === e.currentTarget && !isDragging) {
      e.preventDefault();
      open();
      return;
    }
    listeners?.onKeyDown?.(e);
  }

  return (
    // A plain element styled as the theme's card (`.board-card`), for the same reason as CardBody.
    // Not a <button>: the card holds its own menu button, and buttons cannot nest.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      ref={(node: HTMLDivElement | null) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      className="board-card"
      data-testid="board-card"
      data-app-id={app.id}
      data-dragging={isDragging}
      data-closed={disabled}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-roledescription={disabled ? 'closed application' : 'draggable application'}
      aria-label={cardLabel(app)}
      onKeyDown={onKeyDown}
      onClick={open}
    >
      <CardBody app={app} today={today} />
    </div>
  );
}
