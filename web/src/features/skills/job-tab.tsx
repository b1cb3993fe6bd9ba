import { extractInputSchema } from '@core/skills/input.ts';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { skillsApi } from './api.ts';
import { JobSkillsList } from './job-skills-list.tsx';

// The server's schema: the same length limit on both sides.
const check = schemaValidator(extractInputSchema, { text: 'The job description' });

/** Paste a job description and see each skill it names, how much it counts and where it says so. */
export function JobTab() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const read = useMutation({ mutationFn: (t: string) => skillsApi.extract(t) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!text.trim()) {
      setError('Paste a job description first.');
      return;
    }
    const problem = check({ text }).text;
    if (problem) {
      setError(String(problem));
      return;
    }
    try {
      await read.mutateAsync(text);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const skills = read.data?.skills ?? null;
  const required = skills?.filter((s) => s.required).length ?? 0;
  return (
    <Card padding="lg">
      <Stack gap="sm">
        <div>
          <Title order={4}>Read a job description</Title>
          <Text size="sm" c="dimmed">
            Paste a posting to see the skills it names, whether each one is needed or only nice to have, and
            the sentence that says so.
          </Text>
        </div>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label="Job description"
              placeholder="Paste the whole posting, headings and all"
              autosize
              minRows={5}
              maxRows={14}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error}
            />
            <Group>
              <Button type="submit" loading={read.isPending}>
                Find the skills
              </Button>
            </Group>
          </Stack>
        </form>
        {skills && skills.length === 0 && (
          <Alert color="gray">Rebound did not find skills it knows in this text.</Alert>
        )}
        {skills && skills.length > 0 && (
          <>
            <Text size="sm" data-testid="job-skills-summary">
              {skills.length} skills: {required} the job needs, {skills.length - required} nice to have.
            </Text>
            <JobSkillsList skills={skills} />
          </>
        )}
      </Stack>
    </Card>
  );
}
