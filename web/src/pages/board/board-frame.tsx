import { ActionIcon } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

/**
 * The board's sideways-scrolling frame. When columns are off-screen (a laptop at 1366 px, a
 * phone), the edge fades and a round button says so; clicking it scrolls one column over.
 */
export function BoardFrame({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 4;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 4;
    setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure]);

  const scrollBy = (direction: 1 | -1) => {
    const el = ref.current;
    const column = el?.querySelector<HTMLElement>('.board-column');
    el?.scrollBy({ left: direction * ((column?.offsetWidth ?? 240) + 12), behavior: 'smooth' });
  };

  return (
    <div className="board-frame" data-more-left={more.left} data-more-right={more.right}>
      <div ref={ref} className="board" data-testid="board" onScroll={measure}>
        {children}
      </div>
      {more.left && (
        <ActionIcon
          className="board-scroll-cue"
          style={{ left: 4 }}
          radius="xl"
          size="lg"
          variant="default"
          aria-label="Show the stages to the left"
          onClick={() => scrollBy(-1)}
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
      )}
      {more.right && (
        <ActionIcon
          className="board-scroll-cue"
          style={{ right: 4 }}
          radius="xl"
          size="lg"
          variant="default"
          aria-label="Show more stages to the right"
          data-testid="board-more-right"
          onClick={() => scrollBy(1)}
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      )}
    </div>
  );
}
