import { Alert, Badge, Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, useBoardApplications } from '../../api/hooks.ts';
import { MAIL_KIND_COLORS, MAIL_KIND_LABELS, type QueuedMail, useMailAction, useMailReview } from './api.ts';
import { useMailBatch } from './mail-sync-api.ts';

export function KindBadge({ kind, confidence }: { kind: string; confidence: number }) {
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

/** Why Rebound matched the message to an application (the signals it used), or to none. */
function MatchReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="match-reasons">
      Matched because: {reasons.join('; ')}
    </Text>
  );
}

export function Evidence({ phrases }: { phrases: string[] }) {
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

/** The review queue: one by one, or several at once (record each on its match, or set them aside). */
export function ReviewQueue() {
  const queue = useMailReview();
  const batch = useMailBatch();
  const items = queue.data?.items ?? [];
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const chosen = items.filter((m) => picked.has(m.id));
  const all = items.length > 0 && chosen.length === items.length;
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const run = (action: 'apply' | 'dismiss') =>
    batch.mutate(
      { ids: chosen.map((m) => m.id), action },
      {
        onSuccess: (r) => {
          setPicked(new Set(r.failed.map((f) => f.id)));
          const done = r.done.length;
          const verb = action === 'apply' ? 'Recorded' : 'Set aside';
          notifications.show({
            color: r.failed.length ? 'orange' : 'teal',
            message:
              `${verb} ${done} ${done === 1 ? 'message' : 'messages'}.` +
              (r.failed.length
                ? ` ${r.failed.length} could not be: ${r.failed[0]!.message}${r.failed.length > 1 ? ' (and others; they stay selected)' : ''}`
                : ''),
          });
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  return (
    <Card padding="lg">
      <Title order={4}>Waiting for you</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Messages Rebound was not sure about. Choose the application and what the message means, or set it
        aside. Select several to record each on the application it was matched to, or to set them aside.
      </Text>
      {queue.error && <Alert color="red">{errorMessage(queue.error)}</Alert>}
      {queue.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing waiting.
        </Text>
      )}
      {items.length > 0 && (
        <Group gap="sm" mb="sm" wrap="wrap" data-testid="batch-bar">
          <Checkbox
            label={chosen.length ? `${chosen.length} selected` : 'Select all'}
            checked={all}
            indeterminate={chosen.length > 0 && !all}
            onChange={(e) => setPicked(e.currentTarget.checked ? new Set(items.map((m) => m.id)) : new Set())}
          />
          <Button
            size="xs"
            disabled={chosen.length === 0}
            loading={batch.isPending}
            onClick={() => run('apply')}
          >
            Record selected
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={chosen.length === 0}
            loading={batch.isPending}
            onClick={() => run('dismiss')}
          >
            Set selected aside
          </Button>
        </Group>
      )}
      <Stack gap="sm">
        {items.map((m) => (
          <QueuedItem key={m.id} mail={m} selected={picked.has(m.id)} onSelect={(on) => toggle(m.id, on)} />
        ))}
      </Stack>
    </Card>
  );
}

function QueuedItem({
  mail,
  selected,
  onSelect,
}: {
  mail: QueuedMail;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
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
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={2}
          aria-label={`Select “${mail.subject || '(no subject)'}”`}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
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
