import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBounce, IconLayoutKanban, IconPlus, IconTable } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
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

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const openAdd = useOpenAddApplication();
  const { pathname } = useLocation();

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
          <Button leftSection={<IconPlus size={16} />} onClick={openAdd} visibleFrom="xs">
            Add application
          </Button>
          <Button onClick={openAdd} hiddenFrom="xs" aria-label="Add application" px="sm">
            <IconPlus size={18} />
          </Button>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAV.map((item) => {
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
            Your data stays on this computer.
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <SampleDataBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
