import { SHARE_SCOPE_LABELS } from '@core/accounts/scopes.ts';
import { ATTENTION_LABELS, type CaseloadEntry } from '@core/sharing/schemas.ts';
import { Alert, Badge, Card, Group, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { daysAgo, formatDate } from '../../lib/format.ts';
import { useCaseload } from './api.ts';

/** `/caseload`: the seekers who share with me, those who need attention first, and why. */
export default function CaseloadPage() {
  const caseload = useCaseload();
  const entries = caseload.data?.entries ?? [];
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>Caseload</Title>
        <Text c="dimmed">
          The people who share their job search with you, those who may need a word first. You see only what
          each one chose to share, read only.
        </Text>
      </div>
      {caseload.error && <Alert color="red">{errorMessage(caseload.error)}</Alert>}
      {caseload.data && entries.length === 0 && (
        <Card withBorder padding="lg">
          <Text size="sm">
            Nobody shares their job search with you yet. When someone does (from their Sharing page, with your
            e-mail address), they appear here.
          </Text>
        </Card>
      )}
      <Stack gap="sm" data-testid="caseload">
        {entries.map((entry) => (
          <CaseloadCard key={entry.shareId} entry={entry} signals={caseload.data?.signals ?? false} />
        ))}
      </Stack>
    </Stack>
  );
}

function CaseloadCard({ entry, signals }: { entry: CaseloadEntry; signals: boolean }) {
  const needsAttention = entry.attention.length > 0;
  return (
    <UnstyledButton
      component={Link}
      to={`/caseload/${encodeURIComponent(entry.workspaceId)}`}
      aria-label={`Open ${entry.name}'s shared job search`}
    >
      <Card
        withBorder
        padding="md"
        style={needsAttention ? { borderLeft: '4px solid var(--mantine-color-orange-5)' } : undefined}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{entry.name}</Text>
              <Text size="sm" c="dimmed">
                {entry.email}
              </Text>
            </Group>
            {needsAttention && (
              <Stack gap={4}>
                {entry.attention.map((a) => (
                  <Group key={a.kind} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                      {ATTENTION_LABELS[a.kind] ?? a.kind}
                    </Badge>
                    <Text size="sm">{a.reason}</Text>
                  </Group>
                ))}
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {[
                entry.lastActivityAt
                  ? `Last activity ${daysAgo(entry.lastActivityAt.slice(0, 10))}`
                  : signals
                    ? 'No activity yet'
                    : null,
                entry.endsOn ? `Shared until ${formatDate(entry.endsOn)}` : 'Shared until they end it',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={4}>
              {entry.scopes.map((scope) => (
                <Tooltip key={scope} label="Shared with you">
                  <Badge variant="outline" color="gray" size="sm">
                    {SHARE_SCOPE_LABELS[scope]}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          </Stack>
          <IconChevronRight size={18} style={{ flexShrink: 0 }} />
        </Group>
      </Card>
    </UnstyledButton>
  );
}
