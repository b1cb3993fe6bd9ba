import { Anchor, Collapse, Paper, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconWorldDownload } from '@tabler/icons-react';
import type { JobPageResult } from './api.ts';
import { JobPageReader } from './job-page-reader.tsx';

/** "Fill from a job page" in the add form: read a URL or pasted HTML, then fill the fields found. */
export function JobPageFill({ onFill }: { onFill: (fields: JobPageResult['fields']) => void }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <Stack gap={4}>
      <Anchor component="button" type="button" size="sm" onClick={toggle}>
        <IconWorldDownload size={14} style={{ verticalAlign: 'middle' }} /> Fill from a job page
      </Anchor>
      <Collapse expanded={opened}>
        <Paper withBorder p="sm" radius="md">
          <JobPageReader
            compact
            onRead={(r) => {
              onFill(r.fields);
              close();
            }}
          />
        </Paper>
      </Collapse>
    </Stack>
  );
}
