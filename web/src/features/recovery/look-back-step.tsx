import { listLines, postMortemActionsPrompt } from '@core/ai/prompts.ts';
import { postMortemInputSchema } from '@core/recovery/input.ts';
import type { PostMortemRating } from '@core/recovery/post-mortem.ts';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { AiAssist } from '../ai/ai-assist.tsx';
import {
  type ActionItem,
  type Rejection,
  useCreateActionItems,
  usePostMortem,
  useSavePostMortem,
  useUpdateActionItem,
} from './api.ts';
import { formatWhen } from './format.ts';

const RATINGS: { value: PostMortemRating; label: string }[] = [
  { value: 'well', label: 'Went well' },
  { value: 'so_so', label: 'So-so' },
  { value: 'weak', label: 'Could be stronger' },
];

interface Props {
  rejection: Rejection;
  /** Whether the pause is still running (the look back can wait for it to end). */
  pausing: boolean;
  onNext: () => void;
}

interface Draft {
  rating: PostMortemRating | null;
  note: string;
}

// The server's schema checks the look back first: the same limits on both sides.
const checkLookBack = schemaValidator(postMortemInputSchema, { items: 'A note' });

/** Step 3: an honest look back over the steps this application went through. */
export function LookBackStep({ rejection, pausing, onNext }: Props) {
  const postMortem = usePostMortem(rejection.applicationId);
  const save = useSavePostMortem(rejection.applicationId);
  const createItems = useCreateActionItems();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<string | null>(null);

  if (postMortem.isLoading) return <Loader />;
  if (!postMortem.data) {
    return (
      <Alert color="red" title="The look back did not load">
        {errorMessage(postMortem.error)}
      </Alert>
    );
  }
  const view = postMortem.data;
  const value = (key: string): Draft => {
    const saved = view.items.find((i) => i.key === key);
    return drafts[key] ?? { rating: saved?.rating ?? null, note: saved?.note ?? '' };
  };
  const set = (key: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [key]: { ...value(key), ...patch } }));
  const rated = view.items.map((i) => ({ key: i.key, ...value(i.key) })).filter((i) => i.rating !== null);
  const openActions = view.actionItems.filter((a) => a.status === 'open');

  function submit() {
    const items = rated.map((i) => ({
      key: i.key,
      rating: i.rating as PostMortemRating,
      note: i.note.trim() || null,
    }));
    const problem = checkLookBack({ items }).items;
    setError(problem ? String(problem) : null);
    if (problem) return;
    save.mutate(items, {
      onSuccess: (result) => {
        setDrafts({});
        const added = result.actionItems.filter((a) => a.status === 'open').length;
        notifications.show({
          color: 'teal',
          message: added
            ? 'Saved. The steps to strengthen are now small tasks with dates; change them as you like.'
            : 'Saved. Thank you for taking the time.',
        });
      },
      onError: (e) => setError(e instanceof ApiError ? e.message : errorMessage(e)),
    });
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>Look back</Title>
        <Text c="dimmed" mt={4}>
          Only the steps you went through. Rate each one for yourself; the ones that could be stronger become
          one small task each.
        </Text>
      </div>
      {pausing && rejection.coolOff.endsAt && (
        <Alert variant="light" color="indigo">
          You can do this now, or after your pause ends ({formatWhen(rejection.coolOff.endsAt)}). It waits on
          Today either way.
        </Alert>
      )}
      {view.items.map((item) => {
        const v = value(item.key);
        return (
          <Card key={item.key} withBorder padding="md" data-testid="look-back-item">
            <Text fw={600}>{item.title}</Text>
            <List size="sm" c="dimmed" mt={4} mb="sm" spacing={2}>
              {item.prompts.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
            <SegmentedControl
              aria-label={`How did it go: ${item.title}`}
              data={RATINGS}
              value={v.rating ?? ''}
              onChange={(r) => set(item.key, { rating: r as PostMortemRating })}
              fullWidth
            />
            <Textarea
              mt="xs"
              aria-label={`Note: ${item.title}`}
              placeholder="A note for yourself (optional)"
              autosize
              minRows={1}
              value={v.note}
              onChange={(e) => set(item.key, { note: e.currentTarget.value })}
            />
          </Card>
        );
      })}
      {error && (
        <Alert color="red" title="The look back was not saved">
          {error}
        </Alert>
      )}
      {openActions.length > 0 && <ActionItems items={openActions} />}
      <Group gap="xs">
        <AiAssist
          feature="post_mortem_actions"
          label="Turn my notes into tasks with my model"
          title="Turn your look back into action items"
          text={() =>
            postMortemActionsPrompt(
              view.company,
              view.role,
              view.items.map((i) => ({
                title: i.title,
                rating: RATINGS.find((r) => r.value === value(i.key).rating)?.label ?? null,
                note: value(i.key).note.trim() || null,
              })),
            )
          }
          acceptLabel="Add these as tasks"
          acceptHint="Accepting adds each line as a small task, due in a week (change the dates after). Delete any line you do not want first."
          onAccept={(draft) =>
            createItems.mutateAsync({
              applicationId: rejection.applicationId,
              texts: listLines(draft, 8, 300),
              dueOn: dayjs().add(7, 'day').format('YYYY-MM-DD'),
            })
          }
        />
      </Group>
      <Group justify="space-between">
        <Button variant="subtle" color="gray" onClick={onNext}>
          {openActions.length > 0 || view.items.every((i) => i.rating)
            ? 'Continue'
            : 'Later, after the pause'}
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={rated.length === 0}>
          Save look back
        </Button>
      </Group>
    </Stack>
  );
}

function ActionItems({ items }: { items: ActionItem[] }) {
  const update = useUpdateActionItem();
  return (
    <Card withBorder padding="md" bg="var(--mantine-color-indigo-0)">
      <Text fw={600} mb="xs">
        Small next steps
      </Text>
      <Stack gap="xs">
        {items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" align="flex-end" data-testid="action-item">
            <Text size="sm" style={{ flex: 1 }}>
              {a.text}
            </Text>
            <DateInput
              aria-label={`Due date: ${a.text}`}
              valueFormat="ddd D MMM"
              value={a.dueOn}
              w={140}
              onChange={(d) => {
                if (!d) return;
                update.mutate(
                  { id: a.id, patch: { dueOn: dayjs(d).format('YYYY-MM-DD') } },
                  { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) },
                );
              }}
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
