import { Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';

/** A drop zone with a "Choose a file" button; shows progress while something is busy. */
export function FileDrop({
  accept,
  hint,
  busy,
  onFile,
  onDrop,
  onFiles,
  multiple = false,
  extra,
  label = 'Choose a file',
}: {
  accept: string;
  hint: string;
  busy: { text: string; fraction: number | null } | null;
  onFile: (file: File) => void;
  /** With `multiple`: what a drop gives (several files, folders) and what the button chooses. */
  onDrop?: (data: DataTransfer) => void;
  onFiles?: (files: File[]) => void;
  multiple?: boolean;
  /** More buttons beside "Choose a file". */
  extra?: React.ReactNode;
  label?: string;
}) {
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-indigo-0)' : undefined }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (onDrop) {
          if (!busy) onDrop(e.dataTransfer);
          return;
        }
        const file = e.dataTransfer.files[0];
        if (file && !busy) onFile(file);
      }}
    >
      {busy ? (
        <Stack gap={6}>
          <Text size="sm">{busy.text}</Text>
          <Progress
            value={busy.fraction === null ? 100 : busy.fraction * 100}
            animated={busy.fraction === null}
            aria-label="Progress"
          />
        </Stack>
      ) : (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
          <Group gap="xs">
            {multiple ? (
              <FileButton
                multiple
                onChange={(files) => (onFiles ? onFiles(files) : files.forEach(onFile))}
                accept={accept}
              >
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />}>
                    {label}
                  </Button>
                )}
              </FileButton>
            ) : (
              <FileButton onChange={(f) => f && onFile(f)} accept={accept}>
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />}>
                    {label}
                  </Button>
                )}
              </FileButton>
            )}
            {extra}
          </Group>
        </Group>
      )}
    </Paper>
  );
}
