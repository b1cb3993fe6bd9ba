import type { WilsonRate } from '@core/insights/wilson.ts';
import { Badge, Group, Text, Tooltip } from '@mantine/core';

export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;

/** "59% (likely 43–73%)": the rate and its 95% range in words a person reads. */
export function rateText(r: WilsonRate): string {
  if (r.n === 0) return 'no data yet';
  return `${pct(r.rate)} (likely ${pct(r.low)}–${pct(r.high)})`;
}

export function SmallSampleBadge({ n }: { n: number }) {
  return (
    <Tooltip label={`Only ${n} to go on: read this as a hint, not a pattern.`} withArrow>
      <Badge size="xs" variant="light" color="yellow" tt="none">
        small sample
      </Badge>
    </Tooltip>
  );
}

/**
 * A share with its uncertainty: the rate, a bar with the likely range shaded, and the count it
 * rests on. A small sample is marked, never hidden.
 */
export function RateLine({ rate, label }: { rate: WilsonRate; label?: string }) {
  const low = Math.round(rate.low * 100);
  const high = Math.round(rate.high * 100);
  const point = rate.rate === null ? 0 : Math.round(rate.rate * 100);
  return (
    <div>
      <Group gap={6} wrap="wrap">
        {label && (
          <Text size="sm" fw={500}>
            {label}
          </Text>
        )}
        <Text size="sm">{rateText(rate)}</Text>
        <Text size="xs" c="dimmed">
          {rate.successes} of {rate.n}
        </Text>
        {rate.n > 0 && rate.isSmallSample && <SmallSampleBadge n={rate.n} />}
      </Group>
      {rate.n > 0 && <RangeBar low={low} high={high} point={point} />}
    </div>
  );
}

/** A thin track with the likely range shaded and a tick at the observed rate. */
function RangeBar({ low, high, point }: { low: number; high: number; point: number }) {
  return (
    <div className="range-bar" aria-hidden>
      <div className="range-bar-range" style={{ left: `${low}%`, width: `${Math.max(1, high - low)}%` }} />
      <div className="range-bar-point" style={{ left: `calc(${point}% - 1px)` }} />
    </div>
  );
}
