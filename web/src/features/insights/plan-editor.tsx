import { CHANNEL_LABELS } from '@core/applications/application.ts';
import { planInputSchema } from '@core/channels/input.ts';
import { PLAN_CHANNELS } from '@core/channels/plan.ts';
import { Button, Card, Group, NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { type ChannelPlan, type ChannelsView, useSetPlan } from './api.ts';

const checkPlan = schemaValidator(planInputSchema, { plan: 'The split', hoursPerWeek: 'Hours a week' });

/** The weekly split (whole percentages that add up to 100) and the hours a week it divides. */
export function PlanEditor({ view }: { view: ChannelsView }) {
  const [plan, setPlan] = useState<ChannelPlan>(view.plan);
  const [hours, setHours] = useState<number | string>(view.hoursPerWeek);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSetPlan();

  // A plan saved elsewhere (e.g. "use this plan") replaces what is shown.
  useEffect(() => {
    setPlan(view.plan);
    setHours(view.hoursPerWeek);
  }, [view.plan, view.hoursPerWeek]);

  const sum = PLAN_CHANNELS.reduce((s, c) => s + (Number(plan[c]) || 0), 0);
  const hoursNum = typeof hours === 'number' ? hours : Number(hours);
  const dirty = PLAN_CHANNELS.some((c) => plan[c] !== view.plan[c]) || hoursNum !== view.hoursPerWeek;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = { plan, hoursPerWeek: hoursNum };
    // The server's schema: the same limits on both sides (the shares' own problem is said once, above them).
    const { plan: planProblem, ...problems } = checkPlan(body) as Record<string, string>;
    setErrors(problems);
    if (planProblem) notifications.show({ color: 'red', title: 'Plan not saved', message: planProblem });
    if (planProblem || Object.keys(problems).length > 0) return;
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Weekly plan saved.' }),
      onError: (error) => {
        if (error instanceof ApiError && error.details.length > 0) setErrors(error.fieldErrors());
        else notifications.show({ color: 'red', title: 'Plan not saved', message: errorMessage(error) });
      },
    });
  }

  return (
    <Card padding="lg" component="form" onSubmit={submit} aria-label="Weekly plan">
      <Group justify="space-between" mb={4}>
        <Title order={4}>Your weekly plan</Title>
        {view.isDefaultPlan && (
          <Text size="xs" c="dimmed">
            A starting split; make it yours.
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        How you mean to divide your search time. The shares need to add up to 100.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {PLAN_CHANNELS.map((c) => (
          <NumberInput
            key={c}
            label={CHANNEL_LABELS[c]}
            suffix="%"
            min={0}
            max={100}
            allowDecimal={false}
            value={plan[c]}
            onChange={(v) => setPlan({ ...plan, [c]: typeof v === 'number' ? v : Number(v) || 0 })}
            error={errors[c]}
          />
        ))}
        <NumberInput
          label="Hours per week"
          min={0}
          max={100}
          step={1}
          decimalScale={2}
          value={hours}
          onChange={setHours}
          error={errors.hoursPerWeek}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c={sum === 100 ? 'dimmed' : 'orange.8'} data-testid="plan-sum">
          {sum === 100 ? 'Adds up to 100%.' : `Adds up to ${sum}%; it needs to be 100%.`}
        </Text>
        <Button type="submit" disabled={!dirty || sum !== 100} loading={save.isPending}>
          Save plan
        </Button>
      </Group>
      {errors.plan && (
        <Text size="sm" c="red" mt={4}>
          {errors.plan}
        </Text>
      )}
    </Card>
  );
}
