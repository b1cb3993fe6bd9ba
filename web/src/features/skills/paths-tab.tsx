import { infoInterviewCreateSchema } from '@core/skills/input.ts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { useOpenAddApplication } from '../../components/add-application.tsx';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate, todayIso } from '../../lib/format.ts';
import { useCreateInfoInterview, useDeleteInfoInterview, useInfoInterviews, usePaths } from './api.ts';

/** Other paths: what carries over, roles that already fit, conversations, contract work. */
export function PathsTab() {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="md">
          <TransferableCard />
          <ContractCard />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="md">
          <AdjacentCard />
          <InterviewsCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function TransferableCard() {
  const paths = usePaths();
  const groups = paths.data?.transferable ?? [];
  return (
    <Card padding="lg">
      <Title order={4}>Skills that carry over</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your skills grouped by kind, apart from any job title. Many of them fit more roles than the one you
        aimed for.
      </Text>
      {paths.isLoading ? (
        <Loader size="sm" />
      ) : paths.error ? (
        <Alert color="red">{errorMessage(paths.error)}</Alert>
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Add your resume on the Resume tab to see these.
        </Text>
      ) : (
        <Stack gap="sm">
          {groups.map((g) => (
            <div key={g.category}>
              <Text size="sm" fw={500} mb={4}>
                {g.label}
              </Text>
              <Group gap={6}>
                {g.skills.map((s) => (
                  <Badge key={s} variant="light" color="indigo">
                    {s}
                  </Badge>
                ))}
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function AdjacentCard() {
  const paths = usePaths();
  const roles = paths.data?.adjacentRoles ?? [];
  return (
    <Card padding="lg">
      <Title order={4}>Roles that already fit</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Roles among your saved and applied jobs that ask mostly for skills you have.
      </Text>
      {paths.isLoading ? (
        <Loader size="sm" />
      ) : roles.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Save a few jobs with their descriptions, in roles next to yours, and see how much you
          already cover.
        </Text>
      ) : (
        <Stack gap="md">
          {roles.map((r) => (
            <div key={r.role} data-testid="adjacent-role">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={500}>
                  {r.role}{' '}
                  <Text span c="dimmed" size="xs">
                    · {r.jobCount} {r.jobCount === 1 ? 'job' : 'jobs'}
                  </Text>
                </Text>
                <Text size="sm" fw={600}>
                  {r.coverage}% covered
                </Text>
              </Group>
              <Progress
                value={r.coverage}
                color="teal"
                size="sm"
                aria-label={`${r.role}: ${r.coverage}% covered`}
              />
              {r.missing.length > 0 && (
                <Text size="xs" c="dimmed" mt={4}>
                  Still to show: {r.missing.slice(0, 6).join(', ')}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ContractCard() {
  const openAdd = useOpenAddApplication();
  return (
    <Card padding="lg">
      <Title order={4}>Contract and freelance work</Title>
      <Text size="sm" c="dimmed" mt={4}>
        A contract can bridge a gap, pay the bills and add a skill to your resume. Track it like any
        application and set its kind to contract: it moves through the same stages, and the Gaps tab counts
        what contract work asked for separately.
      </Text>
      <Button variant="light" mt="sm" onClick={openAdd}>
        Add an application
      </Button>
    </Card>
  );
}

// The server's schema checks the form first: the same limits on both sides.
const checkInterview = schemaValidator(infoInterviewCreateSchema, {
  contactName: 'Who',
  heldOn: 'When',
  company: 'Company',
  learned: 'What you learned',
});

function InterviewsCard() {
  const list = useInfoInterviews();
  const create = useCreateInfoInterview();
  const remove = useDeleteInfoInterview();
  const [contactName, setContactName] = useState('');
  const [heldOn, setHeldOn] = useState<string | null>(todayIso());
  const [company, setCompany] = useState('');
  const [learned, setLearned] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      contactName: contactName.trim(),
      heldOn: heldOn ?? '',
      company: company.trim() || null,
      learned: learned.trim() || null,
    };
    const local = checkInterview(body) as Record<string, string>;
    if (!body.contactName) local.contactName = 'Who did you talk to?';
    if (!heldOn) local.heldOn = 'When was it?';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await create.mutateAsync(body);
      setContactName('');
      setCompany('');
      setLearned('');
      notifications.show({ color: 'teal', message: 'Conversation saved.' });
    } catch (err) {
      setErrors(
        err instanceof ApiError && err.details.length > 0
          ? err.fieldErrors()
          : { contactName: errorMessage(err) },
      );
    }
  }

  const items = list.data?.items ?? [];
  return (
    <Card padding="lg">
      <Title order={4}>Informational interviews</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Short talks with people who do the work you are curious about. Note what you learned.
      </Text>
      <form onSubmit={submit} noValidate>
        <Grid gap="xs">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Who"
              value={contactName}
              error={errors.contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <DateInput
              label="When"
              valueFormat="D MMM YYYY"
              value={heldOn}
              error={errors.heldOn}
              onChange={setHeldOn}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              label="Company"
              value={company}
              error={errors.company}
              onChange={(e) => setCompany(e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="What I learned"
              autosize
              minRows={2}
              value={learned}
              error={errors.learned}
              onChange={(e) => setLearned(e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="xs">
          <Button type="submit" variant="light" loading={create.isPending}>
            Save conversation
          </Button>
        </Group>
      </form>
      <Stack gap="xs" mt="md">
        {items.map((i) => (
          <Card key={i.id} withBorder padding="sm" data-testid="info-interview">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {i.contactName ?? 'A contact'}
                  {i.company ? ` · ${i.company}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(i.heldOn)}
                </Text>
                {i.learned && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {i.learned}
                  </Text>
                )}
              </div>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Delete the conversation with ${i.contactName ?? 'this contact'}`}
                onClick={() => remove.mutate(i.id)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          </Card>
        ))}
        {list.isSuccess && items.length === 0 && (
          <Center>
            <Text size="xs" c="dimmed">
              No conversations saved yet.
            </Text>
          </Center>
        )}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        Tip: ask what a normal week looks like and which skills matter most to them.
      </Text>
    </Card>
  );
}
