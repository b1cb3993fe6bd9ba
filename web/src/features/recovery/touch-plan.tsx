import { rewritePrompt } from '@core/ai/input.ts';
import { splitSubject } from '@core/ai/prompts.ts';
import type { PlannedTouch } from '@core/contacts/cadence.ts';
import { CONNECTION_NOTE_LIMIT, connectionNote } from '@core/contacts/connection-note.ts';
import { parseTemplate, renderTemplate } from '@core/recovery/render-template.ts';
import { THANK_YOU_TEMPLATE } from '@core/recovery/templates.ts';
import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { AiAssist } from '../ai/ai-assist.tsx';
import { type ContactDetail, useContact, useLogInteraction, useSaveContactDraft } from '../contacts/api.ts';
import { formatDay } from './format.ts';

export const TOUCH_LABELS: Record<PlannedTouch['kind'], string> = {
  thank_you: 'Thank-you note',
  connection_request: 'Connection request',
  value: 'Something useful (an article, a congratulation)',
};

interface Props {
  contactId: string;
  company?: string | null;
  role?: string | null;
}

/** One contact's keep-in-touch plan: the thank-you now, the connection note, and the next touches. */
export function TouchPlan({ contactId, company, role }: Props) {
  const { data: contact } = useContact(contactId);
  if (!contact?.cadence || contact.cadence.stoppedAt) return null;
  return <Plan contact={contact} company={company ?? contact.company} role={role ?? null} />;
}

function Plan({
  contact,
  company,
  role,
}: {
  contact: ContactDetail;
  company: string | null;
  role: string | null;
}) {
  const log = useLogInteraction();
  const firstName = contact.name.split(' ')[0] ?? contact.name;
  const vars = { contactName: firstName, company, role };
  const saveDraft = useSaveContactDraft(contact.id);
  // The user's own words, kept on the server, win over the suggested ones.
  const [note, setNote] = useState(() => contact.drafts.connection_request ?? connectionNote(vars));
  const thanks = parseTemplate(THANK_YOU_TEMPLATE);
  const suggestedThanks = `Subject: ${renderTemplate(thanks.subject ?? '', vars).text}\n\n${renderTemplate(thanks.body, vars).text}`;
  const [thanksText, setThanksText] = useState(() => contact.drafts.thank_you ?? suggestedThanks);
  const keep = (kind: 'thank_you' | 'connection_request', text: string) => {
    if (text !== (contact.drafts[kind] ?? null)) saveDraft.mutate({ kind, body: text.trim() ? text : null });
  };
  const next = contact.cadence?.next ?? [];
  const thanked = contact.interactions.some((i) => i.kind === 'thank_you');
  const tooLong = note.length > CONNECTION_NOTE_LIMIT;

  function logged(kind: 'thank_you' | 'connection_request', message: string) {
    log.mutate(
      { id: contact.id, kind },
      {
        onSuccess: () => notifications.show({ color: 'teal', message }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  }

  return (
    <Card withBorder padding="md" data-testid="touch-plan">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Keeping in touch with {contact.name}</Text>
        <Badge variant="light" color="teal">
          Planned
        </Badge>
      </Group>
      <Stack gap="sm">
        {!thanked && (
          <div>
            <Text size="sm" fw={500}>
              Now: a thank-you note
            </Text>
            <Textarea
              aria-label="Thank-you note"
              mt={4}
              autosize
              minRows={4}
              maxRows={14}
              maxLength={5_000}
              value={thanksText}
              onChange={(e) => setThanksText(e.currentTarget.value)}
              onBlur={() => keep('thank_you', thanksText)}
            />
            <Group gap="xs" mt={6}>
              <Copy value={thanksText} />
              <Button size="xs" variant="light" onClick={() => logged('thank_you', 'Thank-you noted.')}>
                I sent the thank-you
              </Button>
              <AiAssist
                feature="rewrite_thank_you"
                label="Rewrite with my model"
                title="Rewrite the thank-you note in your voice"
                text={() => {
                  const { subject, body } = splitSubject(thanksText);
                  return rewritePrompt('thank-you note', subject, body);
                }}
                acceptLabel="Use these words"
                acceptHint="Accepting puts these words in the thank-you note above and keeps them as your own."
                onAccept={async (answer) => {
                  await saveDraft.mutateAsync({ kind: 'thank_you', body: answer });
                  setThanksText(answer);
                }}
              />
            </Group>
          </div>
        )}
        <div>
          <Textarea
            label="Connection-request note"
            description="LinkedIn allows up to 300 characters. Edit it to mention something you talked about."
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() => keep('connection_request', note)}
            error={tooLong ? `${note.length - CONNECTION_NOTE_LIMIT} characters over the limit` : undefined}
          />
          <Group justify="space-between" mt={4}>
            <Copy value={note} disabled={tooLong} />
            <Text size="xs" c={tooLong ? 'red' : 'dimmed'} data-testid="note-counter">
              {note.length} / {CONNECTION_NOTE_LIMIT}
            </Text>
          </Group>
        </div>
        <div>
          <Text size="sm" fw={500}>
            Coming up
          </Text>
          {next.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing planned in the next few months.
            </Text>
          ) : (
            next.map((t) => (
              <Text size="sm" key={t.key} c={t.overdue ? 'orange' : undefined}>
                {TOUCH_LABELS[t.kind]}: {t.kind === 'thank_you' ? 'now' : formatDay(t.dueAt)}
              </Text>
            ))
          )}
        </div>
      </Stack>
    </Card>
  );
}

function Copy({ value, disabled }: { value: string; disabled?: boolean }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="default"
          disabled={disabled}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </CopyButton>
  );
}
