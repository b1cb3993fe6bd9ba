import type { WeeklyReview } from '@core/insights/schemas.ts';
import { stepChannelLabel } from '@core/week/steps.ts';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

type Plan = NonNullable<WeeklyReview['plan']>;

/** The review's plan section: steps planned against done, and against what came back, per channel. */
export function PlanSection({ plan }: { plan: Plan }) {
  return (
    <section data-testid="review-plan">
      <Title order={5} mb={6}>
        Your plan
      </Title>
      <Text size="sm">{plan.message}</Text>
      {plan.channels.length > 0 && (
        <Table.ScrollContainer minWidth={420} mt="xs">
          <Table verticalSpacing={2} aria-label="Plan against what was done and what came back">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Channel</Table.Th>
                <Table.Th ta="right">Steps done</Table.Th>
                <Table.Th ta="right">Minutes</Table.Th>
                <Table.Th ta="right">Sent</Table.Th>
                <Table.Th ta="right">Replies</Table.Th>
                <Table.Th ta="right">Interviews</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.channels.map((c) => (
                <Table.Tr key={c.channel}>
                  <Table.Td>{stepChannelLabel(c.channel)}</Table.Td>
                  <Table.Td ta="right">
                    {c.done} of {c.planned}
                  </Table.Td>
                  <Table.Td ta="right">
                    {c.minutesDone} of {c.minutesPlanned}
                  </Table.Td>
                  <Table.Td ta="right">{c.sent}</Table.Td>
                  <Table.Td ta="right">{c.replies}</Table.Td>
                  <Table.Td ta="right">{c.interviews}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt={4} className="no-print">
        Replies often come weeks after the work that earned them; this is a picture of the week, not a verdict
        on it.{' '}
        <Anchor component={Link} to="/evidence#plan" size="xs">
          Why plan this way?
        </Anchor>
      </Text>
    </section>
  );
}
