import type { SettingsView } from '@core/applications/schemas.ts';
import { bookmarkletSource } from '@core/clipper/bookmarklet.ts';
import { EXTENSION_ORIGIN } from '@core/clipper/origins.ts';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { request } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';

/** A short name for a paired extension: its browser and the start of its id. */
function describeOrigin(origin: string): string {
  const [scheme, id] = origin.split('://');
  return `${scheme === 'moz-extension' ? 'Firefox' : 'Chromium'} clipper ${id?.slice(0, 8) ?? ''}…`;
}

/**
 * Settings, "Save jobs from your browser": the clipper extension (pairing asked for by its
 * Pair button, which opens this page with `?pair=<its origin>`; the paired list with Remove) and
 * the bookmarklet for browsers without the extension.
 */
export function BrowserClipperCard({ settings }: { settings: SettingsView }) {
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const asked = params.get('pair');
  const pairing = asked !== null && EXTENSION_ORIGIN.test(asked) && !settings.clipperOrigins.includes(asked);
  const bookmarklet = bookmarkletSource(window.location.origin);

  const save = useMutation({
    mutationFn: (clipperOrigins: string[]) =>
      request<SettingsView>('PATCH', '/api/v1/settings', { clipperOrigins }),
    onSuccess: (saved, origins) => {
      qc.setQueryData(['settings'], saved);
      setParams({}, { replace: true });
      const paired = origins.length > settings.clipperOrigins.length;
      notifications.show({
        color: 'teal',
        message: paired
          ? 'Paired. The clipper can now save jobs here.'
          : 'Removed. That clipper can no longer save here.',
      });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
  });

  return (
    <Card padding="lg" withBorder id="clipper">
      <Stack gap="md">
        <div>
          <Title order={3}>Save jobs from your browser</Title>
          <Text size="sm" c="dimmed">
            Save the job on the page you are reading, even on sites that need you signed in, with the Rebound
            clipper extension or a bookmarklet.
          </Text>
        </div>
        {pairing && (
          <Alert color="blue" title="Pair this browser's clipper?">
            <Text size="sm" mb="sm">
              A Rebound clipper extension ({asked}) asks to save jobs here. Allow it only if you just clicked
              “Pair with Rebound” in the clipper. It will be able to read job pages and add applications,
              nothing else.
            </Text>
            <Group>
              <Button
                onClick={() => save.mutate([...settings.clipperOrigins, asked])}
                loading={save.isPending}
              >
                Allow this clipper
              </Button>
              <Button variant="default" onClick={() => setParams({}, { replace: true })}>
                Not now
              </Button>
            </Group>
          </Alert>
        )}
        <div>
          <Text fw={600} size="sm">
            The clipper extension (Chromium, Chrome, Edge, Firefox)
          </Text>
          <List size="sm" type="ordered" spacing={4} mt={4}>
            <List.Item>
              Build it with <code>npm run build:extension</code> and load <code>dist/extension/chromium</code>{' '}
              (or <code>firefox</code>) as an unpacked extension; the README says how.
            </List.Item>
            <List.Item>In the clipper's options, click “Pair with Rebound”, then allow it here.</List.Item>
            <List.Item>
              On a job page, click the Rebound button (or Alt+Shift+S), check the fields, save.
            </List.Item>
          </List>
          {settings.clipperOrigins.length > 0 ? (
            <Stack gap={4} mt="sm" data-testid="paired-clippers">
              {settings.clipperOrigins.map((origin) => (
                <Group key={origin} justify="space-between" wrap="nowrap">
                  <Text size="sm" title={origin}>
                    {describeOrigin(origin)}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => save.mutate(settings.clipperOrigins.filter((o) => o !== origin))}
                  >
                    Remove
                  </Button>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="sm">
              No clipper is paired yet.
            </Text>
          )}
        </div>
        <div>
          <Text fw={600} size="sm">
            The bookmarklet (any browser)
          </Text>
          <Text size="sm" mt={4}>
            Drag this button to your bookmarks bar. On a job page, click the bookmark: Rebound opens a small
            window with what it found, for you to check and save.
          </Text>
          <Group mt="sm">
            <Anchor
              // React refuses javascript: links in JSX; the bookmarklet is one, so it is set on the element.
              ref={(el: HTMLAnchorElement | null) => el?.setAttribute('href', bookmarklet)}
              onClick={(e) => {
                e.preventDefault();
                notifications.show({
                  message: 'Drag the button to your bookmarks bar, then use it on a job page.',
                });
              }}
              data-testid="bookmarklet"
              style={{
                padding: '6px 12px',
                border: '1px dashed var(--mantine-color-blue-5)',
                borderRadius: 6,
              }}
            >
              Save to Rebound
            </Anchor>
            <CopyButton value={bookmarklet}>
              {({ copied, copy }) => (
                <Button variant="default" size="compact-sm" onClick={copy}>
                  {copied ? 'Copied' : 'Copy the bookmarklet'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            On a phone, or where dragging does not work: copy it, add any bookmark, and paste it as the
            bookmark's address. Your browser may ask you to allow pop-up windows for the job site the first
            time.
          </Text>
        </div>
      </Stack>
    </Card>
  );
}
