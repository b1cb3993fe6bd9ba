import { CHANNEL_LABELS } from '@core/applications/application.ts';
import { PLAN_CHANNELS } from '@core/channels/plan.ts';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight } from '@tabler/icons-react';
import { errorMessage } from '../../api/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { type ChannelsView, useChannels, useSetPlan } from './api.ts';
import { PlanEditor } from './plan-editor.tsx';
import { RateLine } from './rate.tsx';
import { TimeLogForm } from './time-log-form.tsx';

const hoursText = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} h`;

function PlanVsActualCard({ view }: { view: ChannelsView }) {
  const rows = view.planVsActual.rows.map((r) => ({
    channel: CHANNEL_LABELS[r.channel],
    Planned: r.plannedHours,
    Logged: r.actualHours,
  }));
  const { otherHours, learningHours, totalActualHours } = view.planVsActual;
  return (
    <Card padding="lg" data-testid="plan-vs-actual">
      <Group justify="space-between" mb={4} align="baseline">
        <Title order={4}>This week: plan and actual</Title>
        <Text size="sm" c="dimmed">
          {formatDate(view.weekStart)} – {formatDate(view.weekEnd)}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {hoursText(totalActualHours)} logged of {hoursText(view.hoursPerWeek)} planned. A plan is a guide, not
        a test.
      </Text>
      <div
        role="img"
        aria-label={`Hours this week: ${rows.map((r) => `${r.channel} ${r.Logged} of ${r.Planned}`).join(', ')}`}
      >
        <BarChart
          h={200}
          data={rows}
          dataKey="channel"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={[
            { name: 'Planned', color: 'gray.4' },
            { name: 'Logged', color: 'teal.6' },
          ]}
          valueFormatter={(v) => `${v} h`}
          tickLine="none"
          gridAxis="y"
          maxBarWidth={36}
        />
      </div>
      <Table mt="sm" verticalSpacing={4} aria-label="Hours per channel this week">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Channel</Table.Th>
            <Table.Th ta="right">Planned</Table.Th>
            <Table.Th ta="right">Logged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.planVsActual.rows.map((r) => (
            <Table.Tr key={r.channel} data-testid={`pva-${r.channel}`}>
              <Table.Td>{CHANNEL_LABELS[r.channel]}</Table.Td>
              <Table.Td ta="right">{hoursText(r.plannedHours)}</Table.Td>
              <Table.Td ta="right">{hoursText(r.actualHours)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(otherHours > 0 || learningHours > 0) && (
        <Text size="xs" c="dimmed" mt={4}>
          Also logged: {learningHours > 0 && `${hoursText(learningHours)} learning`}
          {learningHours > 0 && otherHours > 0 && ', '}
          {otherHours > 0 && `${hoursText(otherHours)} other`}.
        </Text>
      )}
    </Card>
  );
}

function YieldsCard({ view }: { view: ChannelsView }) {
  return (
    <Card padding="lg">
      <Title order={4} mb={4}>
        What each channel has returned
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        All time, with the likely range. Referrals count as networking.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {view.yields.map((y) => (
          <Stack key={y.channel} gap={6} data-testid={`yield-${y.channel}`}>
            <Group justify="space-between">
              <Text fw={600}>{CHANNEL_LABELS[y.channel]}</Text>
              <Text size="xs" c="dimmed">
                {y.applications} application{y.applications === 1 ? '' : 's'} · {hoursText(y.hours)} logged
              </Text>
            </Group>
            <RateLine rate={y.responses} label="Answered" />
            <RateLine rate={y.interviews} label="Interview" />
            <Text size="xs" c="dimmed">
              {y.interviewsPerHour === null
                ? 'Interviews per hour: log time on this channel to see it.'
                : `Interviews per hour logged: ${y.interviewsPerHour.toFixed(2)}`}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function SuggestionCard({ view }: { view: ChannelsView }) {
  const setPlan = useSetPlan();
  const { suggestion } = view;
  const same = PLAN_CHANNELS.every((c) => suggestion.plan[c] === view.plan[c]);
  return (
    <Card padding="lg" data-testid="suggestion">
      <Title order={4} mb={4}>
        A suggested split for next week
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {suggestion.method}
      </Text>
      <Group gap="xs" mb="sm" wrap="wrap">
        {PLAN_CHANNELS.map((c) => (
          <Badge
            key={c}
            variant={suggestion.plan[c] === view.plan[c] ? 'default' : 'light'}
            tt="none"
            size="lg"
          >
            {CHANNEL_LABELS[c]} {view.plan[c]}% → {suggestion.plan[c]}%
          </Badge>
        ))}
      </Group>
      {suggestion.moves.length === 0 ? (
        <Text size="sm">
          No change suggested: there is not enough difference between channels to move time yet.
        </Text>
      ) : (
        <List size="sm" spacing="xs" icon={<IconArrowRight size={14} />} center>
          {suggestion.moves.map((m) => (
            <List.Item key={`${m.from}-${m.to}`}>
              <Text size="sm" fw={500} span>
                {m.points} points from {CHANNEL_LABELS[m.from].toLowerCase()} to{' '}
                {CHANNEL_LABELS[m.to].toLowerCase()}.
              </Text>{' '}
              <Text size="sm" c="dimmed" span>
                Why: {m.why}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end" mt="md">
        <Button
          disabled={same}
          loading={setPlan.isPending}
          onClick={() =>
            setPlan.mutate(
              { plan: suggestion.plan },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: 'Next week’s plan is set.' }),
                onError: (error) =>
                  notifications.show({ color: 'red', title: 'Plan not saved', message: errorMessage(error) }),
              },
            )
          }
        >
          {same ? 'Already your plan' : 'Use this plan'}
        </Button>
      </Group>
    </Card>
  );
}

/** Channels: the plan, time against it, what each channel returned and next week's suggestion. */
export function ChannelsPanel() {
  const { data, isLoading, error } = useChannels();
  if (isLoading)
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  if (error || !data)
    return (
      <Alert color="red" title="Channels could not load">
        {errorMessage(error)}
      </Alert>
    );
  return (
    <Stack gap="md">
      <TimeLogForm />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <PlanVsActualCard view={data} />
        <SuggestionCard view={data} />
      </SimpleGrid>
      <PlanEditor view={data} />
      <YieldsCard view={data} />
    </Stack>
  );
}
