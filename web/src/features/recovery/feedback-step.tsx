import { FEEDBACK_STATE_LABELS } from '@core/recovery/feedback-state.ts';
import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconDownload,
  IconMail,
  IconSend,
} from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { stageLabel } from '../../lib/format.ts';
import { ReplyThemes } from '../ai/reply-themes.tsx';
import { type Contact, useContacts } from '../contacts/api.ts';
import { AddContactButton } from './add-contact.tsx';
import {
  type FeedbackRequest,
  type Rejection,
  useFeedbackRequest,
  useSetFeedbackContact,
  useUpdateFeedback,
} from './api.ts';
import { FeedbackAnswerModal } from './feedback-answer.tsx';
import { FeedbackDraftCard } from './feedback-draft.tsx';
import { formatWhen } from './format.ts';

interface Props {
  rejection: Rejection;
  onNext: () => void;
}

/** Step 2: a short, specific request for feedback, sent from the user's own mail program. */
export function FeedbackStep({ rejection, onNext }: Props) {
  const feedback = useFeedbackRequest(rejection.feedbackRequestId);

  if (!rejection.feedbackRequestId) {
    return (
      <Stack gap="md">
        <Title order={3}>Ask for feedback</Title>
        <Text c="dimmed">
          This one closed before anyone from {rejection.company} spoke with you, so there is no one to ask.
          That is fine: the look back still helps.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onNext}>Continue</Button>
        </Group>
      </Stack>
    );
  }
  if (feedback.isLoading) return <Loader />;
  if (!feedback.data) {
    return (
      <Alert color="red" title="The feedback request did not load">
        {errorMessage(feedback.error)}
      </Alert>
    );
  }
  return <FeedbackDraftView rejection={rejection} request={feedback.data} onNext={onNext} />;
}

function FeedbackDraftView({ rejection, request, onNext }: Props & { request: FeedbackRequest }) {
  const everyone = useContacts();
  const linked = useContacts(rejection.applicationId);
  const update = useUpdateFeedback();
  const setContact = useSetFeedbackContact();
  const [answering, setAnswering] = useState(false);
  const contacts = everyone.data ?? [];
  const isDrafted = request.state === 'drafted';
  // The draft is always the server's, rendered from the template for whoever is chosen.
  const { draft, mailto } = request;
  const contactId = setContact.isPending ? setContact.variables.contactId : request.contactId;
  const full = `${draft.to ? `To: ${draft.to}\n` : ''}Subject: ${draft.subject}\n\n${draft.body}`;
  const contactError =
    setContact.error instanceof ApiError && setContact.error.fieldErrors().contactId
      ? 'That contact could not be found. Pick someone else, or add them again.'
      : setContact.error
        ? errorMessage(setContact.error)
        : undefined;

  function choose(id: string | null) {
    if (id === request.contactId) return;
    setContact.mutate({ id: request.id, contactId: id });
  }

  function markSent() {
    update.mutate(
      { id: request.id, patch: { state: 'sent' } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: 'Marked as sent. Whatever comes back, asking was the brave part.',
          });
          onNext();
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
      },
    );
  }

  const linkedIds = new Set((linked.data ?? []).map((c) => c.id));
  const linkedSuggestion = (linked.data ?? []).find((c) => c.id !== request.contactId && c.email);
  const option = (c: Contact) => ({ value: c.id, label: c.company ? `${c.name} (${c.company})` : c.name });
  const data = [
    { group: 'Met during this application', items: contacts.filter((c) => linkedIds.has(c.id)).map(option) },
    { group: 'Everyone else', items: contacts.filter((c) => !linkedIds.has(c.id)).map(option) },
  ].filter((g) => g.items.length > 0);

  return (
    <Stack gap="md">
      <div>
        <Group gap="xs">
          <Title order={3}>Ask for feedback</Title>
          <Badge variant="light" color={isDrafted ? 'gray' : 'teal'}>
            {FEEDBACK_STATE_LABELS[request.state]}
          </Badge>
        </Group>
        <Text c="dimmed" mt={4}>
          A short note while the process is still fresh. Many people never get an answer, and that says
          nothing about you; the ones who do reply often share something useful.
        </Text>
      </div>

      {isDrafted ? (
        <>
          <Group align="flex-end" gap="sm">
            <Select
              label="Who to write to"
              placeholder={contacts.length ? 'Pick someone you met' : 'No contacts yet'}
              data={data}
              value={contactId}
              onChange={choose}
              error={contactError}
              rightSection={setContact.isPending ? <Loader size="xs" /> : undefined}
              clearable
              searchable
              style={{ flex: 1, minWidth: 220 }}
            />
            <AddContactButton
              applicationId={rejection.applicationId}
              company={rejection.company}
              onAdded={(c) => choose(c.id)}
            />
          </Group>
          {request.contactId && !draft.to && !setContact.isPending && (
            <Text size="xs" c="dimmed">
              {draft.toName ?? 'This contact'} has no email saved; the draft opens without an address, or you
              can send it another way.
            </Text>
          )}
          <Text size="sm" c="dimmed">
            The questions fit how far you got ({stageLabel(rejection.stageReached)}). Best sent by{' '}
            {formatWhen(request.dueAt)}.
          </Text>
        </>
      ) : (
        <Alert
          color="teal"
          variant="light"
          title={
            request.state === 'sent'
              ? `Sent ${formatWhen(request.sentAt)}`
              : FEEDBACK_STATE_LABELS[request.state]
          }
        >
          {request.state === 'answered' && request.answer ? (
            <Stack gap="xs">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Their answer: {request.answer}
              </Text>
              <ReplyThemes request={request} />
            </Stack>
          ) : request.followUpDueAt && request.state === 'sent' ? (
            `If nothing comes back, Today suggests one gentle check-in on ${formatWhen(request.followUpDueAt)}.`
          ) : (
            'This request is settled.'
          )}
        </Alert>
      )}

      {request.automaticSender && isDrafted && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          title="That “no” came from an automatic address"
          data-testid="automatic-sender"
        >
          {request.automaticSender} is not read by a person, so a reply there goes nowhere. Ask the recruiter
          or someone who interviewed you instead: pick them above, or add them to the application's people.
          {linkedSuggestion && (
            <Anchor component="button" type="button" ml={4} onClick={() => choose(linkedSuggestion.id)}>
              Write to {linkedSuggestion.name}
            </Anchor>
          )}
        </Alert>
      )}

      <FeedbackDraftCard request={request} />

      <Group gap="xs">
        <CopyButton value={full}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy to clipboard'}
            </Button>
          )}
        </CopyButton>
        <Button component="a" href={mailto} variant="default" leftSection={<IconMail size={16} />}>
          Open in mail app
        </Button>
        <Button
          component="a"
          href={request.emlUrl}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Download .eml
        </Button>
      </Group>

      <Group justify="space-between">
        {isDrafted ? (
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onNext}>
            Not now; it will wait on Today
          </Anchor>
        ) : (
          <span />
        )}
        {isDrafted ? (
          <Button
            leftSection={<IconSend size={16} />}
            onClick={markSent}
            loading={update.isPending}
            disabled={setContact.isPending}
          >
            I sent it
          </Button>
        ) : (
          <Group gap="xs">
            {(request.state === 'sent' || request.state === 'no_reply') && (
              <Button variant="default" onClick={() => setAnswering(true)}>
                They answered…
              </Button>
            )}
            <Button onClick={onNext}>Continue</Button>
          </Group>
        )}
      </Group>
      <FeedbackAnswerModal
        feedbackId={request.id}
        company={request.company}
        opened={answering}
        onClose={() => setAnswering(false)}
      />
    </Stack>
  );
}
