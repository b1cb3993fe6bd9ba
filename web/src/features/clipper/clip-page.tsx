import { readClipFragment } from '@core/clipper/bookmarklet.ts';
import { Alert, Anchor, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, useCreateApplication } from '../../api/hooks.ts';
import { ApplicationForm } from '../../components/application-form.tsx';
import { emptyForm, type FormValues } from '../../components/empty-form.ts';
import { importApi, type JobPageResult } from '../import/api.ts';

/**
 * Read once, when the page opens: the bookmarklet's fragment holds the job page, and the address
 * bar should not keep it (nor the history entry).
 */
const clip = (() => {
  const found = readClipFragment(window.location.hash);
  if (found) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  return found;
})();

function formFrom(fields: JobPageResult['fields'], url: string): FormValues {
  return {
    ...emptyForm,
    stage: 'saved',
    company: fields.company ?? '',
    role: fields.role ?? '',
    channel: fields.channel ?? 'job_board',
    jobUrl: fields.jobUrl ?? url,
    location: fields.location ?? '',
    workMode: fields.workMode ?? null,
    kind: fields.kind ?? 'job',
    salaryMin: fields.salaryMin ?? '',
    salaryMax: fields.salaryMax ?? '',
    salaryCurrency: fields.salaryCurrency ?? '',
    jobDescription: fields.jobDescription ?? '',
  };
}

/** `/clip`: what the bookmarklet opens: the job it sent, in the add form, saved only on "Save". */
export default function ClipPage() {
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const create = useCreateApplication();
  const read = useQuery({
    queryKey: ['clip', clip?.url],
    enabled: clip !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    // A page with no job on it still opens the form, with the link filled in.
    queryFn: () =>
      importApi.jobPage({ url: clip!.url, html: clip!.html }).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'no_job_posting') return null;
        throw error;
      }),
  });

  if (!clip) {
    return (
      <Alert color="blue" title="Nothing to save here" maw={560}>
        This page opens when you click the “Save to Rebound” bookmarklet on a job page. Settings, “Save jobs
        from your browser”, has the bookmarklet.
      </Alert>
    );
  }
  if (read.isLoading)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (read.isError)
    return (
      <Alert color="red" title="Rebound could not read that page" maw={560}>
        {errorMessage(read.error)}
      </Alert>
    );
  if (saved)
    return (
      <Card padding="lg" withBorder maw={560}>
        <Text>
          Saved{' '}
          <Anchor component={Link} to={`/applications/${saved.id}`}>
            {saved.name}
          </Anchor>
          . You can close this window.
        </Text>
      </Card>
    );
  return (
    <Stack gap="sm" maw={720}>
      <div>
        <Title order={2}>Save this job</Title>
        <Text size="sm" c="dimmed">
          {read.data
            ? 'Rebound read this from the page. Check the company, role, channel and stage, then save.'
            : 'No job found on that page. Fill in the company and role yourself.'}
        </Text>
      </div>
      <Card padding="lg" withBorder>
        <ApplicationForm
          initial={formFrom(read.data?.fields ?? {}, clip.url)}
          mode="create"
          submitLabel="Save to Rebound"
          onSubmit={async (input) => {
            const created = await create.mutateAsync(input);
            setSaved({ id: created.id, name: `${created.company} · ${created.role}` });
          }}
        />
      </Card>
    </Stack>
  );
}
