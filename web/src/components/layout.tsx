import {
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  useMantineTheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconArrowBounce,
  IconChartDots,
  IconLayoutKanban,
  IconPlus,
  IconShare,
  IconShieldCog,
  IconTable,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { type Me, useSession } from '../features/account/session.tsx';
import { UserMenu } from '../features/account/user-menu.tsx';
import { FEATURE_PAGES } from '../features/registry.tsx';
import { useOpenAddApplication } from './add-application.tsx';
import { SampleDataBanner } from './sample-data-banner.tsx';

const feature = (placement: 'top' | 'bottom') =>
  FEATURE_PAGES.filter((f) => f.placement === placement).map((f) => ({
    to: `/${f.path}`,
    label: f.label,
    icon: f.icon,
    exact: false,
  }));

const NAV = [
  ...feature('top'),
  { to: '/', label: 'Board', icon: IconLayoutKanban, exact: true },
  { to: '/applications', label: 'Applications', icon: IconTable, exact: false },
  ...feature('bottom'),
];

/** The pages of a hosted server, by role: sharing for everyone with a job search, and so on. */
function hostedNav(me: Me | null) {
  const role = me?.user?.role;
  if (!role) return [];
  if (role === 'analyst') return [{ to: '/cohorts', label: 'Cohorts', icon: IconChartDots, exact: false }];
  const items = [{ to: '/sharing', label: 'Sharing', icon: IconShare, exact: false }];
  if (role === 'coach' || role === 'admin' || (me?.sharedWithMe.length ?? 0) > 0)
    items.push({ to: '/caseload', label: 'Caseload', icon: IconUsers, exact: false });
  if (role === 'admin') {
    items.push({ to: '/admin', label: 'Admin', icon: IconShieldCog, exact: false });
    items.push({ to: '/cohorts', label: 'Cohorts', icon: IconChartDots, exact: false });
  }
  return items;
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const openAdd = useOpenAddApplication();
  const { pathname } = useLocation();
  const me = useSession();
  const analyst = me?.user?.role === 'analyst';
  // A coach reading a seeker's job search: nothing here may add to it (or seem to).
  const canAdd = !analyst && !pathname.startsWith('/caseload/');
  const nav = analyst ? hostedNav(me) : [...NAV, ...hostedNav(me)];
  // Up to the navbar's breakpoint (AppShell's own query) a closed menu is only slid off-screen:
  // inert keeps its links out of the Tab order, and from screen readers, until the burger opens it.
  const theme = useMantineTheme();
  const phone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`, false, {
    getInitialValueInEffect: false,
  });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Rebound home">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size="lg" radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }}>
                  <IconArrowBounce size={20} />
                </ThemeIcon>
                <Text fw={700} size="lg">
                  Rebound
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {canAdd && (
              <>
                <Button leftSection={<IconPlus size={16} />} onClick={openAdd} visibleFrom="xs">
                  Add application
                </Button>
                <Button onClick={openAdd} hiddenFrom="xs" aria-label="Add application" px="sm">
                  <IconPlus size={18} />
                </Button>
              </>
            )}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" inert={phone && !opened}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {nav.map((item) => {
              const active = item.exact ? pathname === item.to : pathname.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={active}
                  onClick={close}
                  leftSection={<item.icon size={18} stroke={1.6} />}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm">
            {me?.mode === 'hosted'
              ? 'Your job search is yours: coaches see only what you share.'
              : 'Your data stays on this computer.'}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {!analyst && <SampleDataBanner />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
