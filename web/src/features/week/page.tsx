import { Text, Title } from '@mantine/core';

export default function Page() {
  return (
    <>
      <Title order={2}>This week</Title>
      <Text c="dimmed">Coming together now.</Text>
    </>
  );
}
