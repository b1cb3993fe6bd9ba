import { ROLE_LABELS } from '@core/accounts/scopes.ts';
import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLogout, IconLogout2, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { useSession, useSignOut } from './session.tsx';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first character a reader sees (an emoji, a letter with its accents), never half of one. */
const firstGrapheme = (word: string | undefined) =>
  word ? (graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '') : '';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = firstGrapheme(parts[0]) || '?';
  const last = parts.length > 1 ? firstGrapheme(parts.at(-1)) : '';
  return (first + last).toUpperCase();
}

/** The signed-in person's menu in the header: who, as what, their account, and signing out. */
export function UserMenu() {
  const me = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut(false);
  const signOutEverywhere = useSignOut(true);
  const user = me?.user;
  if (!user) return null;
  const leave = (mutation: typeof signOut) => () =>
    mutation.mutate(undefined, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
    });
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account of ${user.name}`}>
          <Avatar color="indigo" radius="xl">
            {initials(user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email} · {ROLE_LABELS[user.role]}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
          Account and password
        </Menu.Item>
        <Menu.Item component={Link} to="/account#tokens" leftSection={<IconKey size={16} />}>
          Access tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={leave(signOut)}>
          Sign out
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} />} onClick={leave(signOutEverywhere)}>
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
