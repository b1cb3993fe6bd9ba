import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportReport } from './api.ts';

/** What an import did: how many were added, and what was skipped and why. */
export function ReportCard({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  return (
    <Card padding="lg" data-testid="import-report">
      <Title order={4}>
        {report.created} {report.created === 1 ? 'application' : 'applications'} imported from{' '}
        {report.filename}
      </Title>
      <Stack gap={4} mt="sm">
        {report.skippedDuplicates.length > 0 && (
          <Text size="sm" c="dimmed">
            {report.skippedDuplicates.length} skipped because they were already in Rebound or repeated in the
            file.
          </Text>
        )}
        {report.skippedInvalid.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {report.skippedInvalid.length} rows were skipped as you asked:
            </Text>
            {report.skippedInvalid.slice(0, 20).map((e) => (
              <Text key={`${e.line}-${e.message}`} size="xs" c="dimmed" pl="sm">
                {e.message}
              </Text>
            ))}
          </>
        )}
      </Stack>
      <Group mt="md">
        <Button component={Link} to="/" leftSection={<IconLayoutKanban size={16} />}>
          Open the board
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onAgain}>
          Import another file
        </Anchor>
      </Group>
    </Card>
  );
}
