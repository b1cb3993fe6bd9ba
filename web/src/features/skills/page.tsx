import { Text, Title } from '@mantine/core';

export default function Page() {
  return (
    <>
      <Title order={2}>Skills</Title>
      <Text c="dimmed">Coming together now.</Text>
    </>
  );
}
