import { invitationCreateSchema } from '@core/accounts/input.ts';
import type { InvitationCreatedView } from '@core/accounts/schemas.ts';
import { ROLE_LABELS, ROLES, type Role } from '@core/accounts/scopes.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { CopyableCode } from '../../components/copyable-code.tsx';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { clearSent } from '../../lib/form-reset.ts';
import { schemaValidator, showErrors } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../account/session.tsx';
import {
  useAdminSettings,
  useCreateInvitation,
  useInvitations,
  useRevokeInvitation,
  useSetOpenSignup,
  useSetRole,
  useUsers,
} from './api.ts';

const INVITATION_LABELS = { email: 'The e-mail', role: 'The role' };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) });

/** `/admin`: who may join (invitations, open sign-up), the people here and their roles; cohorts. */
export default function AdminPage() {
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>Admin</Title>
        <Text c="dimmed">
          Who can join this server and as what. Cohort figures are on the{' '}
          <Anchor component={Link} to="/cohorts">
            Cohorts
          </Anchor>{' '}
          page.
        </Text>
      </div>
      <SignupCard />
      <InvitationsCard />
      <UsersCard />
    </Stack>
  );
}

function SignupCard() {
  const settings = useAdminSettings();
  const set = useSetOpenSignup();
  if (!settings.data) return null;
  return (
    <Card withBorder padding="lg">
      <Switch
        label="Anyone can sign up"
        description={
          settings.data.openSignupByEnvironment
            ? 'REBOUND_OPEN_SIGNUP=1 keeps sign-up open on this server, whatever this switch says.'
            : 'Off: people join by invitation only. On: anyone who reaches this server can make an account (as a job seeker).'
        }
        checked={settings.data.openSignup}
        onChange={(e) => set.mutate(e.currentTarget.checked, { onError: fail })}
      />
    </Card>
  );
}

function InvitationsCard() {
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const [created, setCreated] = useState<InvitationCreatedView | null>(null);
  const form = useForm<{ email: string; role: Role }>({
    mode: 'controlled',
    initialValues: { email: '', role: 'seeker' },
    validate: schemaValidator(invitationCreateSchema, INVITATION_LABELS),
  });
  if (invitations.data === null) {
    return (
      <Card withBorder padding="lg">
        <Title order={3} size="h4">
          Invitations
        </Title>
        <Text size="sm" c="dimmed">
          Invitations are not available on this server yet; use <Code>rebound admin invite</Code>.
        </Text>
      </Card>
    );
  }
  const items = invitations.data?.items ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="xs">
        Invitations
      </Title>
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(v, {
            onSuccess: (inv) => {
              setCreated(inv);
              // The next invitation is often for the same role: keep the one just used. An address
              // typed while this one was being sent stays.
              clearSent(form, v, ['role']);
            },
            onError: (e) => showErrors(form, e, INVITATION_LABELS),
          }),
        )}
        noValidate
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="E-mail"
            type="email"
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            w={160}
            {...form.getInputProps('role')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            Invite
          </Button>
        </Group>
      </form>
      {created && (
        <Alert color="teal" mt="md" title={`Invitation for ${created.email}`}>
          <Stack gap="xs">
            <Text size="sm">
              {created.emailed
                ? 'The link was e-mailed. You can also send it yourself:'
                : 'Send this link yourself (this server sends no e-mail). It is shown only now.'}
            </Text>
            <CopyableCode value={created.link} copyLabel="Copy link" />
          </Stack>
        </Alert>
      )}
      {items.length > 0 && (
        <ResponsiveTable
          mt="md"
          items={items}
          rowKey={(inv) => inv.id}
          columns={[
            { label: 'E-mail', cell: (inv) => inv.email },
            { label: 'Role', cell: (inv) => ROLE_LABELS[inv.role] },
            { label: 'Expires', cell: (inv) => formatDate(inv.expiresAt.slice(0, 10)), nowrap: true },
            {
              label: '',
              cell: (inv) =>
                inv.acceptedAt ? (
                  <Badge color="teal" variant="light">
                    Joined
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => revoke.mutate(inv.id, { onError: fail })}
                  >
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function UsersCard() {
  const users = useUsers();
  const setRole = useSetRole();
  const me = useSession();
  if (!users.data) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="xs">
        People on this server
      </Title>
      <ResponsiveTable
        items={users.data.items}
        rowKey={(u) => u.id}
        columns={[
          { label: 'Name', cell: (u) => u.name },
          { label: 'E-mail', cell: (u) => u.email },
          { label: 'Joined', cell: (u) => formatDate(u.createdAt.slice(0, 10)), nowrap: true },
          {
            label: 'Role',
            cell: (u) => (
              <Select
                aria-label={`Role of ${u.name}`}
                data={ROLE_OPTIONS}
                value={u.role}
                allowDeselect={false}
                disabled={u.id === me?.user?.id}
                onChange={(role) =>
                  role && setRole.mutate({ id: u.id, role: role as Role }, { onError: fail })
                }
                w={150}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
