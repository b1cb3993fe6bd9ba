import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard moves jump a whole column at a time: left/right go to the neighbouring stage, so a
 * keyboard user needs one key press per stage instead of dozens of small nudges.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') {
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const { droppableRects, collisionRect, over } = context;
  if (!collisionRect) return undefined;
  const columns = [...droppableRects.entries()].sort((a, b) => a[1].left - b[1].left);
  const centre = currentCoordinates.x + collisionRect.width / 2;
  let index = columns.findIndex(([id]) => id === over?.id);
  if (index === -1) index = columns.findIndex(([, r]) => centre >= r.left && centre <= r.left + r.width);
  if (index === -1) return undefined;
  const next = columns[index + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!next) return undefined;
  const rect = next[1];
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: currentCoordinates.y };
};
