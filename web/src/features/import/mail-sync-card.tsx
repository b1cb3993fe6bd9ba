import { mailAccountInputSchema } from '@core/mail-sync/input.ts';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import type { Busy, ImportWork } from './api.ts';
import {
  type MailAccountBody,
  type MailAccountStatus,
  type MailSyncReport,
  mailSyncApi,
  useMailAccount,
  useMailRefresh,
} from './mail-sync-api.ts';

type Account = NonNullable<MailAccountStatus['account']>;

const LABELS = {
  host: 'Server',
  port: 'Port',
  security: 'Connection',
  username: 'User name',
  auth: 'Sign-in',
  secret: 'Password',
  folders: 'Folders',
  scheduleMinutes: 'Schedule',
};
const validate = schemaValidator(mailAccountInputSchema, LABELS);

const SCHEDULES = [
  { value: 'off', label: 'Only when I press Sync now' },
  { value: '15', label: 'Every 15 minutes' },
  { value: '30', label: 'Every 30 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '240', label: 'Every 4 hours' },
];

/** What the progress bar says while the server syncs: fetching, then recording, per folder. */
function syncBusy(work: ImportWork): Busy {
  if (!work.total) return { text: 'Looking for new mail…', fraction: null };
  const of = `${work.done.toLocaleString()} of ${work.total.toLocaleString()}`;
  return work.phase === 'writing'
    ? { text: `Recording new messages: ${of}…`, fraction: work.done / work.total }
    : { text: `Fetching new messages: ${of}…`, fraction: work.done / work.total };
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Mail sync: the IMAP account, Sync now with progress, and how the last sync went. */
export function MailSyncCard() {
  const status = useMailAccount();
  const [editing, setEditing] = useState(false);
  const account = status.data?.account ?? null;
  return (
    <Card padding="lg" data-testid="mail-sync">
      <Title order={4}>Sync a mailbox</Title>
      <Text size="sm" c="dimmed" mb="md">
        Rebound reads new mail from your mail account (IMAP) and handles it like an imported file. Use an app
        password if your provider offers one; it is stored encrypted with a key that stays in your data
        folder.
      </Text>
      {status.error && <Alert color="red">{errorMessage(status.error)}</Alert>}
      {status.isSuccess &&
        (account && !editing ? (
          <AccountStatus account={account} running={status.data.running} onEdit={() => setEditing(true)} />
        ) : (
          <AccountForm
            account={account}
            onDone={() => setEditing(false)}
            onCancel={account ? () => setEditing(false) : undefined}
          />
        ))}
    </Card>
  );
}

function AccountForm({
  account,
  onDone,
  onCancel,
}: {
  account: Account | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const refresh = useMailRefresh();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      host: account?.host ?? '',
      port: (account?.port ?? '') as number | '',
      security: account?.security ?? 'tls',
      username: account?.username ?? '',
      auth: account?.auth ?? 'password',
      secret: '',
      folders: account?.folders ?? ['INBOX'],
      schedule: account?.scheduleMinutes ? String(account.scheduleMinutes) : 'off',
    },
  });
  const body = (): MailAccountBody => {
    const v = form.getValues();
    return {
      host: v.host.trim(),
      ...(v.port === '' ? {} : { port: Number(v.port) }),
      security: v.security as 'tls' | 'plain',
      username: v.username.trim(),
      auth: v.auth as 'password' | 'oauth2',
      ...(v.secret === '' && account ? {} : { secret: v.secret }),
      folders: v.folders,
      scheduleMinutes: v.schedule === 'off' ? null : Number(v.schedule),
    };
  };
  async function save() {
    setError(null);
    const errors = validate(body());
    const plain = mailAccountInputSchema.safeParse(body());
    const securityIssue = plain.success
      ? undefined
      : plain.error.issues.find((i) => i.path[0] === 'security');
    if (securityIssue)
      errors.security = `${securityIssue.message[0]?.toUpperCase()}${securityIssue.message.slice(1)}.`;
    if (errors.secret) errors.secret = 'Please add the password (or the access token).';
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      const saved = await mailSyncApi.save(body());
      await refresh();
      notifications.show({
        color: 'teal',
        message: `Signed in. Folders on the server: ${saved.serverFolders?.join(', ') ?? '—'}`,
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_input') form.setErrors(err.fieldErrors());
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }
  const oauth = form.getValues().auth === 'oauth2';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm" maw={640}>
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <TextInput
            label="Server"
            placeholder="imap.example.com"
            style={{ flex: 1 }}
            {...form.getInputProps('host')}
          />
          <NumberInput label="Port" placeholder="993" w={96} hideControls {...form.getInputProps('port')} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Connection
          </Text>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'tls', label: 'Encrypted' },
              { value: 'plain', label: 'Plain (this computer)' },
            ]}
            {...form.getInputProps('security')}
          />
          {form.errors.security && (
            <Text size="xs" c="red">
              {form.errors.security}
            </Text>
          )}
        </Stack>
        <TextInput label="User name" placeholder="you@example.com" {...form.getInputProps('username')} />
        <Select
          label="Sign-in"
          allowDeselect={false}
          data={[
            { value: 'password', label: 'Password or app password' },
            { value: 'oauth2', label: 'OAuth2 access token' },
          ]}
          {...form.getInputProps('auth')}
        />
        <PasswordInput
          label={oauth ? 'Access token' : 'Password'}
          description={account?.hasSecret ? 'Leave empty to keep the saved one' : undefined}
          autoComplete="off"
          {...form.getInputProps('secret')}
        />
        <TagsInput
          label="Folders"
          description="Press Enter after each folder name"
          {...form.getInputProps('folders')}
        />
        <Select
          label="Sync by itself"
          allowDeselect={false}
          data={SCHEDULES}
          {...form.getInputProps('schedule')}
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={saving}>
            Sign in and save
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function AccountStatus({
  account,
  running,
  onEdit,
}: {
  account: Account;
  running: boolean;
  onEdit: () => void;
}) {
  const refresh = useMailRefresh();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [report, setReport] = useState<MailSyncReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function syncNow() {
    setError(null);
    setReport(null);
    setBusy({ text: 'Connecting…', fraction: null });
    try {
      setReport(await mailSyncApi.sync((work) => setBusy(syncBusy(work))));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
      await refresh();
    }
  }
  async function forget() {
    await mailSyncApi.forget();
    await refresh();
  }
  const last = account.lastSync;
  const schedule = SCHEDULES.find((s) => s.value === String(account.scheduleMinutes ?? 'off'));
  return (
    <Stack gap="sm">
      <div>
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {account.username} on {account.host}
        </Text>
        <Text size="sm" c="dimmed">
          Folders: {account.folders.join(', ')} ·{' '}
          {account.scheduleMinutes
            ? (schedule?.label ?? `Every ${account.scheduleMinutes} minutes`)
            : 'Syncs when you ask'}
        </Text>
      </div>
      <LastSync last={last} />
      {busy ? (
        <Stack gap={6}>
          <Text size="sm">{busy.text}</Text>
          <Progress
            value={busy.fraction === null ? 100 : busy.fraction * 100}
            animated={busy.fraction === null}
            aria-label="Progress"
          />
        </Stack>
      ) : (
        <Group gap="xs">
          <Button leftSection={<IconRefresh size={16} />} onClick={syncNow} disabled={running}>
            {running ? 'Syncing…' : 'Sync now'}
          </Button>
          <Button variant="default" onClick={onEdit}>
            Change
          </Button>
          <Button variant="subtle" color="gray" onClick={forget}>
            Forget this account
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Alert color={report.nothingNew ? 'gray' : 'teal'} variant="light" data-testid="sync-report">
          {report.nothingNew
            ? 'Nothing new since the last sync.'
            : `${report.counts.fetched} new: ${report.counts.applied} recorded, ${report.counts.pending} waiting for you, ${report.counts.dismissed} not about a job${report.counts.alreadyImported ? `, ${report.counts.alreadyImported} seen before` : ''}.`}
          {report.folders
            .filter((f) => f.restarted)
            .map((f) => (
              <Text key={f.folder} size="xs" mt={4}>
                The server renumbered {f.folder}, so it was read again; mail seen before was left as it was.
              </Text>
            ))}
          {report.errors.slice(0, 5).map((e) => (
            <Text key={`${e.folder}-${e.message}`} size="xs" mt={4} c="orange.9">
              {e.folder}: {e.message}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}

function LastSync({ last }: { last: Account['lastSync'] }) {
  if (!last)
    return (
      <Text size="sm" c="dimmed">
        Not synced yet.
      </Text>
    );
  if (last.status === 'failed')
    return (
      <Alert color="orange" variant="light" title={`The last sync did not finish (${when(last.at)})`}>
        {last.error}
      </Alert>
    );
  const c = last.counts;
  return (
    <Text size="sm" data-testid="last-sync">
      Last sync {when(last.at)}
      {c
        ? c.fetched === 0
          ? ' · nothing new'
          : ` · ${c.fetched} new, ${c.applied} recorded, ${c.pending} waiting for you`
        : ''}
    </Text>
  );
}
