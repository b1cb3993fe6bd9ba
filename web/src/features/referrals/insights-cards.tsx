import { CHANNEL_LABELS, type Channel } from '@core/applications/application.ts';
import type { ReferralYieldView, ResponseTimesView } from '@core/referrals/schemas.ts';
import { Anchor, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { RateLine } from '../insights/rate.tsx';

type Spread = ResponseTimesView['firstResponse'];

/** "6 days (3–9)", with the range for few answers and a dash for none. */
function spreadText(s: Spread): string {
  if (s.n === 0 || s.medianDays === null) return '–';
  if (s.fewAnswers) return `${s.medianDays} d (range ${s.minDays}–${s.maxDays})`;
  return `${s.medianDays} d (${s.p25Days}–${s.p75Days})`;
}

function groupName(g: ResponseTimesView['groups'][number]): string {
  if (g.by === 'channel') return CHANNEL_LABELS[g.key as Channel] ?? g.key;
  return `${g.by === 'size' ? 'Size' : 'Industry'}: ${g.key}`;
}

/**
 * How long employers took to answer this user: days to a first answer and to a decision, the
 * median with the middle half (the range when there are fewer than five), and the notice rule.
 */
export function ResponseTimesCard({ data }: { data: ResponseTimesView }) {
  const rows = [
    { by: 'channel' as const, key: 'all', firstResponse: data.firstResponse, decision: data.decision },
    ...data.groups,
  ];
  return (
    <Card padding="lg" data-testid="response-times">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={4}>How long employers took to answer you</Title>
        <Anchor component={Link} to="/evidence#silence" size="xs">
          Why this matters
        </Anchor>
      </Group>
      <Text size="sm" mb="sm">
        {data.summary}
      </Text>
      {data.firstResponse.n > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>First answer</Table.Th>
                <Table.Th>Decision</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((g) => (
                <Table.Tr key={`${g.by}:${g.key}`}>
                  <Table.Td>{g.key === 'all' ? 'All' : groupName(g)}</Table.Td>
                  <Table.Td>
                    {spreadText(g.firstResponse)}{' '}
                    <Text span size="xs" c="dimmed">
                      n={g.firstResponse.n}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {spreadText(g.decision)}{' '}
                    <Text span size="xs" c="dimmed">
                      n={g.decision.n}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Median days, with the middle half of answers in brackets; under five answers, the whole range. Tag
        applications "size:…" or "industry:…" to see those too.
      </Text>
      <Stack gap={4} mt="sm">
        {data.noticeDays === null ? (
          <Text size="sm" c="dimmed">
            No notice rule set. If your region expects an answer within some days of an interview, set it in{' '}
            <Anchor component={Link} to="/settings">
              Settings
            </Anchor>
            .
          </Text>
        ) : data.pastNotice.length === 0 ? (
          <Text size="sm">
            Nothing is past your notice rule of {data.noticeDays} days after an interview.
          </Text>
        ) : (
          <>
            <Text size="sm" fw={500}>
              Past your notice rule ({data.noticeDays} days after an interview):
            </Text>
            <List size="sm">
              {data.pastNotice.map((p) => (
                <List.Item key={p.applicationId}>
                  <Anchor component={Link} to={`/?app=${encodeURIComponent(p.applicationId)}`}>
                    {p.company} · {p.role}
                  </Anchor>{' '}
                  — {p.silentDays} days since the interview
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Yield by channel with referral on its own line, and what the referral asks returned. */
export function ChannelYieldCard({ data }: { data: ReferralYieldView }) {
  const rows = data.byChannel.filter((r) => r.applications > 0 || r.channel === 'referral');
  return (
    <Card padding="lg" data-testid="yield-by-channel">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={4}>Which channels answer you</Title>
        <Anchor component={Link} to="/evidence#referrals" size="xs">
          Why referrals?
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Interviews per application sent, with the likely range. An application someone referred you for counts
        as a referral.
      </Text>
      <Stack gap="sm">
        {rows.map((r) => (
          <div key={r.channel}>
            <Text size="sm" fw={500}>
              {CHANNEL_LABELS[r.channel]}
            </Text>
            <RateLine rate={r.interviews} />
          </div>
        ))}
      </Stack>
      <Title order={5} mt="md" mb={4}>
        Referral asks
      </Title>
      {data.asks.asks === 0 ? (
        <Text size="sm" c="dimmed">
          No asks yet. Open a saved application where you know someone to draft one.
        </Text>
      ) : (
        <Stack gap={6}>
          <Text size="sm">
            {data.asks.asks} asked · {data.asks.waiting} waiting · {data.asks.declined} could not
          </Text>
          <RateLine rate={data.asks.agreed} label="Said yes" />
          <RateLine rate={data.asks.referred} label="Referred you" />
        </Stack>
      )}
    </Card>
  );
}
