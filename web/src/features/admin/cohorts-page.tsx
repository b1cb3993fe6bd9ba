import { CHANNEL_LABELS, type Channel, STAGE_LABELS, type Stage } from '@core/applications/application.ts';
import { cohortInputSchema, cohortMemberInputSchema } from '@core/sharing/input.ts';
import type { CohortGroup, CohortView } from '@core/sharing/schemas.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { clearSent } from '../../lib/form-reset.ts';
import { schemaValidator, showErrors } from '../../lib/form-schema.ts';
import { useSession } from '../account/session.tsx';
import { cohortCsvUrl, useAddCohortMember, useCohortInsights, useCohorts, useCreateCohort } from './api.ts';

/**
 * `/cohorts`: groups of seekers who agreed to be counted, and their figures added up, split by
 * tag. A group of fewer than 5 people shows no figures. Admins make cohorts; analysts only read.
 */
export default function CohortsPage() {
  const me = useSession();
  const admin = me?.user?.role === 'admin';
  const cohorts = useCohorts();
  const [madeHere, setMadeHere] = useState<CohortView[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = cohorts.data?.items ?? madeHere;
  const open = items.find((c) => c.id === openId) ?? null;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>Cohorts</Title>
        <Text c="dimmed">
          Figures added up across the people in a cohort who agreed to be counted. Nobody's own applications
          are shown here, and any group of fewer than 5 people is left out.
        </Text>
      </div>
      {cohorts.error && <Alert color="red">{errorMessage(cohorts.error)}</Alert>}
      {admin && <CreateCohort onCreated={(c) => setMadeHere((list) => [c, ...list])} />}
      {cohorts.data !== undefined && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {cohorts.data === null ? 'Cohorts are not available on this server yet.' : 'No cohorts yet.'}
        </Text>
      )}
      <Group gap="xs">
        {items.map((c) => (
          <Button key={c.id} variant={c.id === openId ? 'filled' : 'light'} onClick={() => setOpenId(c.id)}>
            {c.name}
            {` (${c.members})`}
          </Button>
        ))}
      </Group>
      {open && <CohortDetail cohort={open} admin={admin} />}
    </Stack>
  );
}

function CreateCohort({ onCreated }: { onCreated: (c: CohortView) => void }) {
  const create = useCreateCohort();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: schemaValidator(cohortInputSchema, { name: 'The name' }),
  });
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(v, {
            onSuccess: (c) => {
              clearSent(form, v);
              onCreated(c);
            },
            onError: (e) => showErrors(form, e),
          }),
        )}
        noValidate
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="New cohort"
            placeholder="Spring 2027 programme"
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            Create cohort
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function CohortDetail({ cohort, admin }: { cohort: CohortView; admin: boolean }) {
  const insights = useCohortInsights(cohort.id);
  return (
    <Stack gap="md">
      {admin && <AddMember cohortId={cohort.id} />}
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {cohort.name}: figures
          </Title>
          <Anchor href={cohortCsvUrl(cohort.id)} download size="sm">
            Download CSV
          </Anchor>
        </Group>
        {insights.error && <Alert color="red">{errorMessage(insights.error)}</Alert>}
        {insights.data === null && (
          <Text size="sm" c="dimmed">
            Cohort figures are not available on this server yet.
          </Text>
        )}
        {insights.data && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Only people who agreed are counted; a group of fewer than {insights.data.minGroupSize} shows no
              figures.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {insights.data.groups.map((g) => (
                <GroupCard key={g.key} group={g} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function GroupCard({ group }: { group: CohortGroup }) {
  return (
    <Card withBorder padding="sm" data-testid="cohort-group">
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          {group.tag ?? 'Everyone'}
        </Text>
        {group.suppressed ? (
          <Badge color="gray" variant="light">
            fewer than 5
          </Badge>
        ) : (
          <Badge variant="light">{group.members} people</Badge>
        )}
      </Group>
      {group.suppressed ? (
        <Text size="sm" c="dimmed">
          Fewer than 5 people: no figures, so nobody can be picked out.
        </Text>
      ) : (
        <Stack gap={2}>
          {(group.funnel ?? []).map((f) => (
            <Text key={f.stage} size="sm">
              {STAGE_LABELS[f.stage as Stage] ?? f.stage}: {f.reached}
            </Text>
          ))}
          {(group.channelYields ?? []).map((c) => (
            <Text key={c.channel} size="xs" c="dimmed">
              {CHANNEL_LABELS[c.channel as Channel] ?? c.channel}: {c.interviews.successes} interviews from{' '}
              {c.applications} applications
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            Median days to a first interview:{' '}
            {group.timeToFirstInterview?.medianDays == null
              ? '—'
              : Math.round(group.timeToFirstInterview.medianDays)}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function AddMember({ cohortId }: { cohortId: string }) {
  const add = useAddCohortMember(cohortId);
  const form = useForm<{ email: string; tags: string[] }>({
    mode: 'controlled',
    initialValues: { email: '', tags: [] },
    validate: schemaValidator(cohortMemberInputSchema, { email: 'The e-mail', tags: 'The tags' }),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Add a member
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        They are asked first; only people who agree are counted.
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(v, {
            onSuccess: () => {
              clearSent(form, v);
              notifications.show({ color: 'teal', message: `Asked ${v.email} to join.` });
            },
            onError: (e) => showErrors(form, e),
          }),
        )}
        noValidate
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="E-mail"
            type="email"
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('email')}
          />
          <TagsInput
            label="Tags"
            placeholder="e.g. career-changer"
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps('tags')}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            Ask to join
          </Button>
        </Group>
      </form>
    </Card>
  );
}
