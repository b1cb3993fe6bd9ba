import type { ShareView } from '@core/accounts/schemas.ts';
import { SHARE_SCOPE_LABELS } from '@core/accounts/scopes.ts';
import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { useEndShare, useShares } from './api.ts';
import { CoachNotesCard, CohortInvitationsCard, ProposalsCard, ViewLogCard } from './seeker-cards.tsx';
import { ShareForm } from './share-form.tsx';

/**
 * `/sharing`: the seeker's consent. Who sees what of their job search, until when; ending a
 * share at once; what each coach looked at; what coaches wrote and proposed; cohort invitations.
 */
export default function SharingPage() {
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={2}>Sharing</Title>
        <Text c="dimmed">
          You decide who sees which parts of your job search, and for how long. Ending a share takes effect at
          once; you keep everything.
        </Text>
      </div>
      <ShareForm />
      <SharesCard />
      <ProposalsCard />
      <CoachNotesCard />
      <CohortInvitationsCard />
      <ViewLogCard />
    </Stack>
  );
}

function status(share: ShareView): { label: string; color: string } {
  if (share.active) return { label: 'Active', color: 'teal' };
  if (share.revokedAt) return { label: 'Ended', color: 'gray' };
  return { label: 'Expired', color: 'gray' };
}

function SharesCard() {
  const shares = useShares();
  const end = useEndShare();
  const [ending, setEnding] = useState<ShareView | null>(null);
  const items = shares.data?.items ?? [];
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        Your shares
      </Title>
      {shares.error && <Alert color="red">{errorMessage(shares.error)}</Alert>}
      {shares.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          You are not sharing anything with anyone.
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((share) => {
            const s = status(share);
            return (
              <Card key={share.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                    {share.coachEmail}
                  </Text>
                  <Badge color={s.color} variant="light" style={{ flexShrink: 0 }}>
                    {s.label}
                  </Badge>
                </Group>
                <Text size="sm">{share.scopes.map((scope) => SHARE_SCOPE_LABELS[scope]).join('; ')}</Text>
                <Text size="xs" c="dimmed">
                  {share.endsOn ? `Until ${formatDate(share.endsOn)}` : 'Until you end it'}
                </Text>
                {share.active && (
                  <Group justify="flex-end">
                    <Button size="xs" color="red" variant="light" onClick={() => setEnding(share)}>
                      End share
                    </Button>
                  </Group>
                )}
              </Card>
            );
          })}
        </Stack>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560} visibleFrom="sm">
          <Table verticalSpacing="sm" data-testid="shares">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Coach</Table.Th>
                <Table.Th>What they see</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((share) => {
                const s = status(share);
                return (
                  <Table.Tr key={share.id}>
                    <Table.Td>{share.coachEmail}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {share.scopes.map((scope) => (
                          <Text key={scope} size="sm">
                            {SHARE_SCOPE_LABELS[scope]}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{share.endsOn ? formatDate(share.endsOn) : 'Until you end it'}</Table.Td>
                    <Table.Td>
                      <Badge color={s.color} variant="light">
                        {s.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {share.active && (
                        <Button size="xs" color="red" variant="light" onClick={() => setEnding(share)}>
                          End share
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={ending !== null}
        onClose={() => setEnding(null)}
        title={`Stop sharing with ${ending?.coachEmail ?? ''}?`}
        size="sm"
      >
        <Text size="sm" mb="md">
          They lose access at once. You keep everything, and you can share again later.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setEnding(null)}>
            Keep sharing
          </Button>
          <Button
            color="red"
            loading={end.isPending}
            onClick={() =>
              ending &&
              end.mutate(ending.id, {
                onSuccess: () => {
                  setEnding(null);
                  notifications.show({ color: 'teal', message: 'Sharing ended.' });
                },
                onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
              })
            }
          >
            End share
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
