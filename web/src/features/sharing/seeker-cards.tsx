import { SHARE_SCOPE_LABELS } from '@core/accounts/scopes.ts';
import { proposalAcceptSchema } from '@core/sharing/input.ts';
import type { ProposalView } from '@core/sharing/schemas.ts';
import { type Visit, visitsOf } from '@core/sharing/view-visits.ts';
import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import {
  useAnswerCohortInvitation,
  useAnswerProposal,
  useCoachNotesForMe,
  useCohortInvitations,
  useProposals,
  useShareViews,
} from './api.ts';

/** "GET /api/v1/applications/abc/events" → "an application's history": the log in words. */
const WHAT: [RegExp, string][] = [
  [/^applications$/, 'the list of applications'],
  [/^applications\/[^/]+$/, 'one application'],
  [/^applications\/[^/]+\/events$/, "an application's history"],
  [/^applications\/[^/]+\/people$/, 'the people on an application'],
  [/^applications\/[^/]+\/(post-mortem|rejection)$/, 'a look back after a no'],
  [/^(insights|review|channels.*)$/, 'insights'],
  [/^(goals|wins|time-logs)$/, 'goals and wins'],
  [/^contacts(\/[^/]+)?$/, 'contacts'],
  [/^(rejections|action-items|feedback-requests).*$/, 'notes after a no'],
];
function whatInWords(what: string): string {
  const path = what.replace(/^[A-Z]+ \/api\/v1\//, '').split('?')[0] ?? '';
  return WHAT.find(([pattern]) => pattern.test(path))?.[1] ?? what;
}

const when = (iso: string) => `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)}`;

/** "27 Nov 2026, 10:00", or "27 Nov 2026, 10:00–10:04" for a visit of several minutes. */
function visitTime(v: Visit): string {
  const start = when(v.from);
  if (v.to.slice(0, 16) === v.from.slice(0, 16)) return start;
  return v.to.slice(0, 10) === v.from.slice(0, 10)
    ? `${start}–${v.to.slice(11, 16)}`
    : `${start} – ${when(v.to)}`;
}

/** What a visit looked at, in words, each once: "the list of applications, one application". */
function visitWhat(v: Visit): string {
  return [...new Set(v.whats.map(whatInWords))].join(', ');
}
const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) });

/**
 * What each coach read, and when: the seeker's own log (newest first), one line per visit (the
 * reads one coach made within minutes of each other), since opening a job search makes several.
 */
export function ViewLogCard() {
  const views = useShareViews();
  const [all, setAll] = useState(false);
  const items = useMemo(() => visitsOf(views.data?.items ?? []), [views.data]);
  if (!views.data) return null;
  const shown = all ? items : items.slice(0, 30);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        What coaches looked at
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every time a coach opens something you share, it is written here, one line per visit.
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No coach has looked at anything yet.
        </Text>
      ) : (
        <ResponsiveTable
          testId="view-log"
          items={shown}
          rowKey={(v) => v.id}
          columns={[
            { label: 'When', cell: (v) => visitTime(v), nowrap: true },
            { label: 'Who', cell: (v) => v.viewerName || v.coachEmail },
            { label: 'Parts', cell: (v) => v.scopes.map((s) => SHARE_SCOPE_LABELS[s]).join(', ') },
            { label: 'What', cell: (v) => <span title={v.whats.join('\n')}>{visitWhat(v)}</span> },
          ]}
        />
      )}
      {!all && items.length > shown.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          Show all {items.length}
        </Button>
      )}
    </Card>
  );
}

/** Notes coaches chose to share with you (their private notes stay theirs). */
export function CoachNotesCard() {
  const notes = useCoachNotesForMe();
  const items = notes.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        Notes from your coaches
      </Title>
      <Stack gap="sm">
        {items.map((n) => (
          <div key={n.id}>
            <Text size="xs" c="dimmed">
              {n.coachName} · {formatDate(n.createdAt.slice(0, 10))}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.text}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

const PROPOSAL_STATUS: Record<string, { label: string; color: string }> = {
  accepted: { label: 'Accepted', color: 'teal' },
  declined: { label: 'Declined', color: 'gray' },
};

/** Plan steps a coach proposed for a week: accept (maybe in your own words) or decline. */
export function ProposalsCard() {
  const proposals = useProposals();
  const answer = useAnswerProposal();
  const [editing, setEditing] = useState<ProposalView | null>(null);
  const items = proposals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Plan proposals from your coaches
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Accepting adds the step to your goals for the week it is for; you can change the words first.
      </Text>
      <Stack gap="sm">
        {items.map((p) => {
          const status = PROPOSAL_STATUS[p.status];
          return (
            <Card key={p.id} withBorder padding="sm" radius="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text size="xs" c="dimmed">
                    {p.coachName} · week of {formatDate(p.weekOf)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {p.answer ?? p.text}
                  </Text>
                </div>
                {status ? (
                  <Badge color={status.color} variant="light">
                    {status.label}
                  </Badge>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" onClick={() => setEditing(p)}>
                      Accept…
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={answer.isPending}
                      onClick={() => answer.mutate({ id: p.id, accept: false }, { onError: fail })}
                    >
                      Decline
                    </Button>
                  </Group>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {editing && <AcceptProposal proposal={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function AcceptProposal({ proposal, onClose }: { proposal: ProposalView; onClose: () => void }) {
  const answer = useAnswerProposal();
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: proposal.text },
    validate: schemaValidator(proposalAcceptSchema, { text: 'The step' }),
  });
  return (
    <Modal opened onClose={onClose} title="Accept this step">
      <form
        onSubmit={form.onSubmit((v) =>
          answer.mutate(
            { id: proposal.id, accept: true, ...(v.text !== proposal.text ? { text: v.text } : {}) },
            { onSuccess: onClose, onError: fail },
          ),
        )}
        noValidate
      >
        <Stack gap="sm">
          <Textarea label="The step, in your words" autosize minRows={2} {...form.getInputProps('text')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={answer.isPending}>
              Add to my plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** An admin asks to count you in a cohort's figures (aggregates only): yes or no. */
export function CohortInvitationsCard() {
  const invitations = useCohortInvitations();
  const answer = useAnswerCohortInvitation();
  const items = (invitations.data?.items ?? []).filter((c) => c.status === 'invited');
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4">
        Cohort invitations
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A cohort's figures add up many people's job searches; groups of fewer than 5 are never shown. Nobody
        sees your applications through a cohort.
      </Text>
      <Stack gap="sm">
        {items.map((c) => (
          <Group key={c.id} justify="space-between" wrap="wrap">
            <div>
              <Text size="sm" fw={600}>
                {c.cohortName}
              </Text>
              <Text size="xs" c="dimmed">
                {c.invitedByName ? `From ${c.invitedByName}` : 'Invitation'}
                {c.tags.length > 0 ? ` · tagged ${c.tags.join(', ')}` : ''}
              </Text>
            </div>
            <Group gap="xs">
              <Button size="xs" onClick={() => answer.mutate({ id: c.id, accept: true }, { onError: fail })}>
                Join
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => answer.mutate({ id: c.id, accept: false }, { onError: fail })}
              >
                No, thanks
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
