import { Alert, Button, Card, Checkbox, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconCalendar, IconDatabaseExport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { EXPORTS, importApi } from './api.ts';
import { FileDrop } from './file-drop.tsx';

const DOWNLOADS = [
  {
    href: EXPORTS.csv,
    label: 'Applications (.csv)',
    note: 'One row per application, for a spreadsheet.',
    icon: IconFileSpreadsheet,
  },
  {
    href: EXPORTS.backup,
    label: 'Full backup (.json)',
    note: 'Everything but your private writing, to restore here or elsewhere.',
    icon: IconDatabaseExport,
  },
  {
    href: EXPORTS.calendar,
    label: 'Calendar (.ics)',
    note: 'Interviews and dated steps for your calendar app.',
    icon: IconCalendar,
  },
  {
    href: EXPORTS.contacts,
    label: 'Contacts (.vcf)',
    note: 'Your contacts as vCards.',
    icon: IconAddressBook,
  },
];

/** Downloads of your data, and restoring a backup. */
export function ExportTab() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<{ text: string; fraction: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; data: unknown; message: string } | null>(null);
  const [includePrivate, setIncludePrivate] = useState(false);

  async function restore(name: string, data: unknown, replace: boolean) {
    setBusy({ text: `Restoring ${name}…`, fraction: null });
    setError(null);
    try {
      await importApi.restoreBackup(data, replace);
      setPending(null);
      await qc.invalidateQueries();
      notifications.show({ color: 'teal', title: 'Restored', message: `${name} is back in Rebound.` });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && !replace)
        setPending({ name, data, message: err.message });
      else setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function choose(file: File) {
    setError(null);
    let data: unknown;
    try {
      setBusy({ text: `Opening ${file.name}…`, fraction: null });
      data = JSON.parse(await file.text());
    } catch {
      setBusy(null);
      setError(`${file.name} is not a JSON file. Choose a backup Rebound made (rebound-backup.json).`);
      return;
    }
    await restore(file.name, data, false);
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card padding="lg">
          <Title order={4}>Take your data with you</Title>
          <Text size="sm" c="dimmed" mb="md">
            It is yours: download it any time.
          </Text>
          <Stack gap="sm">
            {DOWNLOADS.map((d) => (
              <Group key={d.href} justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={500}>
                    {d.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.note}
                  </Text>
                </div>
                <Button
                  component="a"
                  href={
                    d.href === EXPORTS.backup && includePrivate ? `${d.href}?includePrivate=true` : d.href
                  }
                  download
                  variant="light"
                  style={{ flexShrink: 0 }}
                  leftSection={<d.icon size={16} />}
                >
                  Download
                </Button>
              </Group>
            ))}
            <Checkbox
              label="Include my private writing after a no in the backup"
              description="Left out unless you tick this; whoever has the file can read it."
              checked={includePrivate}
              onChange={(e) => setIncludePrivate(e.currentTarget.checked)}
            />
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Card padding="lg">
          <Title order={4}>Restore a backup</Title>
          <Text size="sm" c="dimmed" mb="md">
            All or nothing: if anything in the file is wrong, nothing changes.
          </Text>
          <FileDrop
            accept=".json,application/json"
            hint="Drop rebound-backup.json here, or"
            busy={busy}
            onFile={choose}
          />
          {error && (
            <Alert color="red" variant="light" role="alert" mt="md">
              {error}
            </Alert>
          )}
        </Card>
      </Grid.Col>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Replace what is here?">
        <Text size="sm">{pending?.message}</Text>
        <Text size="sm" mt="xs">
          Replacing removes everything in Rebound now and puts the backup in its place. Download a backup
          first if you may want it back.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setPending(null)}>
            Keep what is here
          </Button>
          <Button
            color="red"
            loading={busy !== null}
            onClick={() => pending && restore(pending.name, pending.data, true)}
          >
            Replace with the backup
          </Button>
        </Group>
      </Modal>
    </Grid>
  );
}
