import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ResponseWaitView } from './api.ts';

/**
 * The quiet-application line: this silence against the user's own history of replies ("most
 * replies you got came within N days; this one has been quiet for M"), and the notice rule.
 */
export function WaitingLine({ wait }: { wait: ResponseWaitView | undefined }) {
  if (!wait || (!wait.quiet && !wait.notice)) return null;
  const past = wait.notice?.pastNotice === true || wait.quiet?.pastTypical === true;
  return (
    <Alert
      color={wait.notice?.pastNotice ? 'orange' : past ? 'yellow' : 'gray'}
      variant="light"
      icon={<IconHourglass size={18} />}
      data-testid="waiting-line"
    >
      <Stack gap={4}>
        {wait.quiet && <Text size="sm">{wait.quiet.text}</Text>}
        {wait.notice && (
          <Text size="sm" fw={wait.notice.pastNotice ? 500 : undefined}>
            {wait.notice.text}
          </Text>
        )}
        <Anchor component={Link} to="/evidence#silence" size="xs">
          Why Rebound says this
        </Anchor>
      </Stack>
    </Alert>
  );
}
