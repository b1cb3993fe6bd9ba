import { LIMITS } from '@core/applications/input.ts';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { todayIso } from '../lib/format.ts';
import type { Target } from './application-actions.tsx';
import { DateField } from './date-field.tsx';

interface Props {
  target: Target;
  onCancel: () => void;
  onConfirm: (reason: string, occurredOn: string | null) => void;
  onDirtyChange?: (dirty: boolean) => void;
}

/** The body of "Log a rejection": an optional reason and the day it happened. */
export function RejectForm({ target, onCancel, onConfirm, onDirtyChange }: Props) {
  const [reason, setReason] = useState('');
  useEffect(() => onDirtyChange?.(reason.trim() !== ''), [reason, onDirtyChange]);
  const [occurredOn, setOccurredOn] = useState<string | null>(todayIso());
  // A form, so its date field can keep it from being sent with a day other than the one shown.
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(reason, occurredOn);
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {`${target.company} · ${target.role}. `}
          How far you got stays on record. A reason, if they gave one, helps spot patterns later.
        </Text>
        <Textarea
          label="Reason (optional)"
          placeholder="e.g. went with someone with more on-call experience"
          maxLength={LIMITS.reason}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <DateField label="When" notInFuture value={occurredOn} onChange={setOccurredOn} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Log rejection</Button>
        </Group>
      </Stack>
    </form>
  );
}
