import { APPLICATION_KIND_LABELS, STAGES, type Stage } from '@core/applications/application.ts';
import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, useCreateApplication } from '../../api/hooks.ts';
import { channelLabel, formatSalary, stageLabel, WORK_MODE_LABELS } from '../../lib/format.ts';
import type { JobPageResult } from './api.ts';
import { JobPageReader } from './job-page-reader.tsx';

/** Paste a job page's address or HTML, check what was found, add it as an application. */
export function JobPageTab() {
  const [result, setResult] = useState<JobPageResult | null>(null);
  const [stage, setStage] = useState<Stage>('saved');
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const create = useCreateApplication();
  const f = result?.fields;

  function add() {
    if (!f) return;
    create.mutate(
      { ...f, stage },
      {
        onSuccess: (app) => {
          setAdded({ id: app.id, name: `${app.company} · ${app.role}` });
          setResult(null);
          notifications.show({
            color: 'teal',
            title: 'Added',
            message: `${app.company} · ${app.role} is on your board.`,
          });
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Not added', message: errorMessage(e) }),
      },
    );
  }

  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" w={110}>
          {label}
        </Text>
        <Text size="sm" style={{ flex: 1 }}>
          {value}
        </Text>
      </Group>
    ) : null;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card padding="lg">
          <Title order={4}>From a job page</Title>
          <Text size="sm" c="dimmed" mb="md">
            Rebound reads the company, role, location, salary and description. If a site will not let Rebound
            in, paste the page HTML instead.
          </Text>
          <JobPageReader
            onRead={(r) => {
              setResult(r);
              setAdded(null);
            }}
          />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {added && (
          <Card padding="lg" mb="md">
            <Text size="sm">
              Added{' '}
              <Anchor component={Link} to={`/applications/${added.id}`}>
                {added.name}
              </Anchor>
              .
            </Text>
          </Card>
        )}
        {f && (
          <Card padding="lg" data-testid="job-page-preview">
            <Title order={4}>{f.role ?? 'A role'}</Title>
            <Text c="dimmed" mb="sm">
              {f.company ?? 'Company not found; you can add it later'}
            </Text>
            <Stack gap={6}>
              {row(
                'Location',
                [f.location, f.workMode ? WORK_MODE_LABELS[f.workMode] : null].filter(Boolean).join(' · '),
              )}
              {row(
                'Salary',
                formatSalary(f.salaryMin ?? null, f.salaryMax ?? null, f.salaryCurrency ?? null),
              )}
              {row('Found via', channelLabel(result.channel))}
              {row('Type of work', f.kind && f.kind !== 'job' ? APPLICATION_KIND_LABELS[f.kind] : null)}
              {row('Link', f.jobUrl)}
              {f.jobDescription && (
                <Text size="sm" c="dimmed" lineClamp={8} style={{ whiteSpace: 'pre-wrap' }}>
                  {f.jobDescription}
                </Text>
              )}
            </Stack>
            <Group justify="flex-end" mt="md" align="flex-end">
              <Select
                label="Stage"
                w={160}
                allowDeselect={false}
                data={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
                value={stage}
                onChange={(v) => v && setStage(v as Stage)}
              />
              <Button onClick={add} loading={create.isPending} disabled={!f.company || !f.role}>
                Add application
              </Button>
            </Group>
            {(!f.company || !f.role) && (
              <Text size="xs" c="dimmed" ta="right" mt={4}>
                The company or role is missing; use “Add application” at the top to fill them in.
              </Text>
            )}
          </Card>
        )}
      </Grid.Col>
    </Grid>
  );
}
