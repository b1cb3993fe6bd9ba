import { Alert, Anchor, Button, Card, FileButton, Stack, Table, Text, Title } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, useBoardApplications } from '../../api/hooks.ts';
import { readFileBase64 } from '../skills/http.ts';
import { importApi, type MailReport, workBusy } from './api.ts';
import { FileDrop } from './file-drop.tsx';
import { droppedMailFiles, mailFilesOf } from './mail-files.ts';
import { MailSyncCard } from './mail-sync-card.tsx';
import { Evidence, KindBadge, ReviewQueue } from './review-queue.tsx';

const STATUS_LABELS: Record<string, string> = {
  applied: 'Recorded',
  pending: 'Waiting for you',
  dismissed: 'Set aside',
  already_imported: 'Seen before',
};

/** E-mail import: .eml or mbox files in (several at once, or a folder), each message read and matched. */
export function EmailTab() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<{ text: string; fraction: number | null } | null>(null);
  const [reports, setReports] = useState<MailReport[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const apps = useBoardApplications();
  const nameOf = (id: string | null) => {
    const a = id ? apps.data?.items.find((x) => x.id === id) : undefined;
    return a ? `${a.company} · ${a.role}` : null;
  };

  async function importOne(file: File, prefix: string): Promise<MailReport> {
    setBusy({ text: `${prefix}Opening ${file.name}…`, fraction: 0 });
    const contentBase64 = await readFileBase64(file, (f) =>
      setBusy({ text: `${prefix}Opening ${file.name}…`, fraction: f }),
    );
    return importApi.mailImport(
      { filename: file.name, contentBase64 },
      (f) =>
        setBusy({
          text: f < 1 ? `${prefix}Sending ${file.name}…` : `${prefix}Reading the messages…`,
          fraction: f < 1 ? f : null,
        }),
      (work) => {
        const b = workBusy(work, file.name, 'messages', 'Recording messages');
        setBusy({ ...b, text: `${prefix}${b.text}` });
      },
    );
  }

  /** Imports the files one after another; one that cannot be read is named and the others go on. */
  async function chooseMany(chosen: File[]) {
    const files = mailFilesOf(chosen);
    setReports([]);
    setErrors(
      files.length === 0
        ? ['None of these is an .eml or .mbox file. Save messages as .eml, or export a folder as .mbox.']
        : [],
    );
    const done: MailReport[] = [];
    try {
      for (const [i, file] of files.entries()) {
        const prefix = files.length > 1 ? `File ${i + 1} of ${files.length}: ` : '';
        try {
          done.push(await importOne(file, prefix));
          setReports([...done]);
        } catch (err) {
          const message = err instanceof Error ? err.message : errorMessage(err);
          setErrors((e) => [...e, message.startsWith(file.name) ? message : `${file.name}: ${message}`]);
        }
      }
    } finally {
      setBusy(null);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['mail-review'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
      ]);
    }
  }

  const total = (key: 'messages' | 'applied' | 'pending' | 'dismissed' | 'alreadyImported') =>
    reports.reduce((sum, r) => sum + r[key], 0);
  const report = reports.length > 0 ? reports : null;

  return (
    <Stack gap="md">
      <MailSyncCard />
      <Card padding="lg">
        <Title order={4}>From mail files</Title>
        <Text size="sm" c="dimmed" mb="md">
          Save messages as .eml, or export a folder as .mbox. Choose several at once, or drop a whole folder.
          Rebound reads each one on this computer, records what it is sure of, and asks you about the rest.
          Links in the mail are never opened.
        </Text>
        <FileDrop
          accept=".eml,.mbox,message/rfc822"
          hint="Drop .eml or .mbox files, or a folder of them, here, or"
          label="Choose files"
          multiple
          busy={busy}
          onFile={(f) => void chooseMany([f])}
          onFiles={(files) => void chooseMany(files)}
          onDrop={(data) => void droppedMailFiles(data).then(chooseMany)}
          extra={
            <FileButton
              multiple
              onChange={(files) => void chooseMany(files)}
              inputProps={{ webkitdirectory: '' } as React.ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFolder size={16} />}>
                  Choose a folder
                </Button>
              )}
            </FileButton>
          }
        />
        {errors.map((e) => (
          <Alert key={e} color="red" variant="light" role="alert" mt="md">
            {e}
          </Alert>
        ))}
      </Card>
      {report && (
        <Card padding="lg" data-testid="mail-report">
          <Title order={5}>
            {total('messages')} {total('messages') === 1 ? 'message' : 'messages'} read from{' '}
            {report.length === 1 ? report[0]!.filename : `${report.length} files`}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {total('applied')} recorded · {total('pending')} waiting for you · {total('dismissed')} not about
            a job
            {total('alreadyImported') > 0 ? ` · ${total('alreadyImported')} seen before` : ''}
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
                {report
                  .flatMap((r) => r.items.map((m) => ({ ...m, filename: r.filename })))
                  .map((m) => (
                    <Table.Tr key={`${m.filename}-${m.index}`}>
                      <Table.Td>
                        <Text size="sm" className="clamp-1">
                          {m.subject || '(no subject)'}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.from}
                          {report.length > 1 ? ` · ${m.filename}` : ''}
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
          {report.flatMap((r) =>
            r.errors.map((e) => (
              <Text key={`${r.filename}-${e.index}`} size="xs" c="orange">
                {r.filename}, message {e.index} (line {e.line}): {e.message}
              </Text>
            )),
          )}
        </Card>
      )}
      <ReviewQueue />
    </Stack>
  );
}
