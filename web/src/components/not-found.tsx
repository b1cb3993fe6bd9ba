import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage({ message }: { message?: string }) {
  return (
    <Stack align="center" py={80} gap="sm">
      <Title order={2}>Nothing here</Title>
      <Text c="dimmed">{message ?? 'This page does not exist. It may have moved.'}</Text>
      <Button component={Link} to="/" variant="light">
        Back to the board
      </Button>
    </Stack>
  );
}
