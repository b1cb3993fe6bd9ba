import { FEEDBACK_STATE_LABELS } from '@core/recovery/feedback-state.ts';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useRejection } from './api.ts';
import { formatWhen } from './format.ts';
import { recoveryPath } from './paths.ts';

/** On a rejected application's page: where the recovery steps stand, and a way back into them. */
export function RecoveryCard({ applicationId }: { applicationId: string }) {
  const { data: rejection } = useRejection(applicationId);
  if (!rejection || rejection.reopenedAt) return null;
  const pausing = rejection.coolOff.endsAt !== null && Date.parse(rejection.coolOff.endsAt) > Date.now();
  return (
    <Card padding="lg" data-testid="recovery-card">
      <Title order={4} mb="xs">
        Recovery
      </Title>
      <Stack gap={6}>
        {pausing && (
          <Text size="sm" c="dimmed">
            Pause until {formatWhen(rejection.coolOff.endsAt)}.
          </Text>
        )}
        {rejection.feedbackState && (
          <Group gap="xs">
            <Text size="sm">Feedback request</Text>
            <Badge variant="light" color={rejection.feedbackState === 'drafted' ? 'gray' : 'teal'}>
              {FEEDBACK_STATE_LABELS[rejection.feedbackState]}
            </Badge>
          </Group>
        )}
        <Button
          component={Link}
          to={recoveryPath(applicationId)}
          variant="light"
          rightSection={<IconArrowRight size={16} />}
          mt={4}
        >
          Next steps after this no
        </Button>
      </Stack>
    </Card>
  );
}
