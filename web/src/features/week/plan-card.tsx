import { stepMoveSchema } from '@core/week/input.ts';
import { stepChannelLabel } from '@core/week/steps.ts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconCheck, IconCircleDashed, IconDots, IconPlus, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import {
  type StepDraft,
  useAddStep,
  useDeleteStep,
  useMoveStep,
  useSettleStep,
  useStepSuggestions,
  useWeekPlan,
  type WeekStep,
} from './plan-api.ts';
import { dayOptions, StepForm } from './step-form.tsx';

const short = (day: string) => dayjs(day).format('ddd D MMM');

function StatusIcon({ step }: { step: WeekStep }) {
  if (step.status === 'done')
    return (
      <ThemeIcon size="sm" radius="xl" variant="light" color="teal" aria-label="Done">
        <IconCheck size={12} />
      </ThemeIcon>
    );
  if (step.status === 'dropped')
    return (
      <ThemeIcon size="sm" radius="xl" variant="light" color="gray" aria-label="Let go">
        <IconX size={12} />
      </ThemeIcon>
    );
  return (
    <ThemeIcon size="sm" radius="xl" variant="light" color="indigo" aria-label="Planned">
      <IconCircleDashed size={12} />
    </ThemeIcon>
  );
}

// The server's schema checks the move first: the same rules on both sides.
const checkMove = schemaValidator(stepMoveSchema, { day: 'Day', time: 'Time' });

function MoveForm({ step, onDone }: { step: WeekStep; onDone: () => void }) {
  const [day, setDay] = useState<string | null>(step.day);
  const [time, setTime] = useState(step.time ?? '');
  const [timeError, setTimeError] = useState<string | undefined>();
  const move = useMoveStep();
  return (
    <form
      aria-label={`Move ${step.what}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!day) return;
        const to = { day, time: time.trim() === '' ? null : time.trim() };
        const problems = checkMove(to);
        const problem = problems.time ?? problems.day;
        setTimeError(problem ? String(problem) : undefined);
        if (problem) return;
        move.mutate(
          { id: step.id, to },
          {
            onSuccess: onDone,
            onError: (err) =>
              notifications.show({ color: 'red', title: 'Not moved', message: errorMessage(err) }),
          },
        );
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label="To"
          data={dayOptions(step.weekStart, 2)}
          value={day}
          onChange={setDay}
          w={170}
          allowDeselect={false}
        />
        <TextInput
          label="Time"
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          error={timeError}
          w={90}
          placeholder="09:00"
        />
        <Button type="submit" size="sm" loading={move.isPending}>
          Move
        </Button>
        <Button size="sm" variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}

/** One step as a line, with Done at hand and the rest (move, let go, put back, remove) in a menu. */
export function StepRow({ step, compact = false }: { step: WeekStep; compact?: boolean }) {
  const settle = useSettleStep();
  const remove = useDeleteStep();
  const [moving, setMoving] = useState(false);
  const run = (action: 'done' | 'drop' | 'reopen') =>
    settle.mutate(
      { id: step.id, action },
      { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
    );
  return (
    <Stack gap={4} data-testid="week-step" data-status={step.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <StatusIcon step={step} />
          <div>
            <Text
              size="sm"
              td={step.status === 'dropped' ? 'line-through' : undefined}
              c={step.status === 'dropped' ? 'dimmed' : undefined}
            >
              {compact
                ? `${step.time ?? 'Any time'}, ${step.where}, ${step.what}, ${step.minutes} min`
                : step.text}
            </Text>
            <Group gap={6}>
              <Badge size="xs" variant="light" color="gray">
                {stepChannelLabel(step.channel)}
              </Badge>
              {step.movedFrom && (
                <Text size="xs" c="dimmed">
                  moved from {short(step.movedFrom)}
                </Text>
              )}
              {step.status === 'dropped' && (
                <Text size="xs" c="dimmed">
                  let go
                </Text>
              )}
            </Group>
          </div>
        </Group>
        <Group gap={4} wrap="nowrap">
          {step.status === 'planned' && (
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              onClick={() => run('done')}
              loading={settle.isPending}
            >
              Mark done
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Options for ${step.what}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setMoving(true)}>Move to another day</Menu.Item>
              {step.status === 'planned' && (
                <Menu.Item onClick={() => run('drop')}>Let it go this week</Menu.Item>
              )}
              {step.status !== 'planned' && (
                <Menu.Item onClick={() => run('reopen')}>Put back to planned</Menu.Item>
              )}
              <Menu.Item color="red" onClick={() => remove.mutate(step.id)}>
                Remove (written by mistake)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {moving && <MoveForm step={step} onDone={() => setMoving(false)} />}
    </Stack>
  );
}

function Suggestions({ week }: { week: string }) {
  const { data, isLoading, error } = useStepSuggestions(week, true);
  const add = useAddStep();
  if (isLoading)
    return (
      <Text size="sm" c="dimmed">
        Looking at last week and your plan…
      </Text>
    );
  if (error)
    return (
      <Text size="sm" c="red">
        {errorMessage(error)}
      </Text>
    );
  if (!data || data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing to suggest for the rest of this week.
      </Text>
    );
  const addDraft = ({ why: _why, text: _text, ...body }: StepDraft) =>
    add.mutate(body, { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) });
  return (
    <Stack gap={6} aria-label="Suggested steps">
      {data.items.map((d) => (
        <Group key={`${d.day}-${d.what}`} justify="space-between" wrap="nowrap" data-testid="step-suggestion">
          <div>
            <Text size="sm">{d.text}</Text>
            <Text size="xs" c="dimmed">
              {stepChannelLabel(d.channel)} · {d.why}
            </Text>
          </div>
          <Button size="compact-xs" variant="light" onClick={() => addDraft(d)} aria-label={`Add ${d.what}`}>
            Add
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The week's plan: a few if-then steps (when, where, what, how long, which channel). Done, moved
 * and let-go steps stay visible as they are; there is no streak and no score.
 */
export function PlanCard({ week, isPast }: { week: string; isPast: boolean }) {
  const { data, isLoading, error } = useWeekPlan(week);
  const [adding, setAdding] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const firstDay = today > week && today <= dayjs(week).add(6, 'day').format('YYYY-MM-DD') ? today : week;
  const days = [...new Set((data?.steps ?? []).map((s) => s.day))];
  return (
    <Card padding="lg" data-testid="week-plan">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={4}>Your plan</Title>
        {!isPast && (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconBulb size={14} />}
              onClick={() => setSuggesting((s) => !s)}
            >
              {suggesting ? 'Hide suggestions' : 'Suggest steps'}
            </Button>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
              disabled={adding}
            >
              Add a step
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        A few steps, each with a day, a place and a length.{' '}
        <Anchor component={Link} to="/evidence#plan" size="sm">
          Why a written plan?
        </Anchor>
      </Text>
      {adding && (
        <Card withBorder mb="md" padding="sm">
          <StepForm weekStart={week} firstDay={firstDay} onDone={() => setAdding(false)} />
        </Card>
      )}
      {suggesting && !isPast && (
        <Card withBorder mb="md" padding="sm">
          <Suggestions week={week} />
        </Card>
      )}
      {isLoading ? (
        <Text size="sm" c="dimmed">
          Loading the plan…
        </Text>
      ) : error || !data ? (
        <Text size="sm" c="red">
          {errorMessage(error)}
        </Text>
      ) : (
        <Stack gap="md">
          {days.map((day) => (
            <Stack key={day} gap={6}>
              <Text size="xs" fw={600} tt="uppercase" c={day === today ? 'indigo' : 'dimmed'}>
                {dayjs(day).format('dddd D MMM')}
                {day === today ? ' · today' : ''}
              </Text>
              {data.steps
                .filter((s) => s.day === day)
                .map((s) => (
                  <StepRow key={s.id} step={s} compact />
                ))}
            </Stack>
          ))}
          <Text size="sm" c="dimmed" data-testid="plan-message">
            {data.review.message}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
