import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, useBoardApplications } from '../../api/hooks.ts';
import { readFileBase64 } from '../skills/http.ts';
import {
  importApi,
  MAIL_KIND_COLORS,
  MAIL_KIND_LABELS,
  type MailReport,
  type QueuedMail,
  useMailAction,
  useMailReview,
  workBusy,
} from './api.ts';
import { FileDrop } from './file-drop.tsx';

const STATUS_LABELS: Record<string, string> = {
  applied: 'Recorded',
  pending: 'Waiting for you',
  dismissed: 'Set aside',
  already_imported: 'Seen before',
};

/** E-mail import: .eml or mbox in, each message read and matched; unsure ones wait for review. */
export function EmailTab() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<{ text: string; fraction: number | null } | null>(null);
  const [report, setReport] = useState<MailReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apps = useBoardApplications();
  const nameOf = (id: string | null) => {
    const a = id ? apps.data?.items.find((x) => x.id === id) : undefined;
    return a ? `${a.company} · ${a.role}` : null;
  };

  async function choose(file: File) {
    setError(null);
    setReport(null);
    try {
      setBusy({ text: `Opening ${file.name}…`, fraction: 0 });
      const contentBase64 = await readFileBase64(file, (f) =>
        setBusy({ text: `Opening ${file.name}…`, fraction: f }),
      );
      const result = await importApi.mailImport(
        { filename: file.name, contentBase64 },
        (f) =>
          setBusy({
            text: f < 1 ? `Sending ${file.name}…` : 'Reading the messages…',
            fraction: f < 1 ? f : null,
          }),
        (work) => setBusy(workBusy(work, file.name, 'messages', 'Recording messages')),
      );
      setReport(result);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['mail-review'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
      ]);
    } catch (err) {
      setError(err instanceof Error ? err.message : errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="md">
      <Card padding="lg">
        <Title order={4}>From your e-mail</Title>
        <Text size="sm" c="dimmed" mb="md">
          Save a message as .eml, or export a folder as .mbox. Rebound reads each one on this computer,
          records what it is sure of, and asks you about the rest. Links in the mail are never opened.
        </Text>
        <FileDrop
          accept=".eml,.mbox,message/rfc822"
          hint="Drop an .eml or .mbox file here, or"
          busy={busy}
          onFile={choose}
        />
        {error && (
          <Alert color="red" variant="light" role="alert" mt="md">
            {error}
          </Alert>
        )}
      </Card>
      {report && (
        <Card padding="lg" data-testid="mail-report">
          <Title order={5}>
            {report.messages} {report.messages === 1 ? 'message' : 'messages'} read from {report.filename}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {report.applied} recorded · {report.pending} waiting for you · {report.dismissed} not about a job
            {report.alreadyImported > 0 ? ` · ${report.alreadyImported} seen before` : ''}
          </Text>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Reads as</Table.Th>
                  <Table.Th>Because it says</Table.Th>
                  <Table.Th>Application</Table.Th>
                  <Table.Th>What happened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.items.map((m) => (
                  <Table.Tr key={`${m.index}-${m.subject}`}>
                    <Table.Td>
                      <Text size="sm" className="clamp-1">
                        {m.subject || '(no subject)'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.from}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={m.kind} confidence={m.confidence} />
                    </Table.Td>
                    <Table.Td>
                      <Evidence phrases={m.evidence} />
                    </Table.Td>
                    <Table.Td>
                      {m.applicationId ? (
                        <Anchor component={Link} to={`/applications/${m.applicationId}`} size="sm">
                          {nameOf(m.applicationId) ?? 'Open'}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{STATUS_LABELS[m.status] ?? m.status}</Text>
                      {m.action && (
                        <Text size="xs" c="dimmed">
                          {m.action}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errors.map((e) => (
            <Text key={e.index} size="xs" c="orange">
              Message {e.index} (line {e.line}): {e.message}
            </Text>
          ))}
        </Card>
      )}
      <ReviewQueue />
    </Stack>
  );
}

function KindBadge({ kind, confidence }: { kind: string; confidence: number }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={MAIL_KIND_COLORS[kind] ?? 'gray'}>
        {MAIL_KIND_LABELS[kind] ?? kind}
      </Badge>
      <Text size="xs" c="dimmed" title={`${Math.round(confidence * 100)}%`}>
        {confidence >= 0.85 ? 'sure' : confidence >= 0.6 ? 'fairly sure' : 'not sure'}
      </Text>
    </Group>
  );
}

function Evidence({ phrases }: { phrases: string[] }) {
  if (phrases.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="xs" c="dimmed">
      {phrases
        .slice(0, 3)
        .map((p) => `“${p}”`)
        .join(', ')}
    </Text>
  );
}

/** Why Rebound matched the message to an application (the signals it used), or to none. */
function MatchReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="match-reasons">
      Matched because: {reasons.join('; ')}
    </Text>
  );
}

function ReviewQueue() {
  const queue = useMailReview();
  const items = queue.data?.items ?? [];
  return (
    <Card padding="lg">
      <Title order={4}>Waiting for you</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Messages Rebound was not sure about. Choose the application and what the message means, or set it
        aside.
      </Text>
      {queue.error && <Alert color="red">{errorMessage(queue.error)}</Alert>}
      {queue.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing waiting.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((m) => (
          <QueuedItem key={m.id} mail={m} />
        ))}
      </Stack>
    </Card>
  );
}

function QueuedItem({ mail }: { mail: QueuedMail }) {
  const apps = useBoardApplications();
  const action = useMailAction();
  const [applicationId, setApplicationId] = useState<string | null>(mail.applicationId);
  const [kind, setKind] = useState<string>(mail.kind === 'other' ? 'rejection' : mail.kind);
  const options = (apps.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.company} · ${a.role}` }));

  const run = (what: 'apply' | 'dismiss') =>
    action.mutate(
      {
        id: mail.id,
        action: what,
        input: what === 'apply' ? { applicationId: applicationId ?? undefined, kind } : undefined,
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: what === 'apply' ? 'Recorded.' : 'Set aside.' }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );

  return (
    <Card withBorder padding="sm" data-testid="queued-mail">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500}>
            {mail.subject || '(no subject)'}
          </Text>
          <Text size="xs" c="dimmed">
            {mail.fromName ?? mail.from}
            {mail.action ? ` · ${mail.action}` : ''}
          </Text>
          <Group gap="xs" mt={4}>
            <KindBadge kind={mail.kind} confidence={mail.confidence} />
            <Evidence phrases={mail.evidence} />
          </Group>
          <MatchReasons reasons={mail.matchReasons} />
        </div>
      </Group>
      <Group gap="xs" mt="sm" align="flex-end" wrap="wrap">
        <Select
          size="xs"
          label="Application"
          searchable
          placeholder="Choose one"
          w={260}
          data={options}
          value={applicationId}
          onChange={setApplicationId}
        />
        <Select
          size="xs"
          label="It is"
          w={160}
          allowDeselect={false}
          data={Object.entries(MAIL_KIND_LABELS)
            .filter(([k]) => k !== 'other')
            .map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
        />
        <Button size="xs" disabled={!applicationId} loading={action.isPending} onClick={() => run('apply')}>
          Record it
        </Button>
        <Button size="xs" variant="default" loading={action.isPending} onClick={() => run('dismiss')}>
          Set aside
        </Button>
      </Group>
    </Card>
  );
}
