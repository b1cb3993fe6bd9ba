import { CHANNEL_LABELS, type Channel } from '@core/applications/application.ts';
import { parseDuration } from '@core/channels/duration.ts';
import { LOG_CHANNELS, type LogChannel, timeLogInputSchema } from '@core/channels/input.ts';
import { ReboundError } from '@core/errors.ts';
import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { DateField } from '../../components/date-field.tsx';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useAddTimeLog, useDeleteTimeLog, useWeekTimeLogs } from './api.ts';

export const logChannelLabel = (c: LogChannel) =>
  c === 'learning' ? 'Learning' : CHANNEL_LABELS[c as Channel];
const options = LOG_CHANNELS.map((c) => ({ value: c, label: logChannelLabel(c) }));

export function minutesText(m: number): string {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest === 0 ? `${h}h` : `${h}h${String(rest).padStart(2, '0')}`;
}

const checkTimeLog = schemaValidator(timeLogInputSchema, {
  channel: 'Channel',
  minutes: 'Time',
  loggedOn: 'Day',
  note: 'Note',
});

/** A quick log of time spent: "45m", "1h30" or "1.5h", on a channel, on a day. */
export function TimeLogForm() {
  const [duration, setDuration] = useState('');
  const [channel, setChannel] = useState<LogChannel | null>('networking');
  const [loggedOn, setLoggedOn] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddTimeLog();
  const week = useWeekTimeLogs();
  const remove = useDeleteTimeLog();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    let minutes = 0;
    try {
      minutes = parseDuration(duration, 'duration');
    } catch (err) {
      next.duration =
        err instanceof ReboundError ? err.message.replace(/^duration: /, '') : 'Try 45m, 90, 1.5h or 1h30';
    }
    if (!channel) next.channel = 'Pick where the time went';
    const body = {
      channel: channel ?? 'networking',
      minutes,
      loggedOn: loggedOn ?? undefined,
      note: note.trim() || null,
    };
    if (!next.duration && channel) {
      // The server's schema: the same limits on both sides (minutes are checked as the duration typed).
      const { minutes: tooLong, ...rest } = checkTimeLog(body) as Record<string, string>;
      Object.assign(next, rest, tooLong ? { duration: tooLong } : {});
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !channel) return;
    add.mutate(body, {
      onSuccess: (log) => {
        notifications.show({
          color: 'teal',
          // Always say which day it went on, so an entry never lands on another day unnoticed.
          message: `Logged ${minutesText(log.minutes)} of ${logChannelLabel(log.channel).toLowerCase()} on ${formatDate(log.loggedOn)}.`,
        });
        setDuration('');
        setNote('');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.details.length > 0) {
          const f = error.fieldErrors();
          setErrors({
            duration: f.minutes ?? '',
            channel: f.channel ?? '',
            loggedOn: f.loggedOn ?? '',
            note: f.note ?? '',
          });
        } else notifications.show({ color: 'red', title: 'Not logged', message: errorMessage(error) });
      },
    });
  }

  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Log time
      </Title>
      <form onSubmit={submit} aria-label="Log time">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="How long"
            placeholder="45m, 1h30"
            value={duration}
            onChange={(e) => setDuration(e.currentTarget.value)}
            error={errors.duration || undefined}
            w={130}
          />
          <Select
            label="On"
            data={options}
            value={channel}
            onChange={(v) => setChannel(v as LogChannel | null)}
            error={errors.channel || undefined}
            allowDeselect={false}
            w={170}
          />
          <DateField
            label="Day"
            notInFuture
            value={loggedOn}
            onChange={setLoggedOn}
            error={errors.loggedOn || undefined}
            w={150}
          />
          <TextInput
            label="Note (optional)"
            placeholder="coffee with a former colleague"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note || undefined}
            style={{ flex: 1, minWidth: 180 }}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            Log time
          </Button>
        </Group>
      </form>
      {(week.data?.items.length ?? 0) > 0 && (
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Logged this week
          </Text>
          {week.data?.items.map((l) => (
            <Group key={l.id} gap="xs" wrap="nowrap">
              <Text size="sm" w={90} c="dimmed">
                {formatDate(l.loggedOn)}
              </Text>
              <Text size="sm" fw={500} w={60}>
                {minutesText(l.minutes)}
              </Text>
              <Text size="sm" style={{ flex: 1 }} className="clamp-1">
                {logChannelLabel(l.channel)}
                {l.note ? ` · ${l.note}` : ''}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove ${minutesText(l.minutes)} of ${logChannelLabel(l.channel)}`}
                onClick={() => remove.mutate(l.id)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
