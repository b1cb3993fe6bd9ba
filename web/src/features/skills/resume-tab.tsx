import {
  resumeSkillSchema,
  resumeTextImportSchema,
  SKILL_LEVELS,
  type SkillLevel,
} from '@core/skills/input.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  CloseButton,
  FileButton,
  Grid,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { resumeVersionLabel } from '../../lib/format.ts';
import {
  type ExtractedSkill,
  LEVEL_LABELS,
  type ResumeWithText,
  useImportResume,
  useResume,
  useResumeVersions,
  useSetResumeSkill,
} from './api.ts';
import { HighlightedText, spansToHighlights } from './highlighted-text.tsx';
import { readFileBase64 } from './http.ts';

const ACCEPT = '.txt,.md,.pdf,.docx,text/plain,text/markdown,application/pdf';
const REASONS: Record<string, string> = {
  import: 'Imported',
  manual: 'Edited by hand',
  learned: 'Learned a skill',
};

export function ResumeTab() {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <ImportCard />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <ProfileCard />
          <VersionsCard />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

// The server's schemas check the forms first: the same limits on both sides.
const checkResumeText = schemaValidator(resumeTextImportSchema, { text: 'Text of your resume' });
const checkSkill = schemaValidator(resumeSkillSchema, { name: 'Name of the skill', level: 'Level' });

/** Paste or upload a resume; shows the words Rebound recognised as skills. */
function ImportCard() {
  const importResume = useImportResume();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<{ name: string; fraction: number } | null>(null);
  const [shown, setShown] = useState<{ text: string; skills: ExtractedSkill[] } | null>(null);
  const [dragging, setDragging] = useState(false);

  /** Shows the text the server read (from a paste, a PDF or a Word file) with its skills marked. */
  function showHighlights(resume: ResumeWithText) {
    setShown(
      resume.text && resume.extraction ? { text: resume.text, skills: resume.extraction.skills } : null,
    );
  }

  async function submitText(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const problem = checkResumeText({ text }).text;
    if (problem) {
      setError(String(problem));
      return;
    }
    try {
      const resume = await importResume.mutateAsync({ text });
      notifications.show({
        color: 'teal',
        title: 'Resume read',
        message: `${resume.skills.length} skills on ${resume.version}.`,
      });
      showHighlights(resume);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function upload(file: File | null) {
    if (!file) return;
    setError(null);
    setShown(null);
    setReading({ name: file.name, fraction: 0 });
    try {
      const contentBase64 = await readFileBase64(file, (fraction) =>
        setReading({ name: file.name, fraction }),
      );
      setReading({ name: file.name, fraction: 1 });
      const resume = await importResume.mutateAsync({ filename: file.name, contentBase64 });
      notifications.show({
        color: 'teal',
        title: 'Resume read',
        message: `${resume.skills.length} skills on ${resume.version}.`,
      });
      showHighlights(resume);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : errorMessage(err));
    } finally {
      setReading(null);
    }
  }

  return (
    <Card padding="lg">
      <Title order={4}>Your resume</Title>
      <Text size="sm" c="dimmed" mb="md">
        Paste it or choose a file (.txt, .md, .pdf, .docx). Each import becomes a new version; skills you
        added by hand or learned stay on.
      </Text>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert" title="The resume was not read">
            {error}
          </Alert>
        )}
        <Paper
          withBorder
          p="md"
          radius="md"
          style={{
            borderStyle: 'dashed',
            background: dragging ? 'var(--mantine-color-indigo-0)' : undefined,
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void upload(e.dataTransfer.files[0] ?? null);
          }}
        >
          {reading ? (
            <Stack gap={6}>
              <Text size="sm">
                {reading.fraction < 1 ? `Opening ${reading.name}…` : `Reading the text of ${reading.name}…`}
              </Text>
              <Progress
                value={reading.fraction * 100}
                animated={reading.fraction >= 1}
                aria-label="Reading progress"
              />
            </Stack>
          ) : (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                Drop a file here, or
              </Text>
              <FileButton onChange={upload} accept={ACCEPT}>
                {(props) => (
                  <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />}>
                    Choose a file
                  </Button>
                )}
              </FileButton>
            </Group>
          )}
        </Paper>
        <form onSubmit={submitText}>
          <Stack gap="xs">
            <Textarea
              label="Or paste the text"
              placeholder="Paste your resume here"
              autosize
              minRows={5}
              maxRows={14}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={importResume.isPending && !reading}>
                Read my resume
              </Button>
            </Group>
          </Stack>
        </form>
        {shown && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              What Rebound recognised ({shown.skills.length} {shown.skills.length === 1 ? 'skill' : 'skills'})
            </Text>
            <HighlightedText text={shown.text} highlights={spansToHighlights(shown.skills)} maxHeight={280} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The skills on the current version, with levels; add one by hand or remove one. */
function ProfileCard() {
  const resume = useResume();
  const setSkill = useSetResumeSkill();
  const [name, setName] = useState('');
  const [level, setLevel] = useState<SkillLevel>('intermediate');
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setFieldError(null);
    const problems = checkSkill({ name, level });
    const problem = problems.name ?? problems.level;
    if (problem) {
      setFieldError(String(problem));
      return;
    }
    try {
      const result = await setSkill.mutateAsync({ name: name.trim(), level });
      setName('');
      notifications.show({
        color: 'teal',
        message: result.changed
          ? `Saved as ${result.version}.`
          : 'That skill is already there at this level.',
      });
    } catch (err) {
      setFieldError(err instanceof ApiError ? (err.fieldErrors().name ?? err.message) : errorMessage(err));
    }
  }

  const skills = resume.data?.skills ?? [];
  return (
    <Card padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Skills on your resume</Title>
        {resume.data?.version && <Badge variant="light">{resume.data.version}</Badge>}
      </Group>
      {resume.isLoading ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : skills.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Paste your resume, or add skills one by one below.
        </Text>
      ) : (
        <Group gap={6} data-testid="resume-skills">
          {skills.map((s) => (
            <Badge
              key={s.name}
              variant={s.source === 'learned' ? 'filled' : 'light'}
              color={s.source === 'learned' ? 'teal' : 'indigo'}
              title={`${LEVEL_LABELS[s.level]}${s.source === 'learned' ? ' · learned' : s.source === 'manual' ? ' · added by you' : ''}`}
              rightSection={
                <CloseButton
                  size="xs"
                  variant="transparent"
                  aria-label={`Remove ${s.name}`}
                  onClick={() =>
                    setSkill.mutate(
                      { name: s.name, remove: true },
                      { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
                    )
                  }
                />
              }
            >
              {s.name} · {LEVEL_LABELS[s.level].toLowerCase()}
            </Badge>
          ))}
        </Group>
      )}
      <form onSubmit={add}>
        <Group align="flex-start" gap="xs" mt="md" wrap="nowrap">
          <TextInput
            aria-label="Skill"
            placeholder="Add a skill, e.g. Terraform"
            style={{ flex: 1 }}
            value={name}
            error={fieldError}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            aria-label="Level"
            w={140}
            allowDeselect={false}
            data={SKILL_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
            value={level}
            onChange={(v) => v && setLevel(v as SkillLevel)}
          />
          <Button
            type="submit"
            variant="light"
            loading={setSkill.isPending}
            leftSection={<IconPlus size={14} />}
          >
            Add
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function VersionsCard() {
  const versions = useResumeVersions();
  const items = versions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card padding="lg">
      <Title order={4} mb="xs">
        Versions
      </Title>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td fw={500}>{resumeVersionLabel(v.label)}</Table.Td>
              <Table.Td c="dimmed">{REASONS[v.reason] ?? v.reason}</Table.Td>
              <Table.Td c="dimmed">{v.skillCount} skills</Table.Td>
              <Table.Td c="dimmed">{dayjs(v.createdAt).format('D MMM YYYY')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
