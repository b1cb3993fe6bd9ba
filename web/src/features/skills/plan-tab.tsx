import {
  PLAN_KINDS,
  PLAN_STATUSES,
  type PlanKind,
  type PlanStatus,
  planItemCreateSchema,
} from '@core/skills/input.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Slider,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconExternalLink, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, resumeVersionLabel } from '../../lib/format.ts';
import {
  type Completion,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  type PlanItem,
  useCreatePlanItem,
  usePlan,
  useUpdatePlanItem,
} from './api.ts';
import { Quiet } from './quiet.tsx';
import { RescoreList } from './rescore-list.tsx';

export function PlanTab() {
  const plan = usePlan();
  const [completion, setCompletion] = useState<{ skill: string; completion: Completion } | null>(null);

  if (plan.isLoading) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  if (plan.error) {
    return (
      <Alert color="red" title="The learning plan could not load">
        {errorMessage(plan.error)}
      </Alert>
    );
  }
  const items = plan.data?.items ?? [];
  return (
    <Stack gap="md">
      <AddItemCard />
      {items.length === 0 ? (
        <Quiet
          title="Nothing planned yet"
          description="Add a skill here, or from the Gaps tab. When you mark one done, Rebound adds it to your resume and shows how your open applications score now."
        />
      ) : (
        items.map((item) => (
          <PlanItemCard
            key={item.id}
            item={item}
            onDone={(c) => setCompletion({ skill: item.skill, completion: c })}
          />
        ))
      )}
      <Modal
        opened={completion !== null}
        onClose={() => setCompletion(null)}
        title={completion ? `You learned ${completion.skill}` : ''}
        size="lg"
      >
        {completion && <CompletionView skill={completion.skill} completion={completion.completion} />}
      </Modal>
    </Stack>
  );
}

function CompletionView({ skill, completion }: { skill: string; completion: Completion }) {
  return (
    <Stack gap="sm" data-testid="completion">
      <Text size="sm">
        {completion.addedToResume
          ? `${skill} is on your resume profile now, as ${resumeVersionLabel(completion.resumeVersion)}.`
          : `${skill} was already on your resume profile (${resumeVersionLabel(completion.resumeVersion)}).`}
      </Text>
      {completion.task && (
        <Text size="sm" c="dimmed">
          A task is waiting for you: {completion.task.text} (by {formatDate(completion.task.dueOn)}).
        </Text>
      )}
      <Title order={5} mt="xs">
        Your open applications, scored again
      </Title>
      <RescoreList rescored={completion.rescored} />
    </Stack>
  );
}

// The server's schema checks the form first: the same limits on both sides.
const checkPlanItem = schemaValidator(planItemCreateSchema, {
  skill: 'Skill',
  kind: 'Type',
  link: 'Link',
  hours: 'Hours',
  targetOn: 'Target date',
});

function AddItemCard() {
  const create = useCreatePlanItem();
  const [skill, setSkill] = useState('');
  const [kind, setKind] = useState<PlanKind>('course');
  const [link, setLink] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const [targetOn, setTargetOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      skill: skill.trim(),
      kind,
      link: link.trim() || null,
      hours: hours === '' ? null : Number(hours),
      targetOn,
    };
    if (!passesCheck(checkPlanItem, body, setErrors)) return;
    try {
      await create.mutateAsync(body);
      setSkill('');
      setLink('');
      setHours('');
      setTargetOn(null);
      notifications.show({ color: 'teal', message: 'Added to your learning plan.' });
    } catch (err) {
      if (err instanceof ApiError && err.details.length > 0) setErrors(err.fieldErrors());
      else setErrors({ skill: errorMessage(err) });
    }
  }

  return (
    <Card padding="lg">
      <Title order={4} mb="sm">
        Plan to learn something
      </Title>
      <form onSubmit={submit} noValidate>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput
              label="Skill"
              value={skill}
              error={errors.skill}
              onChange={(e) => setSkill(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <Select
              label="Type"
              allowDeselect={false}
              data={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
              value={kind}
              onChange={(v) => v && setKind(v as PlanKind)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              label="Link"
              placeholder="https://"
              value={link}
              error={errors.link}
              onChange={(e) => setLink(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 1 }}>
            <NumberInput label="Hours" min={0} value={hours} error={errors.hours} onChange={setHours} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <DateInput
              label="Target date"
              valueFormat="D MMM YYYY"
              clearable
              value={targetOn}
              error={errors.targetOn}
              onChange={(v) => setTargetOn(v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 1 }}>
            <Button type="submit" fullWidth loading={create.isPending} leftSection={<IconPlus size={14} />}>
              Add
            </Button>
          </Grid.Col>
        </Grid>
      </form>
    </Card>
  );
}

function PlanItemCard({ item, onDone }: { item: PlanItem; onDone: (c: Completion) => void }) {
  const update = useUpdatePlanItem();
  const [progress, setProgress] = useState(item.progress);
  const done = item.status === 'done';

  const change = (input: Parameters<typeof update.mutate>[0]['input']) =>
    update.mutate(
      { id: item.id, input },
      {
        onSuccess: (res) => {
          if (res.completion) onDone(res.completion);
        },
      },
    );

  return (
    <Card padding="md" data-testid="plan-item">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{item.skill}</Text>
            <Badge variant="light" size="sm">
              {PLAN_KIND_LABELS[item.kind]}
            </Badge>
            {done && (
              <Badge color="teal" size="sm" leftSection={<IconCheck size={12} />}>
                Done
              </Badge>
            )}
          </Group>
          <Group gap="md">
            {item.link && (
              <Anchor href={item.link} target="_blank" rel="noreferrer noopener" size="sm">
                <Group gap={4}>
                  Open link <IconExternalLink size={12} />
                </Group>
              </Anchor>
            )}
            {item.hours !== null && (
              <Text size="sm" c="dimmed">
                about {item.hours} h
              </Text>
            )}
            {item.targetOn && (
              <Text size="sm" c="dimmed">
                aim for {formatDate(item.targetOn)}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <Select
            aria-label={`Status of ${item.skill}`}
            w={140}
            size="xs"
            allowDeselect={false}
            data={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            value={item.status}
            onChange={(v) => v && v !== item.status && change({ status: v as PlanStatus })}
          />
          {!done && (
            <Button
              size="xs"
              color="teal"
              leftSection={<IconCheck size={14} />}
              loading={update.isPending}
              onClick={() => change({ status: 'done' })}
            >
              Mark done
            </Button>
          )}
        </Group>
      </Group>
      {!done && (
        <Group gap="sm" mt="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" w={60}>
            {progress}%
          </Text>
          <Slider
            style={{ flex: 1 }}
            aria-label={`Progress on ${item.skill}`}
            value={progress}
            onChange={setProgress}
            onChangeEnd={(v) => change({ progress: v })}
            step={5}
            label={(v) => `${v}%`}
          />
        </Group>
      )}
    </Card>
  );
}
