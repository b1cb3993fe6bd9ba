import type { ShareScope } from '@core/accounts/scopes.ts';
import { CHANNEL_LABELS, type Channel, STAGE_LABELS, type Stage } from '@core/applications/application.ts';
import { goalTitle } from '@core/wellbeing/goals.ts';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { formatDate } from '../../lib/format.ts';
import { seekerApi, useSeekerRead } from './api.ts';
import { Applications } from './seeker-applications.tsx';
import { Read, type SectionProps } from './seeker-read.tsx';

function Insights({ workspaceId }: SectionProps) {
  const insights = useSeekerRead(workspaceId, 'insights', seekerApi(workspaceId).insights);
  return (
    <Read query={insights}>
      {(data) => (
        <Stack gap="md">
          <Card withBorder padding="md">
            <Title order={4} size="h5" mb="xs">
              How far applications got
            </Title>
            <Table>
              <Table.Tbody>
                {data.funnel.map((row) => (
                  <Table.Tr key={row.stage}>
                    <Table.Td>{STAGE_LABELS[row.stage as Stage] ?? row.stage}</Table.Td>
                    <Table.Td>{row.reached}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder padding="md">
            <Title order={4} size="h5" mb="xs">
              Channels
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Applications</Table.Th>
                  <Table.Th>Interviews</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.channels.yields.map((y) => (
                  <Table.Tr key={y.channel}>
                    <Table.Td>{CHANNEL_LABELS[y.channel as Channel] ?? y.channel}</Table.Td>
                    <Table.Td>{y.applications}</Table.Td>
                    <Table.Td>{y.interviews.successes}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          {data.findings.length > 0 && (
            <Card withBorder padding="md">
              <Title order={4} size="h5" mb="xs">
                What stands out
              </Title>
              <Stack gap={4} data-testid="seeker-findings">
                {data.findings.map((f) => (
                  <Text key={f.id} size="sm">
                    {f.text}
                  </Text>
                ))}
              </Stack>
            </Card>
          )}
        </Stack>
      )}
    </Read>
  );
}

function Goals({ workspaceId }: SectionProps) {
  const api = seekerApi(workspaceId);
  const goals = useSeekerRead(workspaceId, 'goals', api.goals);
  const wins = useSeekerRead(workspaceId, 'wins', api.wins);
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={4} size="h5" mb="xs">
          This week's goals
        </Title>
        <Read query={goals}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No goals set.
              </Text>
            ) : (
              <Stack gap={4}>
                {data.items.map((g) => (
                  <Text key={g.id} size="sm">
                    {goalTitle(g)}: {g.progress.message}
                  </Text>
                ))}
              </Stack>
            )
          }
        </Read>
      </Card>
      <Card withBorder padding="md">
        <Title order={4} size="h5" mb="xs">
          Wins, latest first
        </Title>
        <Read query={wins}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No wins noted yet.
              </Text>
            ) : (
              <Stack gap={4}>
                {[...data.items]
                  .reverse()
                  .slice(0, 15)
                  .map((w, i) => (
                    <Text key={w.id ?? `${w.on}-${i}`} size="sm">
                      {formatDate(w.on)} · {w.text}
                    </Text>
                  ))}
              </Stack>
            )
          }
        </Read>
      </Card>
    </Stack>
  );
}

function Contacts({ workspaceId }: SectionProps) {
  const contacts = useSeekerRead(workspaceId, 'contacts', seekerApi(workspaceId).contacts);
  return (
    <Read query={contacts}>
      {(data) =>
        data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No contacts yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Company</Table.Th>
                  <Table.Th>Role</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.company ?? '—'}</Table.Td>
                    <Table.Td>{c.role ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </Read>
  );
}

function Notes({ workspaceId }: SectionProps) {
  const rejections = useSeekerRead(workspaceId, 'rejections', seekerApi(workspaceId).rejections);
  return (
    <Read query={rejections}>
      {(data) =>
        data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rejections or look-backs written down yet.
          </Text>
        ) : (
          <Stack gap="sm">
            {data.items.map((r) => (
              <Card key={r.id} withBorder padding="sm">
                <Text size="sm" fw={600}>
                  {r.company} — {r.role}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(r.rejectedAt.slice(0, 10))} · got as far as {STAGE_LABELS[r.stageReached]}
                </Text>
                {r.reasonGiven && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    Reason given: {r.reasonGiven}
                  </Text>
                )}
                {r.reasonTags.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {r.reasonTags.join(', ')}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )
      }
    </Read>
  );
}

/** One read-only section per share scope. */
export const SECTIONS: Record<ShareScope, ComponentType<SectionProps>> = {
  applications: Applications,
  insights: Insights,
  goals: Goals,
  contacts: Contacts,
  notes: Notes,
};
