import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlask } from '@tabler/icons-react';
import { useRemoveSampleData, useSampleData } from '../api/history.ts';
import { errorMessage } from '../api/hooks.ts';

/** While sample applications are loaded, says so and removes them in one click (the user's own stay). */
export function SampleDataBanner() {
  const sample = useSampleData();
  const remove = useRemoveSampleData();
  const count = sample.data?.applications ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      color="grape"
      variant="light"
      mb="md"
      icon={<IconFlask size={18} />}
      data-testid="sample-data-banner"
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {count} sample applications are here to look around. Anything you added yourself stays when you
          remove them.
        </Text>
        <Button
          size="xs"
          variant="light"
          color="grape"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: ({ removed }) =>
                notifications.show({ message: `Removed ${removed} sample applications.` }),
              onError: (error) =>
                notifications.show({
                  color: 'red',
                  title: 'Sample data was not removed',
                  message: errorMessage(error),
                }),
            })
          }
        >
          Remove sample data
        </Button>
      </Group>
    </Alert>
  );
}
