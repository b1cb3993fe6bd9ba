import { Button, Code, Group } from '@mantine/core';
import { CopyButton } from './copy-button.tsx';

/** A secret or a link shown to copy (a token, an invitation, a feed address), with its copy button. */
export function CopyableCode({
  value,
  copyLabel = 'Copy',
  testId,
}: {
  value: string;
  copyLabel?: string;
  testId?: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code style={{ wordBreak: 'break-all', flex: 1 }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
            {copied ? 'Copied' : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
