import { jobPageSchema } from '@core/import/input.ts';
import { Alert, Box, Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { type SyntheticEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { importApi, type JobPageResult } from './api.ts';

// The server's schema checks the address or page first: the same limits on both sides.
const checkJobPage = schemaValidator(jobPageSchema, { url: 'The address', html: 'The page HTML' });

/**
 * A URL or pasted page HTML in, the job's fields out (nothing is saved). `compact` sits inside
 * another form (the add-application dialog), so it renders no <form> of its own.
 */
export function JobPageReader({
  onRead,
  compact = false,
}: {
  onRead: (result: JobPageResult) => void;
  compact?: boolean;
}) {
  const [mode, setMode] = useState<'url' | 'html'>('url');
  const [url, setUrl] = useState('');
  const [html, setHtml] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  async function read(e: SyntheticEvent) {
    e.preventDefault();
    e.stopPropagation();
    setError(null);
    const value = mode === 'url' ? url.trim() : html;
    if (!value.trim()) {
      setError({
        field: mode,
        message: mode === 'url' ? 'Paste the address of the job page.' : 'Paste the page HTML.',
      });
      return;
    }
    const body = mode === 'url' ? { url: value } : { html: value };
    const problem = checkJobPage(body)[mode];
    if (problem) {
      setError({ field: mode, message: String(problem) });
      return;
    }
    setBusy(true);
    try {
      onRead(await importApi.jobPage(body));
    } catch (err) {
      const field = err instanceof ApiError ? Object.keys(err.fieldErrors())[0] : undefined;
      setError({ field, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error && error.field === name ? error.message : undefined);
  const general = error && error.field !== mode ? error.message : null;
  return (
    <Box component={compact ? 'div' : 'form'} onSubmit={compact ? undefined : read} noValidate={!compact}>
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          data={[
            { value: 'url', label: 'Web address' },
            { value: 'html', label: 'Page HTML' },
          ]}
          value={mode}
          onChange={(v) => {
            setMode(v as 'url' | 'html');
            setError(null);
          }}
          w={compact ? 220 : 260}
        />
        {mode === 'url' ? (
          <TextInput
            label="Job page address"
            placeholder="https://"
            type="url"
            value={url}
            error={fieldError('url')}
            onChange={(e) => setUrl(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (compact && e.key === 'Enter') void read(e);
            }}
          />
        ) : (
          <Textarea
            label="Job page HTML"
            description="In your browser: right-click the page, View source, select all, copy, paste here."
            autosize
            minRows={compact ? 3 : 5}
            maxRows={10}
            value={html}
            error={fieldError('html')}
            onChange={(e) => setHtml(e.currentTarget.value)}
          />
        )}
        {general && (
          <Alert color="orange" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            type={compact ? 'button' : 'submit'}
            variant="light"
            loading={busy}
            onClick={compact ? read : undefined}
          >
            Read the page
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
