import { breakInputSchema, routineInputSchema } from '@core/wellbeing/input.ts';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCoffee, IconHeart, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useAddBreak, useDeleteBreak, useSetRoutine, useWellbeing, type Wellbeing } from './api.ts';

// The server's schemas check the forms first: the same limits on both sides.
const checkBreak = schemaValidator(breakInputSchema, {
  startsOn: 'First day',
  endsOn: 'Last day',
  note: 'Note',
});
const checkRoutine = schemaValidator(routineInputSchema, { routine: 'Your routine' });

const tomorrow = () => dayjs().add(1, 'day').format('YYYY-MM-DD');

function BreakForm({ onDone }: { onDone?: () => void }) {
  const [range, setRange] = useState<[string | null, string | null]>([tomorrow(), tomorrow()]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddBreak();
  return (
    <form
      aria-label="Plan a break"
      onSubmit={(e) => {
        e.preventDefault();
        const [startsOn, endsOn] = range;
        if (!startsOn) {
          setErrors({ startsOn: 'Pick the days of your break' });
          return;
        }
        const body = { startsOn, endsOn: endsOn ?? startsOn, note: note.trim() || null };
        if (!passesCheck(checkBreak, body, setErrors)) return;
        add.mutate(body, {
          onSuccess: () => {
            setNote('');
            notifications.show({ color: 'teal', message: 'Break planned. Enjoy it.' });
            onDone?.();
          },
          onError: (err) => {
            if (err instanceof ApiError && err.details.length > 0) setErrors(err.fieldErrors());
            else notifications.show({ color: 'red', title: 'Break not saved', message: errorMessage(err) });
          },
        });
      }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DatePickerInput
          type="range"
          allowSingleDateInRange
          label="Days off"
          valueFormat="D MMM YYYY"
          minDate={todayIso()}
          value={range}
          onChange={setRange}
          error={errors.startsOn ?? errors.endsOn}
          w={250}
        />
        <TextInput
          label="Note (optional)"
          placeholder="a long walk, no inbox"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          style={{ flex: 1, minWidth: 160 }}
        />
        <Button type="submit" mt={25} loading={add.isPending} variant="light">
          Plan break
        </Button>
      </Group>
    </form>
  );
}

function Routine({ value }: { value: string }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const save = useSetRoutine();
  useEffect(() => setText(value), [value]);
  return (
    <form
      aria-label="Your routine outside the search"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = checkRoutine({ routine: text }).routine;
        setError(problem ? String(problem) : undefined);
        if (problem) return;
        save.mutate(text, {
          onSuccess: () => notifications.show({ color: 'teal', message: 'Routine saved.' }),
          onError: (err) =>
            setError(
              err instanceof ApiError ? (err.fieldErrors().routine ?? err.message) : errorMessage(err),
            ),
        });
      }}
    >
      <Textarea
        label="Your routine outside the search"
        description="What keeps you going that has nothing to do with job hunting. A reminder, never scored."
        placeholder="Morning run on Tuesdays and Fridays · guitar on Sunday · lunch with Sam"
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit" size="xs" variant="default" disabled={text === value} loading={save.isPending}>
          Save routine
        </Button>
      </Group>
    </form>
  );
}

function LoadNotice({ data }: { data: Wellbeing }) {
  if (data.onBreakToday)
    return (
      <Alert color="teal" icon={<IconCoffee size={18} />} title="You are on a break today">
        Rest is part of the plan. Nothing here needs you until you are back.
      </Alert>
    );
  if (data.load.level !== 'heavy') return null;
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconHeart size={18} />}
      title="A heavy stretch"
      data-testid="load"
    >
      <Text size="sm">{data.load.why}</Text>
      <Text size="sm" mt={4}>
        {data.load.suggestion}
      </Text>
    </Alert>
  );
}

/** The gentle load signal, planned breaks and the routine outside the search. */
export function WellbeingCard() {
  const { data, isLoading, error } = useWellbeing();
  const remove = useDeleteBreak();
  if (isLoading) return null;
  if (error || !data)
    return (
      <Alert color="red" title="Could not load breaks and routine">
        {errorMessage(error)}
      </Alert>
    );
  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Rest and routine
      </Title>
      <Stack gap="md">
        <LoadNotice data={data} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Planned breaks
          </Text>
          {data.plannedBreaks.length === 0 ? (
            <Text size="sm" c="dimmed" mb="xs">
              None planned. A day off on purpose is part of a long search, not a step back.
            </Text>
          ) : (
            <Stack gap={4} mb="xs">
              {data.plannedBreaks.map((b) => (
                <Group key={b.id} gap="xs" wrap="nowrap">
                  <IconCoffee size={16} />
                  <Text size="sm" style={{ flex: 1 }}>
                    {b.startsOn === b.endsOn
                      ? formatDate(b.startsOn)
                      : `${formatDate(b.startsOn)} – ${formatDate(b.endsOn)}`}
                    {b.note ? ` · ${b.note}` : ''}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove the break from ${formatDate(b.startsOn)}`}
                    onClick={() => remove.mutate(b.id)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <BreakForm />
        </div>
        <Routine value={data.routine} />
      </Stack>
    </Card>
  );
}
