import type { Outcome, Stage } from '@core/applications/application.ts';
import { BarChart } from '@mantine/charts';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';

import { OUTCOME_COLORS, outcomeLabel, stageLabel } from '../../lib/format.ts';
import { type SkillGap, useCreatePlanItem, useGaps, usePlan } from './api.ts';
import { Quiet } from './quiet.tsx';

/** The skills closed jobs asked for most that the resume does not show yet, with the jobs behind each. */
export function GapsTab() {
  const gaps = useGaps();
  const plan = usePlan();
  const add = useCreatePlanItem();

  if (gaps.isLoading) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  if (gaps.error || !gaps.data) {
    return (
      <Alert color="red" title="The skill gaps could not load">
        {errorMessage(gaps.error)}
      </Alert>
    );
  }
  const report = gaps.data;
  const planned = new Set((plan.data?.items ?? []).map((p) => p.skill.toLowerCase()));
  const top = report.gaps.slice(0, 10);

  const addToPlan = (gap: SkillGap) =>
    add.mutate(
      { skill: gap.skill, kind: 'course' },
      {
        onSuccess: (item) =>
          notifications.show({
            color: 'teal',
            title: 'Added to your learning plan',
            message: `${item.skill} is in your plan. Set a link and a target date when you are ready.`,
          }),
        onError: (e) => notifications.show({ color: 'red', title: 'Not added', message: errorMessage(e) }),
      },
    );

  if (report.gaps.length === 0) {
    return (
      <Quiet
        title="No gaps to show yet"
        description={
          report.considered.withJobDescription === 0
            ? 'Paste the job description into your applications: Rebound reads which skills each job asked for and compares them with your resume.'
            : report.resumeVersion === null
              ? 'Add your resume on the Resume tab so Rebound can tell which asked-for skills you already show.'
              : 'Your resume already covers what the closed jobs asked for. Nice work.'
        }
      />
    );
  }

  return (
    <Stack gap="md">
      {report.resumeVersion === null && (
        <Alert color="blue" variant="light">
          No resume yet, so every skill counts as missing.{' '}
          <Anchor component={Link} to="/skills/resume">
            Add your resume
          </Anchor>{' '}
          to see only the real gaps.
        </Alert>
      )}
      <Card padding="lg">
        <Title order={4}>What closed jobs asked for that your resume does not show</Title>
        <Text size="sm" c="dimmed" mb="md">
          From {report.considered.withJobDescription} applications with a job description. Later stages and
          recent jobs count more; a skill that jobs which moved forward also asked for counts less.
        </Text>
        <BarChart
          h={Math.max(180, top.length * 34)}
          data={top.map((g) => ({ skill: g.skill, closed: g.closedCount, forward: g.forwardCount }))}
          dataKey="skill"
          orientation="vertical"
          yAxisProps={{ width: 130, interval: 0 }}
          xAxisProps={{ allowDecimals: false }}
          series={[
            { name: 'closed', label: 'Closed jobs that asked', color: 'orange.5' },
            { name: 'forward', label: 'Jobs that moved forward', color: 'teal.5' },
          ]}
          withLegend
          gridAxis="x"
        />
      </Card>
      <Card padding="lg">
        <Title order={4} mb="sm">
          Each gap and the jobs behind it
        </Title>
        <Accordion variant="separated" chevronPosition="left" data-testid="gap-list">
          {report.gaps.map((gap) => {
            const inPlan = planned.has(gap.skill.toLowerCase());
            return (
              <Accordion.Item key={gap.skill} value={gap.skill} data-testid="gap-item">
                <Group wrap="nowrap" gap="xs" pr="sm">
                  <Accordion.Control style={{ flex: 1, minWidth: 0 }}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} style={{ overflowWrap: 'anywhere', hyphens: 'auto' }}>
                        {gap.skill}
                      </Text>
                      <Text size="sm" c="dimmed">
                        asked by {gap.closedCount} closed {gap.closedCount === 1 ? 'job' : 'jobs'}
                        {gap.forwardCount > 0 ? ` · ${gap.forwardCount} that moved forward` : ''}
                      </Text>
                      {gap.byKind.contract > 0 && (
                        <Badge size="xs" variant="light" color="grape">
                          {gap.byKind.contract} contract
                        </Badge>
                      )}
                    </Group>
                  </Accordion.Control>
                  <Button
                    style={{ flexShrink: 0 }}
                    size="xs"
                    variant={inPlan ? 'subtle' : 'light'}
                    disabled={inPlan}
                    leftSection={inPlan ? <IconCheck size={14} /> : <IconPlus size={14} />}
                    loading={add.isPending && add.variables?.skill === gap.skill}
                    onClick={() => addToPlan(gap)}
                    aria-label={
                      inPlan ? `${gap.skill} is in your learning plan` : `Add ${gap.skill} to learning plan`
                    }
                  >
                    {inPlan ? (
                      'In your plan'
                    ) : (
                      <>
                        <Box component="span" visibleFrom="sm">
                          Add to learning plan
                        </Box>
                        {/* A phone keeps the skill's name readable: the button says less. */}
                        <Box component="span" hiddenFrom="sm">
                          Plan it
                        </Box>
                      </>
                    )}
                  </Button>
                </Group>
                <Accordion.Panel>
                  <Stack gap={6}>
                    {gap.applications.map((a) => (
                      <Group key={a.id} gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/applications/${a.id}`} size="sm" className="clamp-1">
                          {a.company} · {a.role}
                        </Anchor>
                        {a.outcome && (
                          <Badge
                            size="xs"
                            variant="light"
                            color={OUTCOME_COLORS[a.outcome as Outcome] ?? 'gray'}
                          >
                            {outcomeLabel(a.outcome as Outcome)}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          reached {stageLabel(a.furthestStage as Stage)}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Card>
    </Stack>
  );
}
