import type { ShareScope } from '@core/accounts/scopes.ts';
import {
  CHANNEL_LABELS,
  type Channel,
  OUTCOME_LABELS,
  STAGE_LABELS,
  type Stage,
} from '@core/applications/application.ts';
import type { ApplicationSummary, TimelineEvent } from '@core/applications/schemas.ts';
import { goalTitle } from '@core/wellbeing/goals.ts';
import { Alert, Badge, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { meKey } from '../account/session.tsx';
import { isShareEnded, seekerApi, useSeekerRead } from './api.ts';

interface SectionProps {
  workspaceId: string;
}

/** Shows a read's state; a share that ended meanwhile makes the whole view ask the server again. */
function Read<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  const qc = useQueryClient();
  const ended = isShareEnded(query.error);
  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: meKey });
  }, [ended, qc]);
  if (query.isPending) return <Loader size="sm" />;
  if (query.error || query.data === undefined)
    return (
      <Alert color={ended ? 'gray' : 'red'} role="alert">
        {ended ? 'This job search is not shared with you any more.' : errorMessage(query.error)}
      </Alert>
    );
  return <>{children(query.data)}</>;
}

function Applications({ workspaceId }: SectionProps) {
  const api = seekerApi(workspaceId);
  const list = useSeekerRead(workspaceId, 'applications', api.applications);
  const [open, setOpen] = useState<ApplicationSummary | null>(null);
  return (
    <Read query={list}>
      {(data) =>
        data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No applications yet.
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {data.total} application{data.total === 1 ? '' : 's'}. Open one to see its history.
            </Text>
            <Stack gap="xs" hiddenFrom="sm">
              {data.items.map((a) => (
                <Card
                  key={a.id}
                  withBorder
                  padding="sm"
                  onClick={() => setOpen(a)}
                  style={{ cursor: 'pointer' }}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      <Text size="sm" fw={600}>
                        {a.company}
                      </Text>
                      <Text size="sm">{a.role}</Text>
                      <Text size="xs" c="dimmed">
                        Last activity {formatDate(a.lastActivityOn)}
                      </Text>
                    </div>
                    <StageBadge app={a} />
                  </Group>
                </Card>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={560} visibleFrom="sm">
              <Table highlightOnHover data-testid="seeker-applications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Company</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Stage</Table.Th>
                    <Table.Th>Last activity</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => (
                    <Table.Tr key={a.id} onClick={() => setOpen(a)} style={{ cursor: 'pointer' }}>
                      <Table.Td>
                        <Text
                          component="button"
                          type="button"
                          size="sm"
                          fw={600}
                          onClick={() => setOpen(a)}
                          style={{
                            background: 'none',
                            border: 0,
                            padding: 0,
                            cursor: 'pointer',
                            textAlign: 'left',
                            overflowWrap: 'anywhere',
                          }}
                        >
                          {a.company}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.role}</Table.Td>
                      <Table.Td>
                        <StageBadge app={a} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.lastActivityOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {open && (
              <ApplicationHistory workspaceId={workspaceId} app={open} onClose={() => setOpen(null)} />
            )}
          </>
        )
      }
    </Read>
  );
}

function StageBadge({ app }: { app: ApplicationSummary }) {
  return (
    <Badge
      variant="light"
      color={app.outcome ? 'gray' : 'indigo'}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {app.outcome ? OUTCOME_LABELS[app.outcome] : STAGE_LABELS[app.stage]}
    </Badge>
  );
}

function eventWords(e: TimelineEvent): string {
  switch (e.type) {
    case 'created':
      return `Added at ${STAGE_LABELS[e.data.stage]}`;
    case 'stage_changed':
      return `Moved to ${STAGE_LABELS[e.data.to]}`;
    case 'outcome_set':
      return `Closed: ${OUTCOME_LABELS[e.data.outcome]}`;
    case 'reopened':
      return 'Reopened';
    case 'round_added':
      return `Interview round ${e.data.number}`;
    case 'response':
      return e.data.summary ? `Reply: ${e.data.summary}` : 'Reply from the employer';
    case 'note': {
      const text = e.current?.deleted ? null : (e.current?.text ?? e.data.text);
      return text ? `Note: ${text}` : 'Note (not shared)';
    }
    default:
      return '';
  }
}

function ApplicationHistory({
  workspaceId,
  app,
  onClose,
}: {
  workspaceId: string;
  app: ApplicationSummary;
  onClose: () => void;
}) {
  const api = seekerApi(workspaceId);
  const detail = useSeekerRead(workspaceId, `application:${app.id}`, () => api.application(app.id));
  return (
    <Modal opened onClose={onClose} title={`${app.company} — ${app.role}`} size="lg">
      <Read query={detail}>
        {(d) => (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {CHANNEL_LABELS[d.channel]} · applied {formatDate(d.appliedOn)} · furthest stage{' '}
              {STAGE_LABELS[d.furthestStage]}
            </Text>
            {d.events
              .filter((e) => !e.undone && eventWords(e) !== '')
              .map((e) => (
                <Text key={e.id} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span c="dimmed" size="sm">
                    {formatDate(e.occurredOn)} ·{' '}
                  </Text>
                  {eventWords(e)}
                </Text>
              ))}
          </Stack>
        )}
      </Read>
    </Modal>
  );
}

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
