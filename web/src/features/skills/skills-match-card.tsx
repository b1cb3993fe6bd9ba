import {
  Anchor,
  Badge,
  Card,
  Center,
  Group,
  Loader,
  RingProgress,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { resumeVersionLabel } from '../../lib/format.ts';
import { scoreText, useApplicationSkills } from './api.ts';
import { JobSkillsList } from './job-skills-list.tsx';

const color = (score: number | null) =>
  score === null ? 'gray' : score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'orange';

/** Matched and missing skills of one application, as a named list of badges. */
export function SkillList({ label, skills, matched }: { label: string; skills: string[]; matched: boolean }) {
  if (skills.length === 0) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" mb={4}>
        {label}
      </Text>
      <Group gap={4}>
        {skills.map((s) => (
          <Badge
            key={s}
            size="sm"
            variant={matched ? 'light' : 'outline'}
            color={matched ? 'teal' : 'orange'}
          >
            {s}
          </Badge>
        ))}
      </Group>
    </div>
  );
}

/** "Skills match" on the application page: how much of what the job asks for the current resume shows. */
export function SkillsMatchCard({ applicationId, version }: { applicationId: string; version?: string }) {
  const { data, isLoading, error } = useApplicationSkills(applicationId, version);
  const [why, setWhy] = useState(false);
  return (
    <Card padding="lg" data-testid="skills-match">
      <Title order={4} mb="sm">
        Skills match
      </Title>
      {isLoading ? (
        <Center py="sm">
          <Loader size="sm" />
        </Center>
      ) : error || !data ? (
        <Text size="sm" c="dimmed">
          The skills match could not load right now.
        </Text>
      ) : !data.hasJobDescription ? (
        <Text size="sm" c="dimmed">
          Paste the job description (Edit) to see which of its skills your resume shows.
        </Text>
      ) : data.score === null ? (
        <Text size="sm" c="dimmed">
          Rebound did not find skills it knows in this job description.
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" wrap="nowrap">
            <RingProgress
              size={76}
              thickness={8}
              roundCaps
              sections={[{ value: data.score, color: color(data.score) }]}
              label={
                <Text ta="center" fw={700} size="sm">
                  {scoreText(data.score)}
                </Text>
              }
            />
            <Text size="sm" c="dimmed">
              {data.resumeVersion
                ? `Against ${resumeVersionLabel(data.resumeVersion)}. Required skills count most, nice-to-haves least.`
                : 'No resume yet: add it to see what you already show.'}{' '}
              <Anchor component={Link} to="/skills/resume" size="sm">
                {data.resumeVersion ? 'Update resume' : 'Add resume'}
              </Anchor>
            </Text>
          </Group>
          <SkillList label="Required: you show" skills={data.required.matched} matched />
          <SkillList
            label="Required: not on your resume yet"
            skills={data.required.missing}
            matched={false}
          />
          <SkillList label="Nice to have: you show" skills={data.niceToHave.matched} matched />
          <SkillList label="Nice to have: not shown" skills={data.niceToHave.missing} matched={false} />
          <UnstyledButton onClick={() => setWhy((w) => !w)} aria-expanded={why}>
            <Text size="xs" c="blue">
              {why ? 'Hide where each skill comes from' : 'Where each skill comes from'}
            </Text>
          </UnstyledButton>
          {why && <JobSkillsList skills={data.skills} />}
          {data.sentResumeVersion && data.sentResumeVersion !== data.resumeVersion && (
            <Text size="xs" c="dimmed">
              You sent {data.sentResumeVersion}; this score is for your current resume.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
