import { Mark, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Highlight {
  start: number;
  end: number;
  /** Shown as the mark's tooltip: which skill the words stand for. */
  label: string;
  color?: string;
}

/**
 * Renders text with some character ranges marked, as React elements (never HTML strings), so
 * whatever a person pasted is shown as text. Overlapping ranges keep the first one.
 */
export function HighlightedText({
  text,
  highlights,
  maxHeight = 360,
}: {
  text: string;
  highlights: Highlight[];
  maxHeight?: number;
}) {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at || h.end <= h.start || h.end > text.length) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <Mark key={`${h.start}-${h.end}`} color={h.color ?? 'teal'} title={h.label} data-testid="skill-mark">
        {text.slice(h.start, h.end)}
      </Mark>,
    );
    at = h.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <Text
      component="div"
      size="sm"
      style={{ whiteSpace: 'pre-wrap', maxHeight, overflowY: 'auto', lineHeight: 1.6 }}
      data-testid="highlighted-text"
    >
      {parts}
    </Text>
  );
}

/** Flattens extracted skills into highlight ranges. */
export function spansToHighlights(
  skills: { name: string; spans: [number, number][] }[],
  colorOf?: (name: string) => string,
): Highlight[] {
  return skills.flatMap((s) =>
    s.spans.map(([start, end]) => ({ start, end, label: s.name, color: colorOf?.(s.name) })),
  );
}
