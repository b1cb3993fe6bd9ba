import './week.css';
import { ActionIcon, Anchor, Button, Grid, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { formatDate, todayIso } from '../../lib/format.ts';
import { GoalsCard } from './goals-card.tsx';
import { JournalCard } from './journal-card.tsx';
import { PlanCard } from './plan-card.tsx';
import { ReviewCard } from './review-card.tsx';
import { WellbeingCard } from './wellbeing-card.tsx';
import { WinsCard } from './wins-card.tsx';

/** Monday of the week a day falls in (weeks start on Monday, as on the server). */
export function mondayOf(day: string): string {
  const d = dayjs(day);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

const shift = (day: string, weeks: number) =>
  dayjs(day)
    .add(weeks * 7, 'day')
    .format('YYYY-MM-DD');

/** `/week`: the plan of if-then steps, goals, the weekly review, rest and routine, the journal and the wins wall. */
export default function WeekPage() {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const current = mondayOf(today);
  const asked = params.get('week');
  const weekStart = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? mondayOf(asked) : current;
  const weekEnd = dayjs(weekStart).add(6, 'day').format('YYYY-MM-DD');
  const isCurrent = weekStart === current;
  const isPast = weekEnd < today;
  const go = (start: string) => setParams(start === current ? {} : { week: start });

  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm" className="no-print">
        <Group gap="sm" align="baseline">
          <Title order={2}>{isCurrent ? 'This week' : 'Week of'}</Title>
          <Text c="dimmed" size="sm">
            {formatDate(weekStart)} – {formatDate(weekEnd)}
          </Text>
        </Group>
        <Group gap="xs" aria-label="Choose a week">
          <Tooltip label="Week before">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Week before"
              onClick={() => go(shift(weekStart, -1))}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" disabled={isCurrent} onClick={() => go(current)}>
            This week
          </Button>
          <Tooltip label="Week after">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Week after"
              disabled={isCurrent}
              onClick={() => go(shift(weekStart, 1))}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }} className="review-col">
          <Stack gap="md">
            <div className="no-print">
              <PlanCard week={weekStart} isPast={isPast} />
            </div>
            <div className="no-print">
              <GoalsCard week={weekStart} isPast={isPast} />
              <Text size="xs" c="dimmed" mt={6}>
                Networking and learning count from logged time:{' '}
                <Anchor component={Link} to="/insights/channels" size="xs">
                  log time
                </Anchor>
                .
              </Text>
            </div>
            <ReviewCard week={weekStart} weekEnd={weekEnd} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} className="no-print">
          <Stack gap="md">
            <WellbeingCard />
            <JournalCard from={shift(today, -4)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12} className="no-print">
          <WinsCard from={shift(today, -8)} to={today} />
        </Grid.Col>
      </Grid>
    </>
  );
}
