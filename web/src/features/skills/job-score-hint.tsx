import { Badge, Group, Loader, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scoreText, skillsApi } from './api.ts';

/**
 * Scores a job description against the current resume while it is typed or pasted (debounced),
 * so a person sees the fit before saving.
 */
export function JobScoreHint({ text }: { text: string }) {
  const [debounced] = useDebouncedValue(text.trim(), 600);
  const enabled = debounced.length >= 30;
  const { data, isFetching } = useQuery({
    queryKey: ['skills', 'score', debounced],
    queryFn: () => skillsApi.score(debounced),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (!enabled || !data) return isFetching ? <Loader size="xs" /> : null;
  if (data.score === null) {
    return (
      <Text size="xs" c="dimmed" data-testid="job-score">
        No skills Rebound knows found in this text yet.
      </Text>
    );
  }
  const missing = data.required.missing.slice(0, 6);
  return (
    <Paper withBorder p="xs" radius="md" data-testid="job-score">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          Skills match {scoreText(data.score)}
        </Text>
        <Text size="xs" c="dimmed">
          {data.resumeVersion
            ? `you show ${data.matched.length} of ${data.matched.length + data.missing.length} skills it names`
            : 'add your resume on the Skills page to compare'}
        </Text>
        {isFetching && <Loader size="xs" />}
      </Group>
      {data.resumeVersion && missing.length > 0 && (
        <Group gap={4} mt={4}>
          <Text size="xs" c="dimmed">
            Not on your resume yet:
          </Text>
          {missing.map((s) => (
            <Badge key={s} size="xs" variant="outline" color="orange">
              {s}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
