import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { workBusy } from '../import/api.ts';
import { FileDrop } from '../import/file-drop.tsx';
import { readFileBase64 } from '../skills/http.ts';
import { type ConnectionsImportReport, importConnections, useRefreshReferrals } from './api.ts';

interface Refusal {
  message: string;
  lines: { path: string; message: string }[];
  file: { filename: string; contentBase64: string };
}

/**
 * Connections in: LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data →
 * Connections) or another contacts CSV. People become contacts marked "connection", merged with
 * the ones already kept, and show up on the applications at their companies.
 */
export function ConnectionsTab() {
  const refresh = useRefreshReferrals();
  const [busy, setBusy] = useState<{ text: string; fraction: number | null } | null>(null);
  const [report, setReport] = useState<ConnectionsImportReport | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(file: { filename: string; contentBase64: string }, skipInvalid: boolean) {
    const result = await importConnections(
      { ...file, skipInvalid },
      (f) =>
        setBusy({
          text: f < 1 ? `Sending ${file.filename}…` : 'Reading the people…',
          fraction: f < 1 ? f : null,
        }),
      (work) => setBusy(workBusy(work, file.filename, 'people', 'Saving contacts')),
    );
    setReport(result);
    setRefusal(null);
    await refresh();
  }

  /** The same file again, importing the readable lines and skipping the rest. */
  async function skipBadLines(file: Refusal['file']) {
    setError(null);
    try {
      await send(file, true);
    } catch (err) {
      setError(err instanceof Error ? err.message : errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function choose(f: File) {
    setReport(null);
    setRefusal(null);
    setError(null);
    setBusy({ text: `Opening ${f.name}…`, fraction: 0 });
    let file: Refusal['file'] | undefined;
    try {
      const contentBase64 = await readFileBase64(f, (x) =>
        setBusy({ text: `Opening ${f.name}…`, fraction: x }),
      );
      file = { filename: f.name, contentBase64 };
      await send(file, false);
    } catch (err) {
      if (err instanceof ApiError && file && err.details.some((d) => d.path.startsWith('line ')))
        setRefusal({ message: err.message, lines: err.details, file });
      else setError(err instanceof Error ? err.message : errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="md">
      <Card padding="lg">
        <Title order={4}>Your connections</Title>
        <Text size="sm" c="dimmed" mb="md">
          Bring in the people you know, and Rebound shows them on the applications at their companies, with a
          referral ask ready to send. On LinkedIn: Settings → Data privacy → Get a copy of your data →
          Connections; any contacts CSV with names and companies works too. People you already have are
          matched by email, LinkedIn address, or name and company, never added twice.
        </Text>
        <FileDrop
          accept=".csv,.txt,text/csv"
          hint="Drop Connections.csv or another contacts CSV here, or"
          busy={busy}
          onFile={(f) => void choose(f)}
        />
        {error && (
          <Alert color="red" variant="light" role="alert" mt="md">
            {error}
          </Alert>
        )}
        {refusal && (
          <Alert color="orange" variant="light" role="alert" mt="md" title="Nothing was imported yet">
            <Text size="sm">Some lines could not be read:</Text>
            <List size="sm" mt={4} mb="sm">
              {refusal.lines.slice(0, 10).map((l) => (
                <List.Item key={l.path}>
                  {l.path}: {l.message}
                </List.Item>
              ))}
            </List>
            {refusal.lines.length > 10 && (
              <Text size="xs" c="dimmed" mb="sm">
                and {refusal.lines.length - 10} more.
              </Text>
            )}
            <Button size="xs" onClick={() => void skipBadLines(refusal.file)}>
              Import the readable lines, skip these
            </Button>
          </Alert>
        )}
      </Card>
      {report && (
        <Card padding="lg" data-testid="connections-report">
          <Title order={4}>
            {report.created} {report.created === 1 ? 'connection' : 'connections'} added from{' '}
            {report.filename}
          </Title>
          <Stack gap={4} mt="sm">
            {report.merged > 0 && (
              <Text size="sm" c="dimmed">
                {report.merged} you already had, now marked as connections.
              </Text>
            )}
            {report.repeatedInFile.length > 0 && (
              <Text size="sm" c="dimmed">
                {report.repeatedInFile.length} lines repeated someone earlier in the file.
              </Text>
            )}
            {report.skipped.length > 0 && (
              <Text size="sm" c="dimmed">
                {report.skipped.length} lines skipped as you asked.
              </Text>
            )}
            <Text size="sm">
              {report.applicationsWithPeople === 0
                ? 'You know no one yet at the companies of your saved or open applications.'
                : `You know someone at ${report.applicationsWithPeople} of your saved or open ${report.applicationsWithPeople === 1 ? 'application' : 'applications'}.`}
            </Text>
          </Stack>
          <Group mt="md">
            <Button component={Link} to="/" leftSection={<IconLayoutKanban size={16} />}>
              Open the board
            </Button>
            <Anchor component={Link} to="/contacts" size="sm">
              See your contacts
            </Anchor>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
