import { CHANNEL_LABELS, CHANNELS, type Channel } from '@core/applications/application.ts';
import type { InsightsQuery } from '@core/insights/input.ts';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useBoardApplications } from '../../api/hooks.ts';

const channelOptions = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));

/** Period, channel, role and tag: every one optional, all given ones must match. */
export function InsightsFilters({
  value,
  onChange,
}: {
  value: InsightsQuery;
  onChange: (q: InsightsQuery) => void;
}) {
  const board = useBoardApplications();
  const tags = useMemo(() => {
    const all = new Set<string>();
    for (const a of board.data?.items ?? []) for (const t of a.tags) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [board.data]);
  const [role, setRole] = useState(value.role ?? '');
  const [debouncedRole] = useDebouncedValue(role, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled role should refetch
  useEffect(() => {
    const next = debouncedRole.trim() || undefined;
    if (next !== value.role) onChange({ ...value, role: next });
  }, [debouncedRole]);

  const period: [string | null, string | null] = [value.from ?? null, value.to ?? null];
  const isFiltered = Object.values(value).some((v) => v !== undefined && v !== '');

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DatePickerInput
        type="range"
        label="Applied between"
        placeholder="Any time"
        valueFormat="D MMM YYYY"
        clearable
        allowSingleDateInRange
        value={period}
        onChange={([from, to]) => {
          // Wait for both ends of the range unless the field was cleared.
          if (from && !to) return;
          onChange({ ...value, from: from ?? undefined, to: to ?? undefined });
        }}
        w={250}
      />
      <Select
        label="Channel"
        placeholder="All channels"
        data={channelOptions}
        clearable
        value={value.channel ?? null}
        onChange={(c) => onChange({ ...value, channel: (c as Channel | null) ?? undefined })}
        w={170}
      />
      <TextInput
        label="Role contains"
        placeholder="e.g. engineer"
        value={role}
        onChange={(e) => setRole(e.currentTarget.value)}
        w={180}
      />
      <Select
        label="Tag"
        placeholder={tags.length ? 'Any tag' : 'No tags yet'}
        data={tags}
        searchable
        clearable
        disabled={tags.length === 0}
        value={value.tag ?? null}
        onChange={(t) => onChange({ ...value, tag: t ?? undefined })}
        w={160}
      />
      {isFiltered && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            setRole('');
            onChange({});
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
