import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { JobSkill } from './api.ts';

type Shown = Pick<JobSkill, 'name' | 'categoryLabel' | 'required' | 'importance' | 'reason' | 'sentence'>;

/** How much a skill counts, in words a person reads at a glance. */
function needLabel(s: Shown): { label: string; color: string } {
  if (!s.required) return { label: 'Nice to have', color: 'yellow' };
  return s.importance === 'required'
    ? { label: 'Required', color: 'teal' }
    : { label: 'Part of the job', color: 'blue' };
}

/**
 * The skills a job text names, each with its kind, whether the job needs it and why, and the
 * sentence it came from, so a person can check the reading against the text.
 */
export function JobSkillsList({ skills }: { skills: Shown[] }) {
  if (skills.length === 0) return null;
  const ordered = [...skills.filter((s) => s.required), ...skills.filter((s) => !s.required)];
  return (
    <Stack gap={6} data-testid="job-skills">
      {ordered.map((s) => {
        const need = needLabel(s);
        return (
          <Paper key={s.name} withBorder radius="sm" px="sm" py={6} data-testid="job-skill">
            <Group gap={6} wrap="wrap" align="center">
              <Text size="sm" fw={600}>
                {s.name}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {s.categoryLabel}
              </Badge>
              <Badge size="xs" variant="light" color={need.color}>
                {need.label}
              </Badge>
              <Text size="xs" c="dimmed">
                {s.reason}
              </Text>
            </Group>
            {s.sentence && (
              <Text size="xs" c="dimmed" fs="italic" mt={2} style={{ overflowWrap: 'anywhere' }}>
                “{s.sentence}”
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
