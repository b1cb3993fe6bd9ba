import { CHANNEL_LABELS, type Channel } from '@core/applications/application.ts';
import type { Finding } from '@core/insights/findings.ts';
import { Anchor, Badge, Button, Card, Collapse, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useBoardApplications } from '../../api/hooks.ts';
import { formatDate } from '../../lib/format.ts';

/** "recentRate" → "recent rate", "applicationIds" → "applications". */
function keyLabel(key: string): string {
  if (key === 'applicationIds') return 'applications';
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/N$/, ' count')
    .toLowerCase();
}

function valueText(key: string, value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') {
    if (/rate$/i.test(key) && value >= 0 && value <= 1) return `${Math.round(value * 100)}%`;
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (value in CHANNEL_LABELS) return CHANNEL_LABELS[value as Channel];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}

function Evidence({ finding }: { finding: Finding }) {
  const board = useBoardApplications();
  const names = useMemo(
    () => new Map((board.data?.items ?? []).map((a) => [a.id, `${a.company} · ${a.role}`])),
    [board.data],
  );
  return (
    <List size="sm" spacing={2} c="dimmed">
      {Object.entries(finding.evidence).map(([key, value]) =>
        Array.isArray(value) ? (
          <List.Item key={key}>
            {keyLabel(key)}:{' '}
            {key === 'applicationIds'
              ? value.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={`/applications/${encodeURIComponent(id)}`} size="sm">
                      {names.get(id) ?? id}
                    </Anchor>
                  </span>
                ))
              : value.join(', ')}
          </List.Item>
        ) : (
          <List.Item key={key}>
            {keyLabel(key)}: {valueText(key, value as string | number | null)}
          </List.Item>
        ),
      )}
    </List>
  );
}

function FindingItem({ finding, rank }: { finding: Finding; rank: number }) {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Card withBorder padding="md" data-testid="finding">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Badge variant="light" circle size="lg" aria-label={`Finding ${rank}`}>
          {rank}
        </Badge>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm">{finding.text}</Text>
          <Group>
            <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={opened}>
              {opened ? 'Hide the numbers' : 'Show the numbers'}
            </Button>
          </Group>
          <Collapse expanded={opened}>
            <Evidence finding={finding} />
          </Collapse>
        </Stack>
      </Group>
    </Card>
  );
}

/** The plain-language findings, most important first, each with the numbers behind it. */
export function FindingsCard({ findings }: { findings: readonly Finding[] }) {
  return (
    <Card padding="lg">
      <Group gap="xs" mb="sm">
        <IconBulb size={20} stroke={1.6} />
        <Title order={4}>What your history suggests</Title>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing stands out yet. Findings appear once there are enough applications to say something fair; a
          handful is not enough to read a pattern into.
        </Text>
      ) : (
        <Stack gap="sm">
          {findings.map((f, i) => (
            <FindingItem key={f.id} finding={f} rank={i + 1} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
