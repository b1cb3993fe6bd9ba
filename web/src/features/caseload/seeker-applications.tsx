import { CHANNEL_LABELS, OUTCOME_LABELS, STAGE_LABELS } from '@core/applications/application.ts';
import type { ApplicationSummary, TimelineEvent } from '@core/applications/schemas.ts';
import { Badge, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { seekerApi, useSeekerRead } from './api.ts';
import { Read, type SectionProps } from './seeker-read.tsx';

/** The seeker's applications, read-only, each opening its stage history. */
export function Applications({ workspaceId }: SectionProps) {
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
