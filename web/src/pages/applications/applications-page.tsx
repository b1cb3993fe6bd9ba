import { CHANNELS, OUTCOMES, STAGES } from '@core/applications/application.ts';
import type { ListQueryInput as ListQuery } from '@core/applications/input.ts';
import type { ApplicationSummary } from '@core/applications/schemas.ts';
import {
  Badge,
  Center,
  Group,
  Loader,
  Rating,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconSearch, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage, useApplicationList, useBoardApplications } from '../../api/hooks.ts';
import {
  channelLabel,
  formatDate,
  OUTCOME_COLORS,
  outcomeLabel,
  STAGE_COLORS,
  stageLabel,
} from '../../lib/format.ts';

type SortKey = NonNullable<ListQuery['sort']>;
const ROW_HEIGHT = 49;

const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

export function ApplicationsPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const navigate = useNavigate();

  const pushSearch = useDebouncedCallback((value: string) => update('q', value.trim() || null), 200);
  const q = params.get('q') ?? '';
  const get = (key: string) => params.get(key) ?? undefined;
  const update = (key: string, value: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const sort = (get('sort') as SortKey | undefined) ?? 'updated';
  const order = (get('order') as 'asc' | 'desc' | undefined) ?? (sort === 'company' ? 'asc' : 'desc');
  const query: ListQuery = {
    status: (get('status') as ListQuery['status']) ?? 'all',
    stage: get('stage') as ListQuery['stage'],
    channel: get('channel') as ListQuery['channel'],
    outcome: get('outcome') as ListQuery['outcome'],
    tag: get('tag'),
    q: q.trim() || undefined,
    sort,
    order,
    limit: 5000,
  };
  const { data, isLoading, error, isFetching } = useApplicationList(query);
  const board = useBoardApplications();
  const tags = useMemo(() => {
    const all = new Set<string>();
    for (const a of board.data?.items ?? []) for (const t of a.tags) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [board.data]);

  function toggleSort(key: SortKey) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (sort === key) next.set('order', order === 'asc' ? 'desc' : 'asc');
        else {
          next.set('sort', key);
          next.set('order', key === 'company' ? 'asc' : 'desc');
        }
        return next;
      },
      { replace: true },
    );
  }

  const items = data?.items ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const padTop = rows[0]?.start ?? 0;
  const padBottom = rows.length > 0 ? virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0) : 0;

  const sortHeader = (key: SortKey, label: string, width?: number): ReactNode => (
    <Table.Th
      style={{ width }}
      aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={() => toggleSort(key)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          {sort === key ? (
            order === 'asc' ? (
              <IconChevronUp size={14} />
            ) : (
              <IconChevronDown size={14} />
            )
          ) : (
            <IconSelector size={14} opacity={0.5} />
          )}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <>
      <Group justify="space-between" mb="sm" align="baseline">
        <Group gap="sm" align="baseline">
          <Title order={2}>Applications</Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {data
              ? `${data.total.toLocaleString()} ${data.total === 1 ? 'application' : 'applications'}`
              : ''}
          </Text>
          {isFetching && !isLoading && <Loader size="xs" />}
        </Group>
      </Group>
      <Group gap="sm" mb="sm" wrap="wrap">
        <TextInput
          placeholder="Search company, role, notes"
          aria-label="Search applications"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          w={240}
        />
        <Select
          aria-label="Status"
          data={STATUS_OPTIONS}
          value={query.status ?? 'all'}
          allowDeselect={false}
          onChange={(v) => update('status', v === 'all' ? null : v)}
          w={100}
        />
        <Select
          placeholder="Any stage"
          aria-label="Stage"
          clearable
          data={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
          value={query.stage ?? null}
          onChange={(v) => update('stage', v)}
          w={140}
        />
        <Select
          placeholder="Any channel"
          aria-label="Channel"
          clearable
          data={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
          value={query.channel ?? null}
          onChange={(v) => update('channel', v)}
          w={150}
        />
        <Select
          placeholder="Any outcome"
          aria-label="Outcome"
          clearable
          data={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
          value={query.outcome ?? null}
          onChange={(v) => update('outcome', v)}
          w={140}
        />
        <Select
          placeholder="Any tag"
          aria-label="Tag"
          clearable
          searchable
          data={tags}
          value={query.tag ?? null}
          onChange={(v) => update('tag', v)}
          w={130}
          nothingFoundMessage="No tags yet"
        />
      </Group>

      {error ? (
        <Text c="red">{errorMessage(error)}</Text>
      ) : isLoading ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : (
        <div className="table-scroll" ref={scrollRef}>
          <Table highlightOnHover verticalSpacing="sm" className="applications-table">
            <Table.Thead>
              <Table.Tr>
                {sortHeader('company', 'Company', 190)}
                <Table.Th>Role</Table.Th>
                {sortHeader('stage', 'Stage', 230)}
                <Table.Th style={{ width: 140 }}>Channel</Table.Th>
                {sortHeader('applied', 'Applied', 120)}
                {sortHeader('priority', 'Priority', 110)}
                {sortHeader('updated', 'Updated', 120)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed" ta="center" py="lg" data-testid="table-empty">
                      {board.data?.total === 0
                        ? 'No applications yet. Add your first one with the “Add application” button.'
                        : 'Nothing matches these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
              {rows.map((row) => {
                const app = items[row.index];
                return app ? (
                  <Row
                    key={app.id}
                    app={app}
                    index={row.index}
                    measure={virtualizer.measureElement}
                    onOpen={() => navigate(`/applications/${app.id}`)}
                  />
                ) : null;
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}

/**
 * One application. A row is at least ROW_HEIGHT and grows where a phone wraps the company, the role
 * or the badges; the virtualizer measures each row it draws, so the rows below stay in place.
 */
function Row({
  app,
  index,
  measure,
  onOpen,
}: {
  app: ApplicationSummary;
  index: number;
  measure: (row: HTMLTableRowElement | null) => void;
  onOpen: () => void;
}) {
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      className="table-row"
      style={{ height: ROW_HEIGHT }}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      tabIndex={0}
      data-testid="table-row"
    >
      <Table.Td>
        <Text fw={600} size="sm" className="clamp-1 table-cell-text" maw={190}>
          {app.company}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="clamp-1 table-cell-text" maw={280}>
          {app.role}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} className="stage-badges">
          <Badge variant="light" size="sm" color={STAGE_COLORS[app.stage]}>
            {stageLabel(app.stage)}
          </Badge>
          {app.outcome && (
            <Badge variant="outline" size="sm" color={OUTCOME_COLORS[app.outcome]}>
              {outcomeLabel(app.outcome)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{channelLabel(app.channel)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(app.appliedOn)}</Text>
      </Table.Td>
      <Table.Td>
        {app.priority ? <Rating value={app.priority} readOnly size="xs" /> : <Text c="dimmed">—</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(app.lastActivityOn ?? app.updatedAt.slice(0, 10))}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
