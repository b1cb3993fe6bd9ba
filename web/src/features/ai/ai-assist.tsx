import type { AiFeature } from '@core/ai/input.ts';
import { Alert, Anchor, Button, Flex, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { useSession } from '../account/session.tsx';
import { useAiEndpoint, useAskModel } from './api.ts';

interface Props {
  feature: AiFeature;
  /** The button, e.g. "Rewrite with my model". */
  label: string;
  /** The dialog's title, e.g. "Rewrite the feedback request". */
  title: string;
  /** Builds the text proposed for sending, when the button is pressed (nothing is sent by it). */
  text: () => string | Promise<string>;
  /** What accepting the draft does, e.g. "Use these words". */
  acceptLabel: string;
  /** Where accepting puts it, in a sentence shown under the draft. */
  acceptHint: string;
  /** Saves the accepted (perhaps edited) draft where the same thing written by hand would go. */
  onAccept: (draft: string) => Promise<unknown>;
  disabled?: boolean;
}

/** "http://localhost:11434/v1" → "localhost:11434": where the text goes, short enough for a button. */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * One use of the user's own model, visible end to end: the button shows the exact text that
 * would be sent, editable; nothing leaves before "Send to <endpoint>"; the answer comes back as a
 * plain-text draft to accept, edit or throw away. With no model set up, a quiet line says how to
 * turn it on and the feature's own path stays as it was.
 */
export function AiAssist(props: Props) {
  const endpoint = useAiEndpoint();
  const hosted = useSession()?.mode === 'hosted';
  const [open, setOpen] = useState(false);
  if (hosted || !endpoint.data) return null;
  if (!endpoint.data.configured) {
    return (
      <Text size="xs" c="dimmed" data-testid="ai-off">
        Your own model could help here.{' '}
        <Anchor component={Link} to="/settings#own-model" size="xs">
          Set one up in Settings
        </Anchor>{' '}
        (off until you do).
      </Text>
    );
  }
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="grape"
        leftSection={<IconSparkles size={14} />}
        onClick={() => setOpen(true)}
        disabled={props.disabled}
      >
        {props.label}
      </Button>
      {open && (
        <AiDialog
          {...props}
          baseUrl={endpoint.data.baseUrl ?? ''}
          model={endpoint.data.model ?? ''}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function AiDialog({
  feature,
  title,
  text,
  acceptLabel,
  acceptHint,
  onAccept,
  baseUrl,
  model,
  onClose,
}: Props & { baseUrl: string; model: string; onClose: () => void }) {
  const [toSend, setToSend] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Built once, when the dialog opens; from then on the words are the user's to change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: built once per opening
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(text)
      .then(
        (t) => live && setToSend(t),
        (e) => live && setLoadError(errorMessage(e)),
      );
    return () => {
      live = false;
    };
  }, []);
  const [draft, setDraft] = useState<string | null>(null);
  const [sentChars, setSentChars] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ask = useAskModel();
  const host = endpointHost(baseUrl);

  function send() {
    if (toSend === null) return;
    ask.mutate(
      { feature, text: toSend },
      {
        onSuccess: (answer) => {
          setDraft(answer.draft);
          setSentChars(answer.log.charsSent);
        },
      },
    );
  }

  async function accept() {
    if (draft === null) return;
    setSaving(true);
    setSaveError(null);
    try {
      await onAccept(draft);
      onClose();
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {toSend === null ? (
        loadError ? (
          <Alert color="red" title="The text could not be put together">
            {loadError}
          </Alert>
        ) : (
          <Group justify="center" p="md">
            <Loader size="sm" />
          </Group>
        )
      ) : draft === null ? (
        <Stack gap="sm" data-testid="ai-preview">
          <Text size="sm">
            Nothing has been sent yet. This is the exact text that will go to your model ({model} at {host}).
            Change anything you like first, or take out what you would rather keep to yourself.
          </Text>
          <Textarea
            label="Text to send"
            autosize
            minRows={6}
            maxRows={16}
            value={toSend}
            onChange={(e) => setToSend(e.currentTarget.value)}
            description={`${toSend.trim().length.toLocaleString()} characters`}
            data-autofocus
          />
          {ask.error && (
            <Alert color="red" title="Your model did not answer">
              {errorMessage(ask.error)}
            </Alert>
          )}
          <Flex direction={{ base: 'column-reverse', xs: 'row' }} justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={send} loading={ask.isPending} disabled={!toSend.trim()}>
              Send to {host}
            </Button>
          </Flex>
        </Stack>
      ) : (
        <Stack gap="sm" data-testid="ai-draft">
          <Text size="sm" c="dimmed">
            Sent {sentChars.toLocaleString()} characters to {model} at {host}; the call is in your log in
            Settings. Below is its answer as plain text, only a draft: nothing has been saved or done.
          </Text>
          <Textarea
            label="Your model's draft"
            description={acceptHint}
            autosize
            minRows={6}
            maxRows={18}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          {saveError && (
            <Alert color="red" title="Not saved">
              {saveError}
            </Alert>
          )}
          <Flex direction={{ base: 'column-reverse', xs: 'row' }} justify="space-between" gap="xs">
            <Button variant="subtle" color="gray" onClick={onClose}>
              Throw away
            </Button>
            <Button onClick={accept} loading={saving} disabled={!draft.trim()}>
              {acceptLabel}
            </Button>
          </Flex>
        </Stack>
      )}
    </Modal>
  );
}
