import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useWriting } from './api.ts';

export const writingPath = (applicationId: string) =>
  `/today/recovery/${encodeURIComponent(applicationId)}/write`;

/** The button's words: start, continue today's, the next session, or read back once all are written. */
function actionLabel(data: NonNullable<ReturnType<typeof useWriting>['data']>): string {
  if (data.next === null) return 'Read what you wrote';
  if (data.next.continuing) return 'Continue today’s session';
  return data.sessions.length === 0 ? 'Start writing' : `Write session ${data.next.number}`;
}

/** On a rejected application's page: the writing after this no, in a line and a button. */
export function WritingLink({ applicationId }: { applicationId: string }) {
  const { data } = useWriting(applicationId);
  if (!data) return null;
  return (
    <Card padding="lg" data-testid="writing-link">
      <Title order={4}>Writing it out</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {data.sessions.length === 0
          ? 'Optional and private: a few short sessions about this no.'
          : `${data.sessions.length} of ${data.maxSessions} sessions written. Private.`}
      </Text>
      <Button
        component={Link}
        to={writingPath(applicationId)}
        variant="light"
        leftSection={<IconPencil size={16} />}
      >
        {actionLabel(data)}
      </Button>
    </Card>
  );
}

/** The opt-in offer in the recovery flow: a few short private writing sessions about this no. */
export function WritingOffer({ applicationId }: { applicationId: string }) {
  const { data } = useWriting(applicationId);
  if (!data) return null;
  const written = data.sessions.length;
  return (
    <Card padding="lg" data-testid="writing-offer">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={4}>Writing it out (optional)</Title>
          <Text size="sm" c="dimmed" mt={4}>
            Up to {data.maxSessions} short sessions on different days, about {data.minutes} minutes each, with
            a gentle question for each. People who wrote about losing a job this way found new work sooner.{' '}
            <Anchor component={Link} to="/evidence#writing" size="sm">
              The study
            </Anchor>
          </Text>
          <Group gap={6} mt={6} wrap="nowrap" align="flex-start">
            <IconLock size={14} style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="xs" c="dimmed">
              Private: only you can read it. It stays out of backups unless you include it.
            </Text>
          </Group>
        </div>
        <Button
          component={Link}
          to={writingPath(applicationId)}
          variant="light"
          leftSection={<IconPencil size={16} />}
        >
          {actionLabel(data)}
        </Button>
      </Group>
      {written > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {written} of {data.maxSessions} sessions written.
        </Text>
      )}
    </Card>
  );
}
