import { rewritePrompt } from '@core/ai/input.ts';
import { splitSubject } from '@core/ai/prompts.ts';
import { REFERRAL_ASK_LABELS, REFERRAL_ASK_STATUSES, type ReferralAskStatus } from '@core/referrals/asks.ts';
import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { AiAssist } from '../ai/ai-assist.tsx';
import { type PersonYouKnow, useSetReferralAsk } from './api.ts';

const STATE_COLORS: Record<ReferralAskStatus, string> = {
  asked: 'blue',
  agreed: 'teal',
  referred: 'green',
  declined: 'gray',
};

/**
 * "People you know here": contacts at this application's company (from a connections import or
 * added by hand), each with a drafted referral ask to copy and the ask's state to keep.
 */
export function PeopleYouKnowCard({
  applicationId,
  people,
}: {
  applicationId: string;
  people: PersonYouKnow[];
}) {
  if (people.length === 0) return null;
  return (
    <Card padding="lg" data-testid="people-you-know">
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={4}>People you know here</Title>
        <Anchor component={Link} to="/evidence#referrals" size="xs">
          Why ask for a referral?
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        A referral often counts for more than an application through the careers site. A short, friendly ask
        is enough, and a no is fine.
      </Text>
      <Stack gap="sm">
        {people.map((p) => (
          <PersonRow key={p.contactId} applicationId={applicationId} person={p} />
        ))}
      </Stack>
    </Card>
  );
}

function PersonRow({ applicationId, person }: { applicationId: string; person: PersonYouKnow }) {
  const [open, setOpen] = useState(false);
  const setAsk = useSetReferralAsk(applicationId);
  const status = person.ask?.status ?? null;
  const drafted = `${person.draft.subject ? `Subject: ${person.draft.subject}\n\n` : ''}${person.draft.body}`;
  // A rewrite the user accepted from their own model replaces the shown words until they leave.
  const [rewritten, setRewritten] = useState<string | null>(null);
  const text = rewritten ?? drafted;
  const about = [person.role, person.company].filter(Boolean).join(' · ');
  const since = person.connection?.connectedOn
    ? ` · connected ${person.connection.connectedOn.slice(0, 4)}`
    : '';

  const mark = (next: ReferralAskStatus) =>
    setAsk.mutate(
      { contactId: person.contactId, status: next },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: `${person.name}: ${REFERRAL_ASK_LABELS[next].toLowerCase()}.`,
          }),
        onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
      },
    );

  return (
    <Paper withBorder p="sm" radius="md" data-testid="person-you-know">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={500}>{person.name}</Text>
          <Text size="xs" c="dimmed">
            {about}
            {person.connection ? since || ' · connection' : ''}
          </Text>
        </div>
        <Badge variant="light" color={status ? STATE_COLORS[status] : 'gray'} style={{ flexShrink: 0 }}>
          {person.askState}
        </Badge>
      </Group>
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant={open ? 'filled' : 'light'}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {open ? 'Hide the ask' : 'Draft a referral ask'}
        </Button>
        {person.linkedinUrl && (
          <Button
            size="xs"
            variant="subtle"
            component="a"
            href={person.linkedinUrl}
            target="_blank"
            rel="noreferrer noopener"
            rightSection={<IconExternalLink size={12} />}
          >
            LinkedIn
          </Button>
        )}
      </Group>
      {/*
        Shown at once, not through an animated Collapse: while one grows, its overflow-hidden box can
        be scrolled, and a click on "Copy the ask" during the animation could land beside the button.
      */}
      {open && (
        <Stack gap="xs" mt="sm">
          <Textarea
            readOnly
            value={text}
            autosize
            minRows={6}
            maxRows={16}
            label={`Referral ask to ${person.name}`}
            styles={{ input: { fontSize: 'var(--mantine-font-size-sm)' } }}
          />
          <Group gap="xs" justify="space-between" wrap="wrap">
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy the ask'}
                </Button>
              )}
            </CopyButton>
            <AiAssist
              feature="rewrite_referral_ask"
              label="Rewrite with my model"
              title={`Rewrite the referral ask to ${person.name} in your voice`}
              text={() => {
                const { subject, body } = splitSubject(text);
                return rewritePrompt('referral ask', subject, body);
              }}
              acceptLabel="Use these words"
              acceptHint="Accepting puts these words in the ask above, ready to copy."
              onAccept={async (answer) => setRewritten(answer)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {rewritten === null ? (
              'The words come from referral-ask.txt in your templates folder; edit it to make them yours.'
            ) : (
              <>
                Your rewritten words.{' '}
                <Anchor component="button" type="button" size="xs" onClick={() => setRewritten(null)}>
                  Go back to the template's words
                </Anchor>
              </>
            )}
          </Text>
          <Text size="xs" fw={500}>
            Where it stands
          </Text>
          <Group gap={6} role="group" aria-label={`Where the ask to ${person.name} stands`}>
            {REFERRAL_ASK_STATUSES.map((s) => (
              <Button
                key={s}
                size="compact-xs"
                variant={status === s ? 'filled' : 'default'}
                color={STATE_COLORS[s]}
                aria-pressed={status === s}
                loading={setAsk.isPending && setAsk.variables?.status === s}
                onClick={() => mark(s)}
              >
                {REFERRAL_ASK_LABELS[s]}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
