import type { ImportField } from '@core/import/header-aliases.ts';
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { readFileBase64 } from '../skills/http.ts';
import {
  type DuplicateAction,
  type DuplicateActions,
  type FilePayload,
  type Busy as ImportBusy,
  type ImportPreview,
  type ImportReport,
  importApi,
  type MappingOverride,
  type StageChoice,
  type StageMap,
  workBusy,
} from './api.ts';
import { FileDrop } from './file-drop.tsx';
import { ReportCard } from './report-card.tsx';
import { SpreadsheetPreview } from './spreadsheet-preview.tsx';

type Busy = ImportBusy | null;

/** CSV/xlsx import: choose a file, check the preview, correct the columns, then import. */
export function SpreadsheetTab() {
  const qc = useQueryClient();
  const [file, setFile] = useState<FilePayload | null>(null);
  const [mapping, setMapping] = useState<MappingOverride>({});
  const [stageMap, setStageMap] = useState<StageMap>({});
  const [duplicateActions, setDuplicateActions] = useState<DuplicateActions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(
    payload: FilePayload,
    override: MappingOverride,
    stages: StageMap,
    choices: DuplicateActions = duplicateActions,
  ) {
    setError(null);
    setBusy({ text: `Reading ${payload.filename}…`, fraction: 0 });
    try {
      const result = await importApi.preview(
        payload,
        override,
        stages,
        (f) =>
          setBusy({
            text: f < 1 ? `Sending ${payload.filename}…` : `Reading ${payload.filename}…`,
            fraction: f < 1 ? f : null,
          }),
        choices,
        (work) => setBusy(workBusy(work, payload.filename, 'rows', 'Reading')),
      );
      setPreview(result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function choose(chosen: File) {
    setReport(null);
    setPreview(null);
    setMapping({});
    setStageMap({});
    setDuplicateActions({});
    setError(null);
    try {
      setBusy({ text: `Opening ${chosen.name}…`, fraction: 0 });
      const contentBase64 = await readFileBase64(chosen, (f) =>
        setBusy({ text: `Opening ${chosen.name}…`, fraction: f }),
      );
      const payload = { filename: chosen.name, contentBase64 };
      setFile(payload);
      await load(payload, {}, {}, {});
    } catch (err) {
      setBusy(null);
      setError(err instanceof Error ? err.message : errorMessage(err));
    }
  }

  function remap(field: ImportField, value: string | null) {
    if (!file) return;
    const next = { ...mapping, [field]: value === null || value === '' ? null : Number(value) };
    setMapping(next);
    void load(file, next, stageMap);
  }

  function restage(label: string, choice: StageChoice) {
    if (!file) return;
    const next = { ...stageMap, [label]: choice };
    setStageMap(next);
    void load(file, mapping, next);
  }

  function chooseDuplicate(line: number, action: DuplicateAction) {
    if (!file) return;
    const next = { ...duplicateActions, [String(line)]: action };
    setDuplicateActions(next);
    void load(file, mapping, stageMap, next);
  }

  async function commit(skipInvalid: boolean) {
    if (!file || !preview) return;
    setError(null);
    setBusy({ text: `Importing ${preview.counts.toCreate} applications…`, fraction: 0 });
    try {
      const result = await importApi.commit(
        file,
        mapping,
        stageMap,
        skipInvalid,
        (f) =>
          setBusy({ text: `Importing ${preview.counts.toCreate} applications…`, fraction: f < 1 ? f : null }),
        duplicateActions,
        (work) => setBusy(workBusy(work, file.filename, 'rows', 'Saving applications')),
      );
      setReport(result);
      setPreview(null);
      await qc.invalidateQueries({ queryKey: ['applications'] });
      notifications.show({
        color: 'teal',
        title: 'Imported',
        message: `${result.created} applications are on your board${result.merged > 0 ? `; ${result.merged} merged into ones you had` : ''}.`,
      });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  if (report) return <ReportCard report={report} onAgain={() => setReport(null)} />;

  return (
    <Stack gap="md">
      <Card padding="lg">
        <Title order={4}>Bring in a tracker or spreadsheet</Title>
        <Text size="sm" c="dimmed" mb="md">
          A CSV or Excel file from LinkedIn, Huntr, Teal, a job-search template or a sheet of your own. You
          will see exactly what Rebound makes of it before anything is saved.
        </Text>
        <FileDrop
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={
            file && preview
              ? `${file.filename} · choose another file to start over`
              : 'Drop a .csv or .xlsx file here, or'
          }
          busy={busy}
          onFile={choose}
        />
        {error && (
          <Alert color="red" variant="light" role="alert" mt="md" title="Nothing was imported">
            {error}
          </Alert>
        )}
      </Card>
      {preview && (
        <SpreadsheetPreview
          preview={preview}
          stageMap={stageMap}
          busy={busy !== null}
          onRemap={remap}
          onRestage={restage}
          onCommit={commit}
          onChooseDuplicate={chooseDuplicate}
        />
      )}
    </Stack>
  );
}
