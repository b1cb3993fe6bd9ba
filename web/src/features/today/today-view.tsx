import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Collapse,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarDown,
  IconCheck,
  IconChevronDown,
  IconLeaf,
  IconLink,
  IconMoonStars,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { formatWhen } from '../recovery/format.ts';
import { StepRow } from '../week/plan-card.tsx';
import {
  CALENDAR_URL,
  type TodayGroup,
  type TodayItem,
  useToday,
  useTodayGroup,
  type TodayView as View,
} from './api.ts';
import { TodayItemCard } from './today-item.tsx';

/** The home of what is due: earlier, today and the coming week, with a kind word when it is quiet. */
export function TodayView() {
  const { data, isLoading, error } = useToday();
  if (isLoading) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (!data) {
    return (
      <Alert color="red" title="Today could not load">
        {errorMessage(error)}
      </Alert>
    );
  }
  const nothingNow = data.counts.overdue === 0 && data.counts.today === 0;
  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz={28}>
            Today
          </Title>
          <Text c="dimmed">{dayjs(data.date).format('dddd D MMMM')}</Text>
        </div>
        <CalendarMenu />
      </Group>
      {data.coolingOff && <PauseBanner view={data} />}
      {nothingNow && data.steps.length === 0 && <RestCard view={data} />}
      {data.steps.length > 0 && <TodayPlan steps={data.steps} />}
      <Section
        id="overdue"
        title="From earlier"
        hint="No rush; pick whichever feels doable."
        first={data.overdue}
        total={data.counts.overdue}
      />
      <Section id="today" title="For today" first={data.today} total={data.counts.today} />
      <Upcoming first={data.upcoming} total={data.counts.upcoming} />
      {data.quiet && data.quiet.total > data.quiet.shown && (
        <Text size="sm" c="dimmed">
          {data.quiet.total - data.quiet.shown} more applications have gone quiet.{' '}
          <Anchor component={Link} to="/applications?status=open&sort=applied&order=asc">
            See them oldest first
          </Anchor>
          .
        </Text>
      )}
      {data.laterCount > 0 && (
        <Text size="sm" c="dimmed">
          {data.laterCount === 1 ? 'One more thing is' : `${data.laterCount} more things are`} planned further
          out.
        </Text>
      )}
    </Stack>
  );
}

/** The weekly plan's steps for today: the only plan item Today shows (nothing else pings). */
function TodayPlan({ steps }: { steps: View['steps'] }) {
  return (
    <Stack gap="xs" data-testid="today-plan">
      <Group gap="xs" align="baseline">
        <Title order={3} fz="lg">
          Your plan for today
        </Title>
        <Anchor component={Link} to="/week" size="sm">
          The whole week
        </Anchor>
      </Group>
      <Card padding="md" withBorder>
        <Stack gap="sm">
          {steps.map((s) => (
            <StepRow key={s.id} step={s} compact />
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

/** "Show more" under a list the first screen cut short: how many are left, loaded a page at a time. */
function ShowMore({ group, list }: { group: TodayGroup; list: ReturnType<typeof useTodayGroup> }) {
  if (list.remaining === 0) return null;
  return (
    <Group>
      <Button
        variant="subtle"
        size="compact-sm"
        loading={list.loading}
        onClick={list.loadMore}
        data-testid={`today-more-${group}`}
      >
        Show more ({list.remaining} left)
      </Button>
    </Group>
  );
}

function Section({
  id,
  title,
  hint,
  first,
  total,
}: {
  id: 'overdue' | 'today';
  title: string;
  hint?: string;
  first: TodayItem[];
  total: number;
}) {
  const list = useTodayGroup(id, first, total);
  const items = list.items;
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid={`today-section-${id}`}>
      <Group gap="xs" align="baseline">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Badge variant="light" color="gray">
          {list.total}
        </Badge>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Group>
      {items.map((item) => (
        <TodayItemCard key={item.id} item={item} />
      ))}
      <ShowMore group={id} list={list} />
    </Stack>
  );
}

function Upcoming({ first, total }: { first: TodayItem[]; total: number }) {
  const list = useTodayGroup('upcoming', first, total);
  const items = list.items;
  if (items.length === 0) return null;
  const days = [...new Set(items.map((i) => i.dueOn))];
  return (
    <Stack gap="xs" data-testid="today-section-upcoming">
      <Title order={3} fz="lg">
        Coming up
      </Title>
      {days.map((day) => (
        <Stack gap={6} key={day}>
          <Text size="sm" fw={600} c="dimmed">
            {dayjs(day).format('dddd D MMM')}
          </Text>
          {items
            .filter((i) => i.dueOn === day)
            .map((item) => (
              <TodayItemCard key={item.id} item={item} />
            ))}
        </Stack>
      ))}
      <ShowMore group="upcoming" list={list} />
    </Stack>
  );
}

function PauseBanner({ view }: { view: View }) {
  const [open, { toggle }] = useDisclosure(false);
  const held = useTodayGroup('held', view.held, view.counts.held);
  return (
    <Alert
      variant="light"
      color="indigo"
      icon={<IconMoonStars size={20} />}
      title={`You are taking a pause until ${formatWhen(view.coolOffEndsAt)}`}
      data-testid="pause-banner"
    >
      <Text size="sm">
        Be gentle with yourself. Nudges to apply elsewhere and look-back tasks wait until then; interviews and
        messages still show.
      </Text>
      {held.total > 0 && (
        <>
          <Button
            variant="subtle"
            size="compact-sm"
            mt={6}
            rightSection={<IconChevronDown size={14} />}
            onClick={toggle}
          >
            {held.total === 1
              ? '1 task waits for after your pause'
              : `${held.total} tasks wait for after your pause`}
          </Button>
          <Collapse expanded={open}>
            <Stack gap={6} mt="xs">
              {held.items.map((item) => (
                <TodayItemCard key={item.id} item={item} />
              ))}
              <ShowMore group="held" list={held} />
            </Stack>
          </Collapse>
        </>
      )}
    </Alert>
  );
}

function RestCard({ view }: { view: View }) {
  return (
    <Card padding="lg" radius="md" withBorder data-testid="today-empty">
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={44} radius="xl" variant="light" color="teal">
          <IconLeaf size={24} />
        </ThemeIcon>
        <div>
          <Text fw={600}>Nothing due today. Rest counts too.</Text>
          <Text size="sm" c="dimmed">
            {view.counts.upcoming > 0
              ? 'A few things are coming up below, whenever you are ready.'
              : 'When something needs you, it will show up here.'}
          </Text>
        </div>
      </Group>
    </Card>
  );
}

function CalendarMenu() {
  const feed = `${window.location.origin}${CALENDAR_URL}`;
  const webcal = feed.replace(/^https?:/, 'webcal:');
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconCalendarDown size={16} />}>
          Calendar
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={CALENDAR_URL}
          download="rebound.ics"
          leftSection={<IconCalendarDown size={14} />}
        >
          Download .ics
        </Menu.Item>
        <Menu.Item component="a" href={webcal} leftSection={<IconLink size={14} />}>
          Subscribe in your calendar app
        </Menu.Item>
        <CopyButton value={feed} byHand="Right-click “Subscribe in your calendar app” and copy the link.">
          {({ copied, copy }) => (
            <Menu.Item
              closeMenuOnClick={false}
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconLink size={14} />}
            >
              {copied ? 'Link copied' : 'Copy the feed link'}
            </Menu.Item>
          )}
        </CopyButton>
      </Menu.Dropdown>
    </Menu>
  );
}
