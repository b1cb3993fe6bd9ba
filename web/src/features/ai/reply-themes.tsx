import { replyThemesPrompt } from '@core/ai/prompts.ts';
import type { FeedbackRequestView } from '@core/recovery/schemas.ts';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/hooks.ts';
import { AiAssist } from './ai-assist.tsx';
import { useReplySummary, useSaveReplySummary } from './api.ts';

/**
 * The themes of a feedback reply, kept beside the reply (shown above, word for word, and never
 * replaced). Written by the user's own model only when asked, and kept only when accepted.
 */
export function ReplyThemes({ request }: { request: FeedbackRequestView }) {
  const summary = useReplySummary(request.id);
  const save = useSaveReplySummary(request.id);
  const saved = summary.data?.summary ?? null;
  return (
    <Stack gap="xs" data-testid="reply-themes">
      {saved && (
        <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-body)">
          <Text size="xs" fw={600} c="dimmed" mb={2}>
            Themes (a summary you kept; their words above stay as they were)
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {saved}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="xs"
            c="dimmed"
            onClick={() =>
              save.mutate(null, {
                onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
              })
            }
          >
            Remove the summary
          </Anchor>
        </Paper>
      )}
      <Group gap="xs">
        <AiAssist
          feature="summarise_feedback_reply"
          label={saved ? 'Summarise again with my model' : 'Summarise into themes with my model'}
          title="Sum up their reply into themes"
          text={() => replyThemesPrompt(request.company, request.role, request.answer ?? '')}
          acceptLabel="Keep these themes"
          acceptHint="Accepting keeps this summary next to their reply. The reply itself is never changed."
          onAccept={(draft) => save.mutateAsync(draft)}
        />
      </Group>
    </Stack>
  );
}
