import {
  APPLICATION_KIND_LABELS,
  APPLICATION_KINDS,
  type ApplicationKind,
  CHANNELS,
  type Channel,
  STAGES,
  type Stage,
  WORK_MODES,
  type WorkMode,
} from '@core/applications/application.ts';
import { type ApplicationInputBody as ApplicationInput, LIMITS } from '@core/applications/input.ts';
import {
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Rating,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { JobPageResult } from '../features/import/api.ts';
import { JobPageFill } from '../features/import/job-page-fill.tsx';
import { JobScoreHint } from '../features/skills/job-score-hint.tsx';
import { channelLabel, stageLabel, WORK_MODE_LABELS } from '../lib/format.ts';
import { toInput, validators } from './application-form-input.ts';
import { DateField } from './date-field.tsx';
import type { FormValues } from './empty-form.ts';

interface Props {
  initial: FormValues;
  mode: 'create' | 'edit';
  submitLabel: string;
  onSubmit: (input: ApplicationInput) => Promise<unknown>;
  onCancel?: () => void;
  /** Told whether the form holds changes not yet saved, so its dialog can ask before closing. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The add/edit form. It checks the values with the core's schemas before sending (the same
 * limits as the server), and shows any refusal from the server's `details` under each field.
 */
export function ApplicationForm({ initial, mode, submitLabel, onSubmit, onCancel, onDirtyChange }: Props) {
  const [values, setValues] = useState<FormValues>(initial);
  useEffect(() => {
    onDirtyChange?.(JSON.stringify(values) !== JSON.stringify(initial));
  }, [values, initial, onDirtyChange]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  /** Fills the fields a job page gave, leaving what the person already typed. */
  const fillFromJobPage = (f: JobPageResult['fields']) =>
    setValues((v) => ({
      ...v,
      company: v.company || f.company || '',
      role: v.role || f.role || '',
      channel: f.channel ?? v.channel,
      jobUrl: v.jobUrl || f.jobUrl || '',
      location: v.location || f.location || '',
      workMode: v.workMode ?? f.workMode ?? null,
      salaryMin: v.salaryMin === '' ? (f.salaryMin ?? '') : v.salaryMin,
      salaryMax: v.salaryMax === '' ? (f.salaryMax ?? '') : v.salaryMax,
      salaryCurrency: v.salaryCurrency || f.salaryCurrency || '',
      jobDescription: v.jobDescription || f.jobDescription || '',
    }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(values, mode);
    const local = validators[mode](input) as Record<string, string>;
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        setFormError(error.details.length > 0 ? 'Please check the highlighted fields.' : error.message);
      } else {
        setFormError('Something went wrong. Please try again.');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {mode === 'create' && <JobPageFill onFill={fillFromJobPage} />}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Company"
              maxLength={LIMITS.company}
              required
              data-autofocus
              value={values.company}
              error={errors.company}
              onChange={(e) => set('company', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Role"
              maxLength={LIMITS.role}
              required
              value={values.role}
              error={errors.role}
              onChange={(e) => set('role', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: mode === 'create' ? 4 : 6 }}>
            <Select
              label="Channel"
              description="How you found or reached them"
              data={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
              value={values.channel}
              error={errors.channel}
              allowDeselect={false}
              onChange={(v) => v && set('channel', v as Channel)}
            />
          </Grid.Col>
          {mode === 'create' && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Stage"
                description="Where it stands today"
                data={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
                value={values.stage}
                error={errors.stage}
                allowDeselect={false}
                onChange={(v) => v && set('stage', v as Stage)}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: mode === 'create' ? 4 : 6 }}>
            <DateField
              label="Applied on"
              description="Leave empty if not sent yet"
              notInFuture
              clearable
              value={values.appliedOn}
              error={errors.appliedOn}
              onChange={(v) => set('appliedOn', v)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label="Job posting URL"
              maxLength={LIMITS.url}
              type="url"
              placeholder="https://"
              value={values.jobUrl}
              error={errors.jobUrl}
              onChange={(e) => set('jobUrl', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label="Website"
              description="The company's own domain (example.com), so Rebound recognises its e-mail"
              maxLength={LIMITS.url}
              placeholder="example.com"
              value={values.website}
              error={errors.website}
              onChange={(e) => set('website', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Location"
              maxLength={LIMITS.location}
              value={values.location}
              error={errors.location}
              onChange={(e) => set('location', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label="Work mode"
              clearable
              data={WORK_MODES.map((m) => ({ value: m, label: WORK_MODE_LABELS[m] }))}
              value={values.workMode}
              error={errors.workMode}
              onChange={(v) => set('workMode', (v as WorkMode | null) ?? null)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label="Type of work"
              data={APPLICATION_KINDS.map((k) => ({ value: k, label: APPLICATION_KIND_LABELS[k] }))}
              value={values.kind}
              error={errors.kind}
              allowDeselect={false}
              onChange={(v) => v && set('kind', v as ApplicationKind)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label="Salary from"
              min={0}
              thousandSeparator=","
              value={values.salaryMin}
              error={errors.salaryMin}
              onChange={(v) => set('salaryMin', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label="Salary to"
              min={0}
              thousandSeparator=","
              value={values.salaryMax}
              error={errors.salaryMax}
              onChange={(v) => set('salaryMax', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Currency"
              placeholder="EUR"
              maxLength={3}
              value={values.salaryCurrency}
              error={errors.salaryCurrency}
              onChange={(e) => set('salaryCurrency', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput
              label="Tags"
              placeholder="Type a tag and press Enter"
              value={values.tags}
              error={errors.tags}
              onChange={(v) => set('tags', v)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Job description"
              maxLength={LIMITS.jobDescription}
              description="Paste it here so it is still around if the posting comes down"
              autosize
              minRows={3}
              maxRows={10}
              value={values.jobDescription}
              error={errors.jobDescription}
              onChange={(e) => set('jobDescription', e.currentTarget.value)}
            />
            <JobScoreHint text={values.jobDescription} />
          </Grid.Col>
          {mode === 'edit' && (
            <>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Résumé version"
                  maxLength={LIMITS.shortText}
                  value={values.resumeVersion}
                  error={errors.resumeVersion}
                  onChange={(e) => set('resumeVersion', e.currentTarget.value)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Cover letter version"
                  maxLength={LIMITS.shortText}
                  value={values.coverLetterVersion}
                  error={errors.coverLetterVersion}
                  onChange={(e) => set('coverLetterVersion', e.currentTarget.value)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6 }}>
                <Text size="sm" fw={500}>
                  Priority
                </Text>
                <Rating value={values.priority} onChange={(v) => set('priority', v)} aria-label="Priority" />
              </Grid.Col>
              <Grid.Col span={{ base: 6 }}>
                <Text size="sm" fw={500}>
                  Excitement
                </Text>
                <Rating
                  value={values.excitement}
                  onChange={(v) => set('excitement', v)}
                  aria-label="Excitement"
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label="Notes"
                  maxLength={LIMITS.notes}
                  autosize
                  minRows={2}
                  maxRows={8}
                  value={values.notes}
                  error={errors.notes}
                  onChange={(e) => set('notes', e.currentTarget.value)}
                />
              </Grid.Col>
            </>
          )}
        </Grid>
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
