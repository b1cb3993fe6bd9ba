import type { DueItemKind } from '@core/today/due-item.ts';
import { Anchor, Button, Card, Flex, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBriefcase,
  IconCalendarEvent,
  IconCheck,
  IconChecklist,
  IconCopy,
  IconHourglassLow,
  IconMail,
  IconMailForward,
  IconMoonStars,
  IconUsers,
} from '@tabler/icons-react';
import { type ComponentType, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { FeedbackAnswerModal } from '../recovery/feedback-answer.tsx';
import { formatDay, formatWhen } from '../recovery/format.ts';
import { recoveryPath } from '../recovery/paths.ts';
import { type TodayItem, useCompleteItem } from './api.ts';

const KIND: Record<DueItemKind, { icon: ComponentType<{ size?: number }>; color: string }> = {
  cool_off_end: { icon: IconMoonStars, color: 'indigo' },
  feedback_send: { icon: IconMail, color: 'blue' },
  feedback_chase: { icon: IconMailForward, color: 'cyan' },
  post_mortem: { icon: IconChecklist, color: 'violet' },
  action_item: { icon: IconCheck, color: 'teal' },
  contact_touch: { icon: IconUsers, color: 'grape' },
  likely_ghosted: { icon: IconHourglassLow, color: 'yellow' },
  interview: { icon: IconCalendarEvent, color: 'orange' },
};

const DONE_MESSAGES: Partial<Record<DueItemKind, string>> = {
  feedback_send: 'Marked as sent. Asking was the brave part.',
  feedback_chase: 'Let go. No reply is common and says nothing about you.',
  action_item: 'Done. One small step at a time.',
  contact_touch: 'Noted. The next touch is planned for later.',
  likely_ghosted: 'Closed as no reply. If they write back, you can reopen it.',
};

function when(item: TodayItem): string {
  const timed = /T/.test(item.dueAt);
  if (item.kind === 'interview' && timed) return formatWhen(item.dueAt);
  return timed ? formatWhen(item.dueAt) : formatDay(item.dueAt);
}

/** One due thing, with the one click (or short form) that completes it. */
export function TodayItemCard({ item }: { item: TodayItem }) {
  const complete = useCompleteItem();
  const [answering, setAnswering] = useState(false);
  const { icon: Icon, color } = KIND[item.kind];

  function run() {
    if (!item.complete) return;
    complete.mutate(item.complete, {
      onSuccess: () => notifications.show({ color: 'teal', message: DONE_MESSAGES[item.kind] ?? 'Done.' }),
      onError: (e) =>
        notifications.show({ color: 'red', title: 'That did not go through', message: errorMessage(e) }),
    });
  }
  const doneButton = (label?: string) =>
    item.complete && (
      <Button size="xs" onClick={run} loading={complete.isPending}>
        {label ?? item.complete.label}
      </Button>
    );
  const appId = item.applicationId;

  let actions: ReactNode = null;
  switch (item.kind) {
    case 'feedback_send':
      actions = (
        <>
          {appId && (
            <Button size="xs" variant="default" component={Link} to={recoveryPath(appId, 'feedback')}>
              Open the draft
            </Button>
          )}
          {doneButton('Mark sent')}
        </>
      );
      break;
    case 'feedback_chase':
      actions = (
        <>
          <Button size="xs" variant="default" onClick={() => setAnswering(true)}>
            They answered…
          </Button>
          {doneButton()}
        </>
      );
      break;
    case 'post_mortem':
      actions = appId && (
        <Button size="xs" component={Link} to={recoveryPath(appId, 'look-back')}>
          Fill in the look back
        </Button>
      );
      break;
    case 'cool_off_end':
      actions = appId && (
        <Button size="xs" variant="default" component={Link} to={recoveryPath(appId, 'pause')}>
          Write a few lines
        </Button>
      );
      break;
    case 'contact_touch':
      actions = (
        <>
          {item.detail && (
            <CopyButton value={item.detail}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy the note'}
                </Button>
              )}
            </CopyButton>
          )}
          {doneButton('Done')}
        </>
      );
      break;
    case 'interview':
      actions = appId && (
        <Button size="xs" variant="default" component={Link} to={`/applications/${appId}`}>
          Open
        </Button>
      );
      break;
    default:
      actions = doneButton();
  }

  return (
    <Card withBorder padding="sm" radius="md" data-testid="today-item">
      <Flex direction={{ base: 'column', xs: 'row' }} align={{ base: 'stretch', xs: 'flex-start' }} gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <ThemeIcon variant="light" color={color} size="lg" radius="md">
            <Icon size={18} />
          </ThemeIcon>
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={500}>{item.title}</Text>
            {item.detail && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {item.detail}
              </Text>
            )}
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {when(item)}
              </Text>
              {appId && item.kind !== 'interview' && (
                <Anchor component={Link} to={`/applications/${appId}`} size="xs">
                  <Group gap={2}>
                    <IconBriefcase size={12} /> application
                  </Group>
                </Anchor>
              )}
              {item.contactId && (
                <Anchor component={Link} to={`/contacts?id=${encodeURIComponent(item.contactId)}`} size="xs">
                  contact
                </Anchor>
              )}
            </Group>
          </Stack>
        </Group>
        <Group
          gap="xs"
          justify="flex-end"
          wrap="wrap"
          maw={{ base: '100%', xs: '45%' }}
          style={{ flexShrink: 0 }}
        >
          {actions}
        </Group>
      </Flex>
      {item.kind === 'feedback_chase' && item.refId && (
        <FeedbackAnswerModal feedbackId={item.refId} opened={answering} onClose={() => setAnswering(false)} />
      )}
    </Card>
  );
}
