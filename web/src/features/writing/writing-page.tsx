import { writingInputSchema } from '@core/writing/input.ts';
import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import { recoveryPath } from '../recovery/paths.ts';
import { useDeleteWriting, useDeleteWritingSession, useWrite, useWriting } from './api.ts';
import { useQuietTimer } from './quiet-timer.ts';

// The server's schema checks the writing first: the same limit on both sides.
const checkWriting = schemaValidator(writingInputSchema, { text: 'Your writing' });

/** `/today/recovery/:applicationId/write`: today's private writing session, with a quiet timer. */
export function WritingPage() {
  const { applicationId = '' } = useParams();
  const { data, isLoading, error } = useWriting(applicationId);
  const write = useWrite(applicationId);
  const removeAll = useDeleteWriting(applicationId);
  const removeOne = useDeleteWritingSession(applicationId);
  const [text, setText] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const [textError, setTextError] = useState<string | undefined>();
  const timer = useQuietTimer(data?.minutes ?? 20, text.length > 0);

  if (isLoading)
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  if (!data) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Alert
        color={missing ? 'gray' : 'red'}
        title={missing ? 'Nothing to write about here' : 'This did not load'}
        maw={640}
      >
        {errorMessage(error)}{' '}
        <Anchor component={Link} to="/today">
          Back to Today
        </Anchor>
      </Alert>
    );
  }

  const save = () => {
    const problem = checkWriting({ text }).text;
    setTextError(problem ? String(problem) : undefined);
    if (problem) return;
    write.mutate(
      { text },
      {
        onSuccess: (s) => {
          setText('');
          notifications.show({
            color: 'teal',
            message: s.continued
              ? 'Added to today’s session. Only you can read it.'
              : `Session ${s.number} saved. Only you can read it.`,
          });
        },
        onError: (err) =>
          notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) }),
      },
    );
  };

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={recoveryPath(applicationId)} size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> After {data.company}
        </Group>
      </Anchor>
      <div>
        <Title order={1} fz={28}>
          Writing it out
        </Title>
        <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
          <IconLock size={14} style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm" c="dimmed">
            Private: only you can read this. It is never shared, and stays out of backups unless you include
            it.
          </Text>
        </Group>
      </div>

      {data.next ? (
        <Card padding="lg" data-testid="writing-session">
          <Group justify="space-between" align="baseline" wrap="wrap">
            <Text size="sm" c="dimmed">
              Session {data.next.number} of {data.maxSessions}
              {data.next.continuing ? ', continuing today’s' : ''}
            </Text>
            <Text size="sm" c="dimmed" aria-live="off" data-testid="quiet-timer">
              {timer.over
                ? `${data.minutes} minutes are up. Stop whenever you like.`
                : timer.started
                  ? `${timer.left} left`
                  : `About ${data.minutes} minutes; the timer starts when you do.`}
            </Text>
          </Group>
          <Title order={3} mt="sm">
            {data.next.prompt.prompt}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {data.next.prompt.hint}
          </Text>
          <Textarea
            aria-label="Your writing"
            autosize
            minRows={10}
            maxRows={30}
            value={text}
            error={textError}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="space-between" mt="sm" wrap="wrap">
            <Text size="xs" c="dimmed">
              No word count, no score. Spelling and order do not matter.
            </Text>
            <Button onClick={save} loading={write.isPending} disabled={text.trim() === ''}>
              Save this session
            </Button>
          </Group>
        </Card>
      ) : (
        <Alert color="teal" variant="light" title="All five sessions are written">
          Thank you for giving this the time. You can read them below whenever you like, or delete them.
        </Alert>
      )}

      {data.sessions.length > 0 && (
        <Card padding="lg">
          <Title order={4} mb="xs">
            What you wrote
          </Title>
          <Accordion variant="separated" data-testid="writing-sessions">
            {data.sessions.map((s) => (
              <Accordion.Item key={s.id} value={s.id}>
                <Accordion.Control>
                  Session {s.number}, {formatDate(s.on)}: {s.prompt}
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.text}
                  </Text>
                  <Group justify="flex-end" mt="xs">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => removeOne.mutate(s.id)}
                    >
                      Delete this session
                    </Button>
                  </Group>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <Group justify="flex-end" mt="sm" gap="xs">
            {confirmAll ? (
              <>
                <Text size="sm">Delete all {data.sessions.length} sessions for good?</Text>
                <Button size="xs" variant="default" onClick={() => setConfirmAll(false)}>
                  Keep them
                </Button>
                <Button
                  size="xs"
                  color="red"
                  loading={removeAll.isPending}
                  onClick={() => removeAll.mutate(undefined, { onSuccess: () => setConfirmAll(false) })}
                >
                  Delete all
                </Button>
              </>
            ) : (
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmAll(true)}>
                Delete everything written here
              </Button>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
