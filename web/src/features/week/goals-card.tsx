import { GOAL_KIND_LABELS, GOAL_KINDS, type GoalKind, goalTitle } from '@core/wellbeing/goals.ts';
import { DEFAULT_GOAL_UNITS, goalInputSchema, goalUpdateSchema } from '@core/wellbeing/input.ts';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import {
  type Goal,
  useAddGoalProgress,
  useCreateGoal,
  useDeleteGoal,
  useGoals,
  useUpdateGoal,
} from './api.ts';

const KIND_OPTIONS = GOAL_KINDS.map((value) => ({ value, label: GOAL_KIND_LABELS[value] }));

// The server's schemas check the forms first: the same limits on both sides.
const checkGoal = schemaValidator(goalInputSchema, { kind: 'Goal', target: 'How many', label: 'What' });
const checkGoalUpdate = schemaValidator(goalUpdateSchema, { target: 'The target' });

function GoalForm({ onDone }: { onDone: () => void }) {
  const [kind, setKind] = useState<GoalKind>('applications');
  const [target, setTarget] = useState<number | string>(5);
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateGoal();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = { kind, target: Number(target), label: label.trim() || null };
    const problems = checkGoal(body) as Record<string, string>;
    if (problems.label && !body.label) problems.label = 'Say what the goal is, e.g. "mock interviews".';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Goal set for the week.' });
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.details.length > 0) setErrors(error.fieldErrors());
        else notifications.show({ color: 'red', title: 'Goal not saved', message: errorMessage(error) });
      },
    });
  }

  return (
    <form onSubmit={submit} aria-label="New weekly goal">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Goal"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(v) => v && setKind(v as GoalKind)}
          allowDeselect={false}
          error={errors.kind}
          w={220}
        />
        <NumberInput
          label={`How many ${kind === 'custom' ? 'times' : DEFAULT_GOAL_UNITS[kind]}`}
          min={0.5}
          max={1000}
          clampBehavior="none"
          value={target}
          onChange={setTarget}
          error={errors.target}
          w={150}
        />
        {kind === 'custom' && (
          <TextInput
            label="What"
            placeholder="mock interviews"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            w={200}
          />
        )}
        <Group mt={25} gap="xs">
          <Button type="submit" loading={create.isPending}>
            Add goal
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Group>
    </form>
  );
}

function GoalRow({ goal, isPast }: { goal: Goal; isPast: boolean }) {
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<number | string>(goal.target);
  const [error, setError] = useState<string | undefined>();
  const update = useUpdateGoal();
  const remove = useDeleteGoal();
  const progress = useAddGoalProgress();
  const p = goal.progress;
  const title = goalTitle(goal);
  // A missed goal keeps a calm colour: the week is information, not a grade.
  const color = p.met ? 'teal' : isPast ? 'gray' : 'indigo';

  return (
    <Stack gap={4} data-testid="goal">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={500}>{title}</Text>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c="dimmed" data-testid="goal-count">
            {p.done} of {p.target}
          </Text>
          {goal.kind === 'custom' && !isPast && (
            <ActionIcon
              variant="light"
              aria-label={`Add one to ${title}`}
              loading={progress.isPending}
              onClick={() => progress.mutate({ id: goal.id, amount: 1 })}
            >
              <IconPlus size={16} />
            </ActionIcon>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Options for ${title}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setEditing(true)}>Change target</Menu.Item>
              <Menu.Item color="red" onClick={() => remove.mutate(goal.id)}>
                Remove goal
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Progress
        value={p.ratio * 100}
        color={color}
        size="lg"
        radius="xl"
        aria-label={`${title}: ${p.done} of ${p.target}`}
      />
      <Text size="sm" c="dimmed">
        {p.message}
        {goal.weekStart && ' A step for this week only.'}
      </Text>
      {editing && (
        <form
          aria-label={`Change target for ${title}`}
          onSubmit={(e) => {
            e.preventDefault();
            const problem = checkGoalUpdate({ target: Number(target) }).target;
            setError(problem ? String(problem) : undefined);
            if (problem) return;
            update.mutate(
              { id: goal.id, input: { target: Number(target) } },
              {
                onSuccess: () => setEditing(false),
                onError: (err) =>
                  setError(
                    err instanceof ApiError ? (err.fieldErrors().target ?? err.message) : errorMessage(err),
                  ),
              },
            );
          }}
        >
          <Group align="flex-start" gap="xs">
            <NumberInput
              aria-label="New target"
              min={0.5}
              max={1000}
              clampBehavior="none"
              value={target}
              onChange={setTarget}
              error={error}
              w={120}
            />
            <Button type="submit" size="sm" loading={update.isPending}>
              Save
            </Button>
            <Button size="sm" variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

/** Weekly goals about actions you control, counted from what you logged. No streaks. */
export function GoalsCard({ week, isPast }: { week?: string; isPast: boolean }) {
  const { data, isLoading, error } = useGoals(week);
  const [adding, setAdding] = useState(false);
  return (
    <Card padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Weekly goals</Title>
        {!adding && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            Add a goal
          </Button>
        )}
      </Group>
      {adding && (
        <Card withBorder mb="md" padding="sm">
          <GoalForm onDone={() => setAdding(false)} />
        </Card>
      )}
      {isLoading ? (
        <Text size="sm" c="dimmed">
          Loading goals…
        </Text>
      ) : error ? (
        <Text size="sm" c="red">
          {errorMessage(error)}
        </Text>
      ) : (data?.items.length ?? 0) === 0 ? (
        <Text size="sm" c="dimmed">
          No goals yet. One or two small goals about actions (not results) make progress easy to see: “5
          applications”, “2 networking conversations”.
        </Text>
      ) : (
        <Stack gap="lg">
          {data?.items.map((g) => (
            <GoalRow key={g.id} goal={g} isPast={isPast} />
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="md">
        Progress counts itself from your applications and logged time. Goals carry over from week to week.
      </Text>
    </Card>
  );
}
