import { SHARE_SCOPE_LABELS, SHARE_SCOPES, type ShareScope } from '@core/accounts/scopes.ts';
import { possessive } from '@core/reader.ts';
import { Alert, Button, Card, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconEye, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { meKey, useSession } from '../account/session.tsx';
import { useWhyNotShared } from './api.ts';
import { CoachPanel } from './coach-panel.tsx';
import { SECTIONS } from './seeker-sections.tsx';

/** The tab names: what the seeker may share, and what is never shared. */
const TAB_LABELS: Record<ShareScope, string> = {
  applications: 'Applications',
  insights: 'Insights',
  goals: 'Goals and wins',
  contacts: 'Contacts',
  notes: 'Notes',
};

/**
 * `/caseload/:workspaceId`: a seeker's shared job search, read only. Every read names the
 * workspace in the `Rebound-Workspace` header; parts the seeker did not share say so, and there
 * is no control anywhere here that changes their data.
 */
export default function SeekerView() {
  const { workspaceId = '' } = useParams();
  const me = useSession();
  const qc = useQueryClient();
  // Whether it is still shared is the server's to say: ask again each time a seeker is opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: ask again for each seeker opened
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: meKey });
  }, [qc, workspaceId]);
  const shared = me?.sharedWithMe.find((s) => s.workspaceId === workspaceId);

  const back = (
    <Button
      component={Link}
      to="/caseload"
      variant="default"
      size="xs"
      leftSection={<IconArrowLeft size={14} />}
    >
      Back to caseload
    </Button>
  );
  if (!shared) {
    return (
      <Stack gap="md" maw={720}>
        <NotSharedWithYou workspaceId={workspaceId} />
        <Group>{back}</Group>
      </Stack>
    );
  }
  const first = SHARE_SCOPES.find((s) => shared.scopes.includes(s)) ?? 'applications';
  // The name as the seeker gave it (their display name): a first word may be "Dr." or half a name.
  const name = shared.name.trim() || shared.email;

  return (
    <Stack gap="md">
      <Alert
        color="indigo"
        variant="light"
        icon={<IconEye size={18} />}
        data-testid="seeker-banner"
        styles={{ message: { width: '100%' } }}
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            Viewing {possessive(name)} shared job search — read only
          </Text>
          {back}
        </Group>
      </Alert>
      <Tabs defaultValue={first} keepMounted={false}>
        <Tabs.List>
          {SHARE_SCOPES.map((scope) => (
            <Tabs.Tab key={scope} value={scope} c={shared.scopes.includes(scope) ? undefined : 'dimmed'}>
              {TAB_LABELS[scope]}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="private" c="dimmed">
            Journal and moods
          </Tabs.Tab>
          <Tabs.Tab value="coach">Coaching</Tabs.Tab>
        </Tabs.List>
        {SHARE_SCOPES.map((scope) => {
          const Section = SECTIONS[scope];
          return (
            <Tabs.Panel key={scope} value={scope} pt="md">
              {shared.scopes.includes(scope) ? (
                <Section workspaceId={workspaceId} />
              ) : (
                <NotShared what={SHARE_SCOPE_LABELS[scope]} name={name} />
              )}
            </Tabs.Panel>
          );
        })}
        <Tabs.Panel value="private" pt="md">
          <Card withBorder padding="lg">
            <Text size="sm">
              Journal entries, moods and private writing are never shared, with anyone. They stay{' '}
              {possessive(name)} alone.
            </Text>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="coach" pt="md">
          <CoachPanel workspaceId={workspaceId} name={name} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/**
 * Why a job search opened here is not shared with the coach: a share of theirs ended, or there
 * never was one (a wrong or made-up link). The server says which; nothing else is read.
 */
function NotSharedWithYou({ workspaceId }: { workspaceId: string }) {
  const why = useWhyNotShared(workspaceId);
  if (why.isPending) return <Loader size="sm" />;
  if (why.data === 'ended') {
    return (
      <Alert color="gray" title="No longer shared with you" icon={<IconLock size={18} />} role="alert">
        This job search is not shared with you any more. The person who owns it ended the share, or it reached
        its end date. Everything stays theirs.
      </Alert>
    );
  }
  return (
    <Alert color="gray" title="Not shared with you" icon={<IconLock size={18} />} role="alert">
      No job search at this address is shared with you. Check the link, or open a job search from your
      caseload.
    </Alert>
  );
}

function NotShared({ what, name }: { what: string; name: string }) {
  return (
    <Card withBorder padding="lg">
      <Group gap="xs" wrap="nowrap">
        <IconLock size={16} />
        <Text size="sm">
          Not shared: {name} has not shared {what.toLowerCase()} with you.
        </Text>
      </Group>
    </Card>
  );
}
