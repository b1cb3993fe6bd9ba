import { stepInputSchema } from '@core/week/input.ts';
import { STEP_CHANNELS, type StepChannel, stepChannelLabel, WEEKDAYS } from '@core/week/steps.ts';
import { Button, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { useAddStep } from './plan-api.ts';

export const CHANNEL_OPTIONS = STEP_CHANNELS.map((c) => ({ value: c, label: stepChannelLabel(c) }));

/** The seven days of the week starting `weekStart`, as options ("Tuesday 1 Dec"). */
export function dayOptions(weekStart: string, weeks = 1) {
  return Array.from({ length: 7 * weeks }, (_, i) => {
    const d = dayjs(weekStart).add(i, 'day');
    return { value: d.format('YYYY-MM-DD'), label: `${WEEKDAYS[i % 7]} ${d.format('D MMM')}` };
  });
}

interface Values {
  day: string;
  time: string;
  where: string;
  what: string;
  minutes: number | string;
  channel: StepChannel;
}

const LABELS = {
  day: 'Day',
  time: 'Time',
  where: 'Place',
  what: 'Step',
  minutes: 'Length',
  channel: 'Channel',
};
const validateStep = schemaValidator(stepInputSchema, LABELS);
const toBody = (v: Values) => ({
  day: v.day,
  time: v.time.trim() === '' ? null : v.time.trim(),
  where: v.where,
  what: v.what,
  minutes: Number(v.minutes),
  channel: v.channel,
});

/** One if-then step: which day, what time, where, what, for how long, for which channel. */
export function StepForm({
  weekStart,
  firstDay,
  onDone,
}: {
  weekStart: string;
  firstDay: string;
  onDone: () => void;
}) {
  const add = useAddStep();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { day: firstDay, time: '09:00', where: '', what: '', minutes: 60, channel: 'job_board' },
    validate: (values) => validateStep(toBody(values)),
  });

  const submit = form.onSubmit((values) =>
    add.mutate(toBody(values), {
      onSuccess: (step) => {
        notifications.show({ color: 'teal', message: `Planned: ${step.text}.` });
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.details.length > 0) form.setErrors(error.fieldErrors());
        else notifications.show({ color: 'red', title: 'Step not saved', message: errorMessage(error) });
      },
    }),
  );

  return (
    <form onSubmit={submit} aria-label="New step">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label="Day"
          data={dayOptions(weekStart)}
          allowDeselect={false}
          {...form.getInputProps('day')}
        />
        <TextInput label="Time" placeholder="09:00" {...form.getInputProps('time')} />
        <NumberInput label="Minutes" min={5} max={600} step={15} {...form.getInputProps('minutes')} />
        <TextInput label="Where" placeholder="library" {...form.getInputProps('where')} />
        <TextInput
          label="What"
          placeholder="2 tailored applications to fintech roles"
          style={{ gridColumn: 'span 1' }}
          {...form.getInputProps('what')}
        />
        <Select
          label="Channel"
          data={CHANNEL_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('channel')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={add.isPending}>
          Add step
        </Button>
      </Group>
    </form>
  );
}
