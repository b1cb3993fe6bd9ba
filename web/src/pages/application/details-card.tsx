import { APPLICATION_KIND_LABELS } from '@core/applications/application.ts';
import type { ApplicationDetail } from '@core/applications/schemas.ts';
import { Anchor, Badge, Card, Group, Rating, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { channelLabel, formatDate, formatSalary, WORK_MODE_LABELS } from '../../lib/format.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children ?? <Text c="dimmed">—</Text>}</div>
    </div>
  );
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The facts about an application, read-only; the Edit button opens the form. */
export function DetailsCard({ app, action }: { app: ApplicationDetail; action: ReactNode }) {
  const salary = formatSalary(app.salaryMin, app.salaryMax, app.salaryCurrency);
  const dash = <Text c="dimmed">—</Text>;
  return (
    <Card padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={4}>Details</Title>
        {action}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Field label="Channel">
          <Text size="sm">{channelLabel(app.channel)}</Text>
        </Field>
        <Field label="Applied on">
          <Text size="sm">{app.appliedOn ? formatDate(app.appliedOn) : 'Not sent yet'}</Text>
        </Field>
        <Field label="Type of work">
          <Text size="sm">{APPLICATION_KIND_LABELS[app.kind]}</Text>
        </Field>
        <Field label="Location">
          <Text size="sm">
            {[app.location, app.workMode ? WORK_MODE_LABELS[app.workMode] : null]
              .filter(Boolean)
              .join(' · ') || '—'}
          </Text>
        </Field>
        <Field label="Salary">{salary ? <Text size="sm">{salary}</Text> : dash}</Field>
        <Field label="Posting">
          {app.jobUrl ? (
            isWebUrl(app.jobUrl) ? (
              <Anchor
                href={app.jobUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                className="clamp-1"
                display="block"
              >
                {app.jobUrl.replace(/^https?:\/\//i, '')}
              </Anchor>
            ) : (
              <Text size="sm" className="clamp-1">
                {app.jobUrl}
              </Text>
            )
          ) : (
            dash
          )}
        </Field>
        <Field label="Priority">
          {app.priority ? <Rating value={app.priority} readOnly size="sm" /> : dash}
        </Field>
        <Field label="Excitement">
          {app.excitement ? <Rating value={app.excitement} readOnly size="sm" /> : dash}
        </Field>
        <Field label="Résumé / cover letter">
          <Text size="sm">
            {[app.resumeVersion, app.coverLetterVersion].filter(Boolean).join(' · ') || '—'}
          </Text>
        </Field>
      </SimpleGrid>
      <Stack gap="md" mt="md">
        <Field label="Tags">
          {app.tags.length > 0 ? (
            <Group gap={6}>
              {app.tags.map((t) => (
                <Badge key={t} variant="light" color="gray">
                  {t}
                </Badge>
              ))}
            </Group>
          ) : (
            dash
          )}
        </Field>
        {app.notes && (
          <Field label="Notes">
            <Text size="sm" className="pre-wrap">
              {app.notes}
            </Text>
          </Field>
        )}
        {app.jobDescription && (
          <Field label="Job description">
            <Spoiler maxHeight={120} showLabel="Show all" hideLabel="Show less">
              <Text size="sm" className="pre-wrap">
                {app.jobDescription}
              </Text>
            </Spoiler>
          </Field>
        )}
      </Stack>
    </Card>
  );
}
