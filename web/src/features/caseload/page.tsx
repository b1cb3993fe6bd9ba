import { invitationCreateSchema } from '@core/accounts/input.ts';
import { SHARE_SCOPE_LABELS } from '@core/accounts/scopes.ts';
import type { AttentionKind } from '@core/sharing/attention.ts';
import type { CaseloadEntry } from '@core/sharing/schemas.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { clearSent } from '../../lib/form-reset.ts';
import { schemaValidator, showErrors } from '../../lib/form-schema.ts';
import { daysAgo, formatDate } from '../../lib/format.ts';
import { useSession } from '../account/session.tsx';
import { useCreateInvitation, useInvitations } from '../admin/api.ts';
import { useCaseload } from './api.ts';

const INVITATION_LABELS = { email: 'The e-mail' };

/** `/caseload`: the seekers who share with me, those who need attention first, and why. */
export default function CaseloadPage() {
  const caseload = useCaseload();
  const role = useSession()?.user?.role;
  const entries = caseload.data?.entries ?? [];
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={2}>Caseload</Title>
        <Text c="dimmed">
          The people who share their job search with you, those who may need a word first. You see only what
          each one chose to share, read only.
        </Text>
      </div>
      {caseload.error && <Alert color="red">{errorMessage(caseload.error)}</Alert>}
      {caseload.data && entries.length === 0 && (
        <Card withBorder padding="lg">
          <Text size="sm">
            Nobody shares their job search with you yet. When someone does (from their Sharing page, with your
            e-mail address), they appear here.
          </Text>
        </Card>
      )}
      <Stack gap="sm" data-testid="caseload">
        {entries.map((entry) => (
          <CaseloadCard key={entry.shareId} entry={entry} signals={caseload.data?.signals ?? false} />
        ))}
      </Stack>
      {(role === 'coach' || role === 'admin') && <InviteSeeker />}
    </Stack>
  );
}

/** The short name of each "needs attention" signal; the server's sentence says why. */
const ATTENTION_LABELS: Record<AttentionKind, string> = {
  quiet: 'Quiet',
  overdue_followups: 'Follow-ups overdue',
  rejection_run: 'Several no’s this week',
  plan_missed: 'Weekly plan missed',
  stalled: 'Stalled',
};

/** A coach invites someone to keep their job search here (as a seeker); sharing stays their choice. */
function InviteSeeker() {
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'seeker' as const },
    validate: schemaValidator(invitationCreateSchema, INVITATION_LABELS),
  });
  if (invitations.data === null) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Invite someone you coach
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        They get their own account and job search. What they share with you is up to them.
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(v, {
            onSuccess: (inv) => {
              clearSent(form, v);
              setLink(inv.emailed ? null : { email: inv.email, link: inv.link });
              notifications.show({
                color: 'teal',
                message: inv.emailed
                  ? `Invitation e-mailed to ${inv.email}.`
                  : `Invitation for ${inv.email} made.`,
              });
            },
            onError: (e) => showErrors(form, e, INVITATION_LABELS),
          }),
        )}
        noValidate
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Their e-mail"
            type="email"
            style={{ flex: 1, minWidth: 220 }}
            {...form.getInputProps('email')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            Invite
          </Button>
        </Group>
      </form>
      {link && (
        <Text size="sm" mt="sm">
          Send this link to {link.email} yourself (it is shown only now):
        </Text>
      )}
      {link && (
        <Group gap="xs" wrap="nowrap" mt={4}>
          <Code style={{ wordBreak: 'break-all' }}>{link.link}</Code>
          <CopyButton value={link.link}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
    </Card>
  );
}

function CaseloadCard({ entry, signals }: { entry: CaseloadEntry; signals: boolean }) {
  const needsAttention = entry.attention.length > 0;
  return (
    <UnstyledButton
      component={Link}
      to={`/caseload/${encodeURIComponent(entry.workspaceId)}`}
      aria-label={`Open ${entry.name}'s shared job search`}
    >
      <Card
        withBorder
        padding="md"
        style={needsAttention ? { borderLeft: '4px solid var(--mantine-color-orange-5)' } : undefined}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{entry.name}</Text>
              <Text size="sm" c="dimmed">
                {entry.email}
              </Text>
            </Group>
            {needsAttention && (
              <Stack gap={4}>
                {entry.attention.map((a) => (
                  <Group key={a.kind} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                      {ATTENTION_LABELS[a.kind] ?? a.kind}
                    </Badge>
                    <Text size="sm">{a.reason}</Text>
                  </Group>
                ))}
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {[
                entry.lastActivityAt
                  ? `Last activity ${daysAgo(entry.lastActivityAt.slice(0, 10))}`
                  : signals
                    ? 'No activity yet'
                    : null,
                entry.endsOn ? `Shared until ${formatDate(entry.endsOn)}` : 'Shared until they end it',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap={4}>
              {entry.scopes.map((scope) => (
                <Tooltip key={scope} label="Shared with you">
                  <Badge variant="outline" color="gray" size="sm">
                    {SHARE_SCOPE_LABELS[scope]}
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          </Stack>
          <IconChevronRight size={18} style={{ flexShrink: 0 }} />
        </Group>
      </Card>
    </UnstyledButton>
  );
}
