import { settingsSchema } from '@core/applications/input.ts';
import type { SettingsView as Settings } from '@core/applications/schemas.ts';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client.ts';
import { errorMessage, useSettings } from '../../api/hooks.ts';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { useSession } from '../account/session.tsx';
import { OwnModelCard } from '../ai/own-model-card.tsx';
import { BrowserClipperCard } from '../clipper/browser-clipper-card.tsx';

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

// The server's schema checks the form first: the same limits on both sides.
const checkSettings = schemaValidator(settingsSchema, {
  userName: 'Your name',
  ghostAfterDays: '“No reply” after',
  noticeDays: 'The notice rule',
  timeZone: 'Time zone',
  helplineUrl: 'The helpline page',
});

/** `/settings`: how drafts are signed, when silence counts as "no reply", and whose "today" it is. */
export default function SettingsPage() {
  const { data, isLoading, error } = useSettings();
  const qc = useQueryClient();
  const hosted = useSession()?.mode === 'hosted';
  const [userName, setUserName] = useState('');
  const [ghostAfterDays, setGhostAfterDays] = useState<number | string>(21);
  const [noticeDays, setNoticeDays] = useState<number | string>('');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [fetchLocal, setFetchLocal] = useState(false);
  const [reminderEmails, setReminderEmails] = useState(false);
  const [helplineUrl, setHelplineUrl] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!data) return;
    setUserName(data.userName ?? '');
    setGhostAfterDays(data.ghostAfterDays);
    setNoticeDays(data.noticeDays ?? '');
    setTimeZone(data.timeZone);
    setFetchLocal(data.fetchLocalAddresses === true);
    setReminderEmails(data.reminderEmails === true);
    setHelplineUrl(data.helplineUrl ?? '');
  }, [data]);

  const zones = useMemo(
    () => (timeZone && !ZONES.includes(timeZone) ? [timeZone, ...ZONES] : ZONES),
    [timeZone],
  );

  const save = useMutation({
    mutationFn: (body: Partial<Settings>) => request<Settings>('PATCH', '/api/v1/settings', body),
    onSuccess: (saved) => {
      setFieldErrors({});
      qc.setQueryData(['settings'], saved);
      return qc
        .invalidateQueries()
        .then(() => notifications.show({ color: 'teal', message: 'Settings saved.' }));
    },
    onError: (err) => {
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    },
  });

  if (isLoading) return null;
  if (!data) {
    return (
      <Alert color="red" title="Settings could not load">
        {errorMessage(error)}
      </Alert>
    );
  }

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={2}>Settings</Title>
        <Text c="dimmed">
          {hosted
            ? 'These settings are for your own job search; nobody you share with sees them.'
            : 'Everything here stays on this computer, like the rest of your data.'}
        </Text>
      </div>
      <Card padding="lg" withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const body = {
              userName: userName.trim() === '' ? null : userName.trim(),
              ghostAfterDays: Number(ghostAfterDays),
              noticeDays: noticeDays === '' ? null : Number(noticeDays),
              ...(timeZone ? { timeZone } : {}),
              fetchLocalAddresses: fetchLocal,
              ...(hosted ? { reminderEmails } : {}),
              helplineUrl: helplineUrl.trim() === '' ? null : helplineUrl.trim(),
            };
            if (passesCheck(checkSettings, body, setFieldErrors)) save.mutate(body);
          }}
        >
          <Stack gap="md">
            <TextInput
              label="Your name"
              description="Used to sign the feedback requests and notes Rebound drafts for you."
              value={userName}
              onChange={(e) => setUserName(e.currentTarget.value)}
              error={fieldErrors.userName}
              maxLength={200}
            />
            <NumberInput
              label="Call it “no reply” after"
              description="Days without a word from the employer before an application is flagged as likely ghosted. You always confirm it."
              suffix=" days"
              min={3}
              max={365}
              clampBehavior="none"
              value={ghostAfterDays}
              onChange={setGhostAfterDays}
              error={fieldErrors.ghostAfterDays}
            />
            <NumberInput
              label="Notice rule after an interview"
              description="If your region expects employers to answer within some days of an interview, say how many; applications past it are flagged. Leave empty for none."
              suffix=" days"
              min={1}
              max={120}
              clampBehavior="none"
              allowDecimal={false}
              value={noticeDays}
              onChange={setNoticeDays}
              error={fieldErrors.noticeDays}
            />
            <Select
              label="Time zone"
              description="Days (today, due dates, the weekly review) are counted in this zone."
              data={zones}
              value={timeZone}
              onChange={setTimeZone}
              searchable
              error={fieldErrors.timeZone}
            />
            <TextInput
              label="Helpline page"
              description="A page you trust for support when things feel heavy (a local helpline, your doctor's service). It is linked from the card of thoughts after a rejection."
              placeholder="https://"
              value={helplineUrl}
              onChange={(e) => setHelplineUrl(e.currentTarget.value)}
              error={fieldErrors.helplineUrl}
              maxLength={2000}
            />
            {hosted && (
              <Switch
                label="A morning e-mail when something is due"
                description="Around 8:00 in your time zone, only on days with something overdue or due, and never during a pause you took after a rejection. Off unless you turn it on."
                checked={reminderEmails}
                onChange={(e) => setReminderEmails(e.currentTarget.checked)}
              />
            )}
            {/* A hosted server never reads private addresses, whatever this says. */}
            {!hosted && (
              <Switch
                label="Read job pages from this computer or its network"
                description="When this is off, Rebound reads job-page links only from the public web. Turn it on if you keep job pages at an address like localhost or 192.168.x.x."
                checked={fetchLocal}
                onChange={(e) => setFetchLocal(e.currentTarget.checked)}
              />
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <BrowserClipperCard settings={data} />
      <OwnModelCard hosted={hosted} />
    </Stack>
  );
}
