import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useReframe } from './api.ts';

/**
 * Common thinking traps after a no, in plain words, each with another way to look at it. Offered,
 * never diagnosed: it names thoughts many people have, not anything about the person reading.
 */
export function ReframeCard() {
  const { data } = useReframe();
  if (!data) return null;
  return (
    <Card padding="lg" data-testid="reframe-card">
      <Title order={4}>Thoughts that often come after a no</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Many people have these. If one sounds familiar, here is another way to look at it.
      </Text>
      <Stack gap="sm">
        {data.traps.map((t) => (
          <div key={t.id}>
            <Text size="sm" fw={600}>
              {t.name}:{' '}
              <Text span size="sm" fs="italic" fw={400}>
                {t.thought}
              </Text>
            </Text>
            <Text size="sm">{t.reframe}</Text>
          </div>
        ))}
      </Stack>
      <Text size="sm" mt="md">
        {data.note}{' '}
        {data.helplineUrl ? (
          <Anchor href={data.helplineUrl} target="_blank" rel="noreferrer noopener">
            Your helpline page
          </Anchor>
        ) : (
          <>
            You can keep a helpline page at hand in{' '}
            <Anchor component={Link} to="/settings">
              Settings
            </Anchor>
            .
          </>
        )}
      </Text>
    </Card>
  );
}
