import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A calm empty state for a tab with nothing in it yet: what it will show and how to get there. */
export function Quiet({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card padding="xl">
      <Stack align="center" ta="center" gap="xs" py="md">
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconSparkles size={24} />
        </ThemeIcon>
        <Title order={4}>{title}</Title>
        <Text c="dimmed" size="sm" maw={520}>
          {description}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
