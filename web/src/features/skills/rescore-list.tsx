import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { type Rescore, scoreText } from './api.ts';

/** Each open application's tailoring score before and after a resume change, biggest gain first. */
export function RescoreList({ rescored }: { rescored: Rescore[] }) {
  if (rescored.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No open applications with a job description to score.
      </Text>
    );
  }
  const gain = (r: Rescore) => (r.after ?? 0) - (r.before ?? 0);
  const rows = [...rescored].sort((a, b) => gain(b) - gain(a));
  return (
    <Table verticalSpacing={6} data-testid="rescore-list">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.applicationId} data-testid="rescore-row">
            <Table.Td>
              <Anchor component={Link} to={`/applications/${r.applicationId}`} size="sm">
                {r.company} · {r.role}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap" justify="flex-end">
                <Text size="sm" c="dimmed">
                  {scoreText(r.before)}
                </Text>
                <IconArrowRight size={14} aria-label="to" />
                <Text size="sm" fw={600}>
                  {scoreText(r.after)}
                </Text>
                {gain(r) > 0 && (
                  <Badge size="xs" color="teal" variant="light">
                    +{gain(r)}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
