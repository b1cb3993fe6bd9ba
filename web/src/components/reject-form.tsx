import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { todayIso } from '../lib/format.ts';
import type { Target } from './application-actions.tsx';

interface Props {
  target: Target;
  onCancel: () => void;
  onConfirm: (reason: string, occurredOn: string | null) => void;
}

/** The body of "Log a rejection": an optional reason and the day it happened. */
export function RejectForm({ target, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [occurredOn, setOccurredOn] = useState<string | null>(todayIso());
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {`${target.company} · ${target.role}. `}
        How far you got stays on record. A reason, if they gave one, helps spot patterns later.
      </Text>
      <Textarea
        label="Reason (optional)"
        placeholder="e.g. went with someone with more on-call experience"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <DateInput label="When" valueFormat="D MMM YYYY" value={occurredOn} onChange={setOccurredOn} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => onConfirm(reason, occurredOn)}>Log rejection</Button>
      </Group>
    </Stack>
  );
}
