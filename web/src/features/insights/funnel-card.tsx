import { BarChart } from '@mantine/charts';
import { Card, Group, Table, Text, Title } from '@mantine/core';
import { stageLabel } from '../../lib/format.ts';
import type { Insights } from './api.ts';
import { pct, SmallSampleBadge } from './rate.tsx';

/**
 * How far applications got: reached per stage (by the furthest stage in each history, so a later
 * rejection never erases progress), and the step from one stage to the next with its likely range.
 */
export function FunnelCard({ data }: { data: Insights }) {
  const rows = data.funnel;
  const chart = rows.map((s) => ({ stage: stageLabel(s.stage), Reached: s.reached }));
  const applied = rows[0]?.reached ?? 0;
  const summary = rows.map((s) => `${stageLabel(s.stage)} ${s.reached}`).join(', ');

  return (
    <Card padding="lg" data-testid="funnel">
      <Group justify="space-between" mb="xs" align="baseline">
        <Title order={4}>How far applications got</Title>
        <Text size="sm" c="dimmed">
          {applied} sent
        </Text>
      </Group>
      {applied === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing sent in this view yet. Once applications go out, the funnel fills in from their histories.
        </Text>
      ) : (
        <>
          <div role="img" aria-label={`Applications reaching each stage: ${summary}`}>
            <BarChart
              h={220}
              data={chart}
              dataKey="stage"
              series={[{ name: 'Reached', color: 'indigo.6' }]}
              withBarValueLabel
              yAxisProps={{ domain: [0, (max: number) => Math.ceil(max * 1.15)] }}
              withTooltip={false}
              gridAxis="y"
              tickLine="none"
              maxBarWidth={64}
            />
          </div>
          {/* Four columns do not fit a phone: the table scrolls sideways inside the card, which clips. */}
          <Table.ScrollContainer minWidth={460} mt="md">
            <Table verticalSpacing={6} striped={false} aria-label="Funnel in numbers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th ta="right">Reached</Table.Th>
                  <Table.Th>From the stage before</Table.Th>
                  <Table.Th ta="right">Rejected here</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => {
                  const c = s.conversionFromPrevious;
                  return (
                    <Table.Tr key={s.stage} data-testid={`funnel-row-${s.stage}`}>
                      <Table.Td>{stageLabel(s.stage)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {s.reached}
                      </Table.Td>
                      <Table.Td>
                        {c === null ? (
                          <Text size="sm" c="dimmed">
                            where every application starts
                          </Text>
                        ) : c.n === 0 ? (
                          <Text size="sm" c="dimmed">
                            nothing reached the stage before yet
                          </Text>
                        ) : (
                          <Group gap={6} wrap="wrap">
                            <Text size="sm">
                              {pct(c.rate)}{' '}
                              <Text span size="xs" c="dimmed">
                                (likely {pct(c.low)}–{pct(c.high)}, {c.successes} of {c.n})
                              </Text>
                            </Text>
                            {c.isSmallSample && <SmallSampleBadge n={c.n} />}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{s.rejectedHere}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            “Likely” is a 95% range: with this many applications the true rate could sit anywhere in it.
          </Text>
        </>
      )}
    </Card>
  );
}
