import { rewritePrompt } from '@core/ai/input.ts';
import { splitSubject } from '@core/ai/prompts.ts';
import { feedbackContactSchema } from '@core/recovery/input.ts';
import { Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { passesCheck, schemaValidator } from '../../lib/form-schema.ts';
import { AiAssist } from '../ai/ai-assist.tsx';
import { type FeedbackRequest, useEditFeedbackDraft } from './api.ts';

/**
 * The feedback request's words as the server renders them, with a way to edit them, rewrite them
 * with the user's model, or go back to the suggested words while the request is still a draft.
 */
export function FeedbackDraftCard({ request }: { request: FeedbackRequest }) {
  const [editing, setEditing] = useState(false);
  const editDraft = useEditFeedbackDraft();
  const isDrafted = request.state === 'drafted';
  const { draft } = request;

  return editing ? (
    <DraftEditor
      subject={draft.subject}
      body={draft.body}
      busy={editDraft.isPending}
      onCancel={() => setEditing(false)}
      onSave={(subject, body) =>
        editDraft.mutate(
          { id: request.id, subject, body },
          {
            onSuccess: () => setEditing(false),
            onError: (e) =>
              notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
          },
        )
      }
    />
  ) : (
    <Paper withBorder p="md" radius="md" data-testid="feedback-draft">
      {draft.to && (
        <Text size="sm" c="dimmed">
          To: {draft.toName ? `${draft.toName} <${draft.to}>` : draft.to}
        </Text>
      )}
      <Text fw={600} mb="xs" className="user-text">
        {draft.subject}
      </Text>
      <Text size="sm" className="pre-wrap">
        {draft.body}
      </Text>
      {isDrafted && (
        <Group gap="xs" mt="sm">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
          >
            Edit the words
          </Button>
          <AiAssist
            feature="rewrite_feedback_request"
            label="Rewrite with my model"
            title="Rewrite the feedback request in your voice"
            text={() => rewritePrompt('feedback request', draft.subject, draft.body)}
            acceptLabel="Use these words"
            acceptHint="Accepting keeps these words as your own draft, as if you had edited it yourself."
            onAccept={(answer) => {
              const { subject, body } = splitSubject(answer);
              return editDraft.mutateAsync({ id: request.id, subject: subject ?? draft.subject, body });
            }}
          />
          {draft.edited && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              c="dimmed"
              onClick={() => editDraft.mutate({ id: request.id, subject: null, body: null })}
            >
              Go back to the suggested words
            </Anchor>
          )}
        </Group>
      )}
    </Paper>
  );
}

// The server's schema checks the draft first: the same limits on both sides.
const checkDraft = schemaValidator(feedbackContactSchema, { subject: 'Subject', body: 'Message' });

/** The draft as two fields the user can change; what they save is kept on the server. */
function DraftEditor({
  subject,
  body,
  busy,
  onSave,
  onCancel,
}: {
  subject: string;
  body: string;
  busy: boolean;
  onSave: (subject: string, body: string) => void;
  onCancel: () => void;
}) {
  const [s, setS] = useState(subject);
  const [b, setB] = useState(body);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () => {
    if (passesCheck(checkDraft, { subject: s, body: b }, setErrors)) onSave(s, b);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="feedback-draft-editor">
      <Stack gap="xs">
        <TextInput
          label="Subject"
          value={s}
          maxLength={300}
          error={errors.subject}
          onChange={(e) => setS(e.currentTarget.value)}
        />
        <Textarea
          label="Message"
          autosize
          minRows={8}
          maxRows={20}
          maxLength={10_000}
          value={b}
          error={errors.body}
          onChange={(e) => setB(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button size="xs" loading={busy} disabled={!s.trim() || !b.trim()} onClick={save}>
            Save my words
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
