import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconArrowBounce,
  IconCalendarEvent,
  IconChartBar,
  IconLayoutKanban,
  IconPlus,
  IconSparkles,
  IconTable,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { useOpenAddApplication } from './add-application.tsx';

const NAV = [
  { to: '/', label: 'Board', icon: IconLayoutKanban, exact: true },
  { to: '/applications', label: 'Applications', icon: IconTable, exact: false },
];

// Pages planned for later issues; they show in the menu so the shape of the app is clear.
const LATER = [
  { label: 'Today', icon: IconCalendarEvent },
  { label: 'Insights', icon: IconChartBar },
  { label: 'Skills', icon: IconSparkles },
  { label: 'Contacts', icon: IconAddressBook },
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
          <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
            Add application
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
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="lg" mb={4} px="sm">
            Coming later
          </Text>
          <Stack gap={2}>
            {LATER.map((item) => (
              <NavLink
                key={item.label}
                label={item.label}
                disabled
                leftSection={<item.icon size={18} stroke={1.6} />}
                rightSection={
                  <Badge size="xs" variant="light" color="gray">
                    soon
                  </Badge>
                }
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm">
            Your data stays on this computer.
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
