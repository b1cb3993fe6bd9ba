import { resumeLinesPrompt } from '@core/ai/prompts.ts';
import type { ApplicationDetail } from '@core/applications/schemas.ts';
import type { ApplicationSkills, ResumeWithText } from '@core/skills/schemas.ts';
import { Card, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { useAddEvent } from '../../api/hooks.ts';
import { useSession } from '../account/session.tsx';
import { AiAssist } from './ai-assist.tsx';
import { useAiEndpoint } from './api.ts';

/**
 * Which resume lines to stress for this job, suggested by the user's own model from the skill
 * match, the job description and the resume. Shown only with a model set up and a saved job
 * description; the skill match card above is the path without it. An accepted suggestion is kept
 * as a note on the application, like one written by hand.
 */
export function ResumeLinesCard({ app }: { app: ApplicationDetail }) {
  const endpoint = useAiEndpoint();
  const hosted = useSession()?.mode === 'hosted';
  const addEvent = useAddEvent();
  const qc = useQueryClient();
  if (hosted || !endpoint.data?.configured || !app.jobDescription?.trim()) return null;

  // Read when the button is pressed (fresh, and nothing is fetched for a card nobody uses).
  const loadText = async () => {
    const [skills, resume] = await Promise.all([
      qc.fetchQuery({
        queryKey: ['ai', 'skills-for', app.id, app.updatedAt],
        queryFn: () =>
          request<ApplicationSkills>('GET', `/api/v1/applications/${encodeURIComponent(app.id)}/skills`),
      }),
      qc.fetchQuery({
        queryKey: ['ai', 'resume-text'],
        queryFn: () => request<ResumeWithText>('GET', '/api/v1/resume'),
        staleTime: 60_000,
      }),
    ]);
    return resumeLinesPrompt({
      company: app.company,
      role: app.role,
      jobDescription: app.jobDescription,
      matched: skills.matched,
      missing: skills.missing,
      resume: resume.text,
    });
  };

  return (
    <Card padding="lg" data-testid="resume-lines">
      <Title order={4} mb={4}>
        Resume lines to stress
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your model can suggest which lines of your resume fit this job best, from the skill match.
      </Text>
      <AiAssist
        feature="suggest_resume_lines"
        label="Suggest lines with my model"
        title={`Resume lines to stress for ${app.company}`}
        text={loadText}
        acceptLabel="Keep as a note"
        acceptHint="Accepting keeps this as a note on the application, like one you wrote."
        onAccept={(draft) => addEvent.mutateAsync({ id: app.id, event: { type: 'note', text: draft } })}
      />
    </Card>
  );
}
