import { FUNNEL_STAGES } from '@core/insights/funnel.ts';
import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, stageLabel } from '../../lib/format.ts';
import type { Insights } from './api.ts';
import { RateLine, SmallSampleBadge } from './rate.tsx';

const days = (n: number | null) => (n === null ? '—' : `${n} day${n === 1 ? '' : 's'}`);

/** Closed applications by how far they got: where rejections land, and where people stepped away. */
export function ClosedCard({ data }: { data: Insights }) {
  const rows = FUNNEL_STAGES.map((s) => ({
    stage: stageLabel(s),
    Rejected: data.closedBy.rejected[s],
    'No reply': data.closedBy.ghosted[s],
    Withdrawn: data.closedBy.withdrawn[s] + data.closedBy.declined[s],
  }));
  const rejected = rows.reduce((s, r) => s + r.Rejected, 0);
  const summary = rows.map((r) => `${r.stage}: ${r.Rejected} rejected`).join(', ');
  return (
    <Card padding="lg">
      <Title order={4} mb={4}>
        Where rejections happen
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        By the furthest stage each application reached. A no after an interview means you got noticed.
      </Text>
      {rejected === 0 && rows.every((r) => r['No reply'] + r.Withdrawn === 0) ? (
        <Text size="sm" c="dimmed">
          No closed applications in this view.
        </Text>
      ) : (
        <>
          <div role="img" aria-label={`Rejections by furthest stage: ${summary}`}>
            <BarChart
              h={180}
              data={rows}
              dataKey="stage"
              type="stacked"
              withLegend
              // No fixed height: the chart measures its legend, which takes two lines on a phone.
              legendProps={{ verticalAlign: 'bottom' }}
              series={[
                { name: 'Rejected', color: 'orange.5' },
                { name: 'No reply', color: 'yellow.4' },
                { name: 'Withdrawn', color: 'gray.5', label: 'Withdrawn or declined' },
              ]}
              tickLine="none"
              gridAxis="y"
              maxBarWidth={48}
            />
          </div>
          <Text size="sm" mt="xs">
            {rows
              .filter((r) => r.Rejected > 0)
              .map((r) => `${r.Rejected} after ${r.stage.toLowerCase()}`)
              .join(' · ') || 'No rejections in this view.'}
          </Text>
        </>
      )}
    </Card>
  );
}

/** How long things take, and how often nobody answers. */
export function TimingCard({ data }: { data: Insights }) {
  const { timeToFirstResponse: first, ghostingRate } = data;
  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        How long things take
      </Title>
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500}>
            First answer after applying
          </Text>
          <Group gap={6}>
            <Text size="xl" fw={700} data-testid="first-response">
              {first.medianDays === null ? '—' : days(first.medianDays)}
            </Text>
            <Text size="xs" c="dimmed">
              median, from {first.n} answered
            </Text>
            {first.n > 0 && first.n < 10 && <SmallSampleBadge n={first.n} />}
          </Group>
        </div>
        <Table verticalSpacing={4} aria-label="Median days between stages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Between</Table.Th>
              <Table.Th ta="right">Median</Table.Th>
              <Table.Th ta="right">From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.medianDaysBetweenStages.map((g) => (
              <Table.Tr key={g.from}>
                <Table.Td>
                  {stageLabel(g.from)} → {stageLabel(g.to)}
                </Table.Td>
                <Table.Td ta="right">{days(g.medianDays)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Text size="sm">{g.n}</Text>
                    {g.n > 0 && g.n < 10 && <SmallSampleBadge n={g.n} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <RateLine rate={ghostingRate} label="Never answered" />
        <Text size="xs" c="dimmed">
          Silence says more about busy hiring teams than about you.
        </Text>
      </Stack>
    </Card>
  );
}

/** The last 30 days against everything before. */
export function ComparisonCard({ data }: { data: Insights }) {
  const c = data.comparison;
  return (
    <Card padding="lg">
      <Title order={4} mb={4}>
        Recent {c.windowDays} days against before
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Applications sent since {formatDate(c.since)} have had less time to be answered, so a rise is, if
        anything, understated.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {(
          [
            ['Recent', c.recent],
            ['Before', c.before],
          ] as const
        ).map(([label, p]) => (
          <Stack key={label} gap="xs">
            <Text fw={600} size="sm">
              {label}: {p.applications} sent
            </Text>
            <RateLine rate={p.responseRate} label="Any answer" />
            <RateLine rate={p.interviewRate} label="Interview" />
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}
