import { CHANNEL_LABELS } from '@core/applications/application.ts';
import { PLAN_CHANNELS, planHours } from '@core/channels/plan.ts';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconCircleDashed, IconPrinter } from '@tabler/icons-react';
import { errorMessage } from '../../api/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { useReview } from './api.ts';
import { PlanSection } from './plan-review.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hours = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} h`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <Title order={5} mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * The weekly review, built from the review's JSON (never from a string of HTML): what you did
 * against your goals, what came back, wins, what changed in the findings and next week's hours.
 */
export function ReviewCard({ week, weekEnd }: { week: string; weekEnd: string }) {
  const { data, isLoading, error } = useReview(week);
  return (
    <Card padding="lg" className="weekly-review" data-testid="weekly-review">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={3}>Weekly review</Title>
          <Text size="sm" c="dimmed">
            {formatDate(data?.weekStart ?? week)} – {formatDate(weekEnd)}
          </Text>
        </div>
        <Button
          className="no-print"
          variant="default"
          leftSection={<IconPrinter size={16} />}
          onClick={() => window.print()}
          disabled={!data}
        >
          Print
        </Button>
      </Group>
      {isLoading ? (
        <Loader size="sm" />
      ) : error || !data ? (
        <Alert color="red" title="The review could not load">
          {errorMessage(error)}
        </Alert>
      ) : (
        <Stack gap="lg">
          {data.load?.level === 'heavy' && (
            <Alert color="grape" variant="light">
              {data.load.why} {data.load.suggestion}
            </Alert>
          )}
          <Section title="What you did">
            {data.goals.length === 0 ? (
              <Text size="sm" c="dimmed">
                No weekly goals set. One or two small ones about actions can make progress easier to see.
              </Text>
            ) : (
              <Stack gap={6}>
                {data.goals.map((g) => (
                  <Group key={g.goalId} gap="xs" wrap="nowrap" align="flex-start">
                    <ThemeIcon size="sm" radius="xl" variant="light" color={g.met ? 'teal' : 'gray'}>
                      {g.met ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
                    </ThemeIcon>
                    {/* The title says which goal (a one-week step's own words); the message how far. */}
                    <Text size="sm" data-testid="review-goal">
                      <Text span size="sm" fw={600}>
                        {g.title}
                      </Text>
                      : {g.message}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Section>
          {data.plan && <PlanSection plan={data.plan} />}
          <Section title="What came back">
            <List size="sm" spacing={2}>
              <List.Item>{plural(data.outcomes.applicationsSent, 'application')} sent</List.Item>
              <List.Item>
                {plural(data.outcomes.replies, 'reply', 'replies')},{' '}
                {plural(data.outcomes.interviews, 'interview')}, {plural(data.outcomes.offers, 'offer')}
              </List.Item>
              <List.Item>
                {plural(data.outcomes.rejections, 'rejection')}
                {data.outcomes.rejections > 0 && ': each one is information, not a verdict on you'}
              </List.Item>
            </List>
          </Section>
          <Section title="Small wins">
            {data.wins.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing logged as a win this week. Showing up for the search still counts.
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {data.wins.map((w) => (
                  <List.Item key={`${w.on}-${w.kind}-${w.applicationId ?? ''}-${w.text}`}>
                    <Text span size="sm" c="dimmed">
                      {formatDate(w.on)}:
                    </Text>{' '}
                    {w.text}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title="Insights that changed">
            {data.insights.added.length + data.insights.removed.length === 0 ? (
              <Text size="sm" c="dimmed">
                No change in what your history suggests since last week.
              </Text>
            ) : (
              <List size="sm" spacing={4}>
                {data.insights.added.map((f) => (
                  <List.Item key={`new-${f.id}`}>
                    <Text span fw={600} size="sm">
                      New:
                    </Text>{' '}
                    {f.text}
                  </List.Item>
                ))}
                {data.insights.removed.map((f) => (
                  <List.Item key={`old-${f.id}`}>
                    <Text span fw={600} size="sm">
                      No longer true:
                    </Text>{' '}
                    <Text span size="sm" c="dimmed">
                      {f.text}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          {data.nextWeek && (
            <Section title="Next week">
              <NextWeek plan={data.nextWeek.plan} hoursPerWeek={data.nextWeek.hoursPerWeek} />
              {(data.nextWeek.moves ?? []).length > 0 && (
                <List size="sm" spacing={2} mt="xs">
                  {data.nextWeek.moves?.map((m) => (
                    <List.Item key={`${m.from}-${m.to}`}>
                      {m.points} points from {CHANNEL_LABELS[m.from].toLowerCase()} to{' '}
                      {CHANNEL_LABELS[m.to].toLowerCase()}: {m.why}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          )}
        </Stack>
      )}
    </Card>
  );
}

function NextWeek({ plan, hoursPerWeek }: { plan: Parameters<typeof planHours>[0]; hoursPerWeek: number }) {
  const h = planHours(plan, hoursPerWeek);
  return (
    <Table verticalSpacing={2} aria-label="Next week's hours per channel" maw={420}>
      <Table.Tbody>
        {PLAN_CHANNELS.map((c) => (
          <Table.Tr key={c}>
            <Table.Td>{CHANNEL_LABELS[c]}</Table.Td>
            <Table.Td ta="right">{plan[c]}%</Table.Td>
            <Table.Td ta="right">{hours(h[c])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
