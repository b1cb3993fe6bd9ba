import { passwordChangeSchema, tokenCreateSchema } from '@core/accounts/input.ts';
import type { TokenView } from '@core/accounts/schemas.ts';
import { ROLE_LABELS } from '@core/accounts/scopes.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { CopyableCode } from '../../components/copyable-code.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { fieldErrorsFor, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import { meKey, optional, useSession } from './session.tsx';

/** `/account`: who you are, your password, personal access tokens and your calendar feed. */
export default function AccountPage() {
  const me = useSession();
  const user = me?.user;
  if (!user) return null;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={2}>Your account</Title>
        <Text c="dimmed">
          {user.name} · {user.email} · {ROLE_LABELS[user.role]}
        </Text>
      </div>
      <PasswordCard />
      <TokensCard />
      <CalendarCard path={me?.calendarPath} />
    </Stack>
  );
}

function PasswordCard() {
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: schemaValidator(passwordChangeSchema, {
      currentPassword: 'Your current password',
      newPassword: 'The new password',
    }),
  });
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) =>
      request('POST', '/api/v1/auth/password', values),
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: 'teal',
        message: 'Password changed. Your other sessions were signed out.',
      });
    },
    onError: (e) => form.setErrors(fieldErrorsFor(e, ['currentPassword', 'newPassword'])),
  });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        Change your password
      </Title>
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters. Your other sessions will be signed out."
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          {change.error &&
            Object.keys(fieldErrorsFor(change.error, ['currentPassword', 'newPassword'])).length === 0 && (
              <Alert color="red">{errorMessage(change.error)}</Alert>
            )}
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

type CreatedToken = TokenView & { token: string };

function TokensCard() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => request<{ items: TokenView[] }>('GET', '/api/v1/tokens'),
  });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: schemaValidator(tokenCreateSchema, { name: 'The name' }),
  });
  const create = useMutation({
    mutationFn: (values: { name: string }) => request<CreatedToken>('POST', '/api/v1/tokens', values),
    onSuccess: (token) => {
      setCreated(token);
      form.reset();
      return qc.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (e) => {
      const fields = fieldErrorsFor(e, ['name']);
      if (Object.keys(fields).length > 0) form.setErrors(fields);
      else notifications.show({ color: 'red', message: errorMessage(e) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setRevoking(null);
      return qc.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const items = tokens.data?.items ?? [];
  return (
    <Card withBorder padding="lg" id="tokens">
      <Title order={3} size="h4">
        Personal access tokens
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        For the command line, the API or an integration: send it as <Code>Authorization: Bearer …</Code>. A
        token acts as you; revoke it when you no longer use it.
      </Text>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Name"
            placeholder="Laptop CLI"
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </form>
      {created && (
        <Alert color="teal" mt="md" title={`Token “${created.name}” created`}>
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only once.</Text>
            <CopyableCode value={created.token} testId="new-token" />
            <Group>
              <Button size="xs" variant="subtle" onClick={() => setCreated(null)}>
                I have stored it
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {items.length > 0 && (
        <ResponsiveTable
          mt="md"
          minWidth={480}
          items={items}
          rowKey={(t) => t.id}
          columns={[
            { label: 'Name', cell: (t) => t.name },
            { label: 'Starts with', cell: (t) => <Code>{t.hint}…</Code> },
            { label: 'Created', cell: (t) => formatDate(t.createdAt.slice(0, 10)), nowrap: true },
            {
              label: 'Last used',
              cell: (t) => (t.lastUsedAt ? formatDate(t.lastUsedAt.slice(0, 10)) : 'never'),
              nowrap: true,
            },
            {
              label: '',
              cell: (t) =>
                t.revokedAt ? (
                  <Badge color="gray">Revoked</Badge>
                ) : (
                  <Button size="xs" color="red" variant="light" onClick={() => setRevoking(t)}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke this token?"
        size="sm"
      >
        <Text size="sm" mb="md">
          Anything using “{revoking?.name}” stops working at once.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRevoking(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() => revoking && revoke.mutate(revoking.id)}
          >
            Revoke
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

/** The secret address of your own calendar feed, and a way to make a new one. */
function CalendarCard({ path }: { path: string | null | undefined }) {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const rotate = useMutation({
    mutationFn: () => optional(() => request('POST', '/api/v1/auth/calendar-secret')),
    onSuccess: () => {
      setAsking(false);
      return qc.invalidateQueries({ queryKey: meKey });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  // A server without calendar feeds per person sends no calendarPath at all.
  if (path === undefined) return null;
  const url = path ? `${window.location.origin}${path}` : null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Calendar feed
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Interviews and follow-ups in your calendar app. Anyone with this address can read the feed, so keep it
        to yourself; make a new one if it got out.
      </Text>
      {url ? <CopyableCode value={url} /> : <Text size="sm">No feed address yet.</Text>}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" size="xs" onClick={() => setAsking(true)}>
          {url ? 'Make a new address' : 'Make an address'}
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Make a new feed address?" size="sm">
        <Text size="sm" mb="md">
          The old address stops working; calendars that use it need the new one.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>
            Cancel
          </Button>
          <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>
            Make a new address
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
