import { Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowBounce, IconDatabase, IconPlus } from '@tabler/icons-react';
import { useLoadSampleData } from '../api/hooks.ts';
import { useSession } from '../features/account/session.tsx';
import { useOpenAddApplication } from './add-application.tsx';

/** First run: nothing tracked yet. */
export function EmptyState() {
  const openAdd = useOpenAddApplication();
  const sample = useLoadSampleData();
  const hosted = useSession()?.mode === 'hosted';

  return (
    <Stack align="center" py={60} px="md">
      <Card padding="xl" radius="lg" maw={560} w="100%" shadow="sm">
        <Stack gap="md" align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }}>
            <IconArrowBounce size={30} />
          </ThemeIcon>
          <Title order={2}>Welcome to Rebound</Title>
          <Text c="dimmed">
            A calm place to keep track of your job search. Each application gets a card; every reply, round
            and no becomes part of a history you can learn from.
          </Text>
          <List size="sm" c="dimmed" ta="left" spacing={4}>
            <List.Item>Drag cards between stages as things move.</List.Item>
            <List.Item>Log a rejection in two clicks; how far you got is never lost.</List.Item>
            <List.Item>
              {hosted
                ? 'It is yours: a coach sees only what you choose to share.'
                : 'Everything stays on this computer.'}
            </List.Item>
          </List>
          <Group justify="center" mt="sm">
            <Button size="md" leftSection={<IconPlus size={18} />} onClick={openAdd}>
              Add your first application
            </Button>
            <Button
              size="md"
              variant="default"
              leftSection={<IconDatabase size={18} />}
              loading={sample.isPending}
              onClick={() => sample.mutate()}
            >
              Load sample data
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Sample data is made up, so you can look around first.
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
