import { AI_FEATURES, type AiFeature } from '@core/ai/input.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ChangeEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { useAiCalls, useAiEndpoint, useClearAiEndpoint, useSetAiEndpoint } from './api.ts';

/** The log's feature names in words. */
export const FEATURE_LABELS: Record<AiFeature, string> = {
  rewrite_feedback_request: 'Rewrite a feedback request',
  rewrite_thank_you: 'Rewrite a thank-you note',
  rewrite_referral_ask: 'Rewrite a referral ask',
  summarise_feedback_reply: 'Themes of a feedback reply',
  suggest_resume_lines: 'Resume lines to stress',
  post_mortem_actions: 'Action items from a look back',
};

const featureLabel = (f: string) =>
  (AI_FEATURES as readonly string[]).includes(f) ? FEATURE_LABELS[f as AiFeature] : f;

type Field = 'baseUrl' | 'model' | 'apiKey';

/** The endpoint's two text fields, in order (the key has its own, hidden, input). */
const TEXT_FIELDS = [
  {
    name: 'baseUrl',
    label: 'Address (base URL)',
    description:
      'Ends in /v1 for most servers. A hosted service works too, but then your text leaves this computer.',
    placeholder: 'http://localhost:11434/v1',
    maxLength: 2000,
  },
  {
    name: 'model',
    label: 'Model name',
    description: 'As your server names it, for example llama3.1 in Ollama.',
    placeholder: 'llama3.1',
    maxLength: 200,
  },
] as const;

/**
 * Settings › Your own model: an OpenAI-compatible endpoint the user chooses, local ones suggested
 * first, off by default, and the local log of every call made to it.
 */
export function OwnModelCard({ hosted }: { hosted: boolean }) {
  const endpoint = useAiEndpoint();
  const save = useSetAiEndpoint();
  const clear = useClearAiEndpoint();
  const [values, setValues] = useState<Record<Field, string>>({ baseUrl: '', model: '', apiKey: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const view = endpoint.data;
  const { baseUrl, model, apiKey } = values;
  const setValue = (name: Field, value: string) => setValues((old) => ({ ...old, [name]: value }));
  // An input's value, its change and its error, by field.
  const field = (name: Field) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(name, e.currentTarget.value),
    error: errors[name],
  });

  useEffect(() => {
    if (!view) return;
    setValues((old) => ({ ...old, baseUrl: view.baseUrl ?? '', model: view.model ?? '' }));
  }, [view]);

  function submit() {
    setErrors({});
    save.mutate(
      { baseUrl: baseUrl.trim(), model: model.trim(), apiKey: apiKey.trim() || null },
      {
        onSuccess: () => {
          setValue('apiKey', '');
          notifications.show({
            color: 'teal',
            message: 'Your model is set up. Nothing is sent until you press Send.',
          });
        },
        onError: (e) =>
          setErrors(
            e instanceof ApiError && e.details.length ? e.fieldErrors() : { baseUrl: errorMessage(e) },
          ),
      },
    );
  }

  return (
    <Card padding="lg" withBorder id="own-model" data-testid="own-model">
      <Stack gap="md">
        <div>
          <Group gap="xs">
            <Title order={3}>Your own model</Title>
            <Badge variant="light" color={view?.configured ? 'grape' : 'gray'}>
              {view?.configured ? 'On' : 'Off'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            Optional. Point Rebound at a model you choose that speaks the OpenAI chat format, and it can offer
            to rewrite drafts, sum up a feedback reply, suggest resume lines to stress and turn a look back
            into tasks. Before anything is sent you see the exact text and can change it; every answer is a
            draft you accept, edit or throw away.
          </Text>
        </div>
        {hosted ? (
          <Alert color="gray" variant="light">
            Your own model works with Rebound on your own computer (rebound serve), where it can reach a model
            running next to it. It is not available on a hosted server.
          </Alert>
        ) : (
          <>
            <div>
              <Text size="sm" fw={500} mb={4}>
                Models on this computer (nothing leaves it)
              </Text>
              <Group gap="xs">
                {(view?.suggestions ?? []).map((s) => (
                  <Button
                    key={s.baseUrl}
                    size="xs"
                    variant={baseUrl === s.baseUrl ? 'filled' : 'default'}
                    onClick={() => setValue('baseUrl', s.baseUrl)}
                  >
                    {s.name}
                  </Button>
                ))}
              </Group>
            </div>
            {TEXT_FIELDS.map(({ name, ...props }) => (
              <TextInput key={name} {...props} {...field(name)} />
            ))}
            <PasswordInput
              label="Key (optional)"
              description={
                view?.hasKey
                  ? 'A key is saved, encrypted, and never shown. Leave this empty to save without one, or type a new one.'
                  : 'Local models need none. A key is stored encrypted and never shown again.'
              }
              {...field('apiKey')}
              maxLength={500}
              autoComplete="off"
            />
            <Group justify="space-between" gap="xs">
              {view?.configured ? (
                <Button
                  variant="subtle"
                  color="red"
                  loading={clear.isPending}
                  onClick={() =>
                    clear.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({ message: 'Your model is off and its key deleted.' }),
                    })
                  }
                >
                  Turn off
                </Button>
              ) : (
                <span />
              )}
              <Button onClick={submit} loading={save.isPending} disabled={!baseUrl.trim() || !model.trim()}>
                {view?.configured ? 'Save changes' : 'Turn on'}
              </Button>
            </Group>
          </>
        )}
        <CallLog />
      </Stack>
    </Card>
  );
}

/** Every call made to the model, kept on this computer: when, which feature, how much was sent. */
function CallLog() {
  const calls = useAiCalls();
  const items = calls.data?.items ?? [];
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        What was sent
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has been sent to a model.
        </Text>
      ) : (
        <Stack gap={0} data-testid="ai-log">
          {items.map((c) => (
            <Group
              key={c.id}
              justify="space-between"
              gap={4}
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
            >
              <Text size="sm">{featureLabel(c.feature)}</Text>
              <Text size="sm" c="dimmed">
                {new Date(c.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
                {c.charsSent.toLocaleString()} characters ·{' '}
                {c.status === 'ok' ? 'answered' : c.status === 'timeout' ? 'timed out' : 'failed'}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}
