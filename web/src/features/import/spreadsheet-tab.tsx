import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '@core/import/header-aliases.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { formatDate, OUTCOME_COLORS, outcomeLabel, stageLabel } from '../../lib/format.ts';
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
import { StageMappingCard } from './stage-mapping-card.tsx';

const SHOWN_ROWS = 50;
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
        <PreviewView
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

function PreviewView({
  preview,
  stageMap,
  busy,
  onRemap,
  onRestage,
  onCommit,
  onChooseDuplicate,
}: {
  preview: ImportPreview;
  stageMap: StageMap;
  busy: boolean;
  onRemap: (field: ImportField, value: string | null) => void;
  onRestage: (label: string, choice: StageChoice) => void;
  onCommit: (skipInvalid: boolean) => void;
  onChooseDuplicate: (line: number, action: DuplicateAction) => void;
}) {
  const { counts } = preview;
  const [allFields, setAllFields] = useState(false);
  // One row can have several problems; the buttons count rows.
  const badRows = new Set(preview.invalid.map((e) => e.line)).size;
  const fields = IMPORT_FIELDS.filter(
    (f) => allFields || preview.mapping.fields[f] !== undefined || preview.mapping.missing.includes(f),
  );
  const headerOptions = preview.mapping.headers.map((h, i) => ({
    value: String(i),
    label: h || `Column ${i + 1}`,
  }));
  return (
    <Stack gap="md" data-testid="import-preview">
      <Card padding="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Group gap="xs">
              <Title order={4}>{preview.filename}</Title>
              <Badge variant="light" color={preview.layout ? 'teal' : 'gray'}>
                {preview.layout ? `Recognised: ${preview.layout.name}` : 'Your own layout'}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {counts.rows} rows · {counts.toCreate} to add
              {counts.toMerge > 0 ? ` · ${counts.toMerge} to merge` : ''} · {counts.alreadyInRebound} already
              in Rebound
              {counts.duplicates > counts.alreadyInRebound
                ? ` · ${counts.duplicates - counts.alreadyInRebound} repeated in the file`
                : ''}{' '}
              · {badRows} Rebound cannot read
            </Text>
          </div>
          <Group gap="xs">
            {badRows > 0 && counts.toCreate > 0 && (
              <Button variant="light" color="orange" loading={busy} onClick={() => onCommit(true)}>
                Skip the {badRows} bad {badRows === 1 ? 'row' : 'rows'} and import the rest
              </Button>
            )}
            <Button
              leftSection={<IconCheck size={16} />}
              loading={busy}
              disabled={
                counts.toCreate + counts.toMerge === 0 || badRows > 0 || preview.mapping.missing.length > 0
              }
              onClick={() => onCommit(false)}
            >
              Import {counts.toCreate} {counts.toCreate === 1 ? 'application' : 'applications'}
              {counts.toMerge > 0 ? `, merge ${counts.toMerge}` : ''}
            </Button>
          </Group>
        </Group>
        {badRows > 0 && counts.toCreate > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            Importing everything at once needs every row readable. Fix the rows listed below and choose the
            file again, or skip them.
          </Text>
        )}
        {preview.mapping.missing.length > 0 && (
          <Alert color="orange" variant="light" mt="md">
            Rebound could not tell which column holds the{' '}
            {preview.mapping.missing.map((f) => IMPORT_FIELD_LABELS[f]).join(' and ')}. Choose it below.
          </Alert>
        )}
      </Card>

      {preview.toCreate.length > 0 && (
        <Card padding="lg">
          <Title order={5} mb="xs">
            Applications to add
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing={4} fz="sm" striped data-testid="rows-to-create">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Company</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Applied</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.toCreate.slice(0, SHOWN_ROWS).map((r) => (
                  <Table.Tr key={r.line} data-testid="preview-row">
                    <Table.Td c="dimmed">{r.line}</Table.Td>
                    <Table.Td>{r.company}</Table.Td>
                    <Table.Td>{r.role}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {stageLabel(r.stage)}
                        {r.outcome && (
                          <Badge size="xs" variant="light" color={OUTCOME_COLORS[r.outcome]}>
                            {outcomeLabel(r.outcome)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{r.appliedOn ? formatDate(r.appliedOn) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {preview.toCreate.length > SHOWN_ROWS && (
            <Text size="sm" c="dimmed" mt="xs">
              and {preview.toCreate.length - SHOWN_ROWS} more
            </Text>
          )}
        </Card>
      )}

      {preview.duplicates.some((d) => d.existing) && (
        <Card padding="lg">
          <Title order={5}>Already in Rebound?</Title>
          <Text size="sm" c="dimmed" mb="xs">
            These rows look like applications you already have (same company and role, applied within a few
            weeks). Merge fills in what yours leaves empty; nothing you wrote is replaced.
          </Text>
          <Stack gap="xs" data-testid="likely-duplicates">
            {preview.duplicates
              .filter((d) => d.existing)
              .slice(0, SHOWN_ROWS)
              .map((d) => (
                <Group
                  key={d.line}
                  justify="space-between"
                  gap="xs"
                  wrap="wrap"
                  data-testid="likely-duplicate"
                >
                  <Text size="sm" style={{ minWidth: 0, flex: '1 1 16rem' }}>
                    <Text span c="dimmed">
                      line {d.line}:
                    </Text>{' '}
                    {d.company} · {d.role}{' '}
                    <Text span c="dimmed">
                      — you have {d.existing!.company} · {d.existing!.role}
                      {d.existing!.appliedOn ? `, applied ${formatDate(d.existing!.appliedOn)}` : ''}
                    </Text>
                  </Text>
                  <SegmentedControl
                    size="xs"
                    aria-label={`What to do with line ${d.line}`}
                    value={d.action}
                    onChange={(v) => onChooseDuplicate(d.line, v as DuplicateAction)}
                    data={[
                      { value: 'merge', label: 'Merge' },
                      { value: 'skip', label: 'Skip' },
                      { value: 'keep', label: 'Keep both' },
                    ]}
                  />
                </Group>
              ))}
          </Stack>
        </Card>
      )}

      {preview.duplicates.some((d) => !d.existing) && (
        <Card padding="lg">
          <Title order={5} mb="xs">
            Skipped as duplicates ({preview.duplicates.filter((d) => !d.existing).length})
          </Title>
          <Stack gap={2} data-testid="duplicates">
            {preview.duplicates
              .filter((d) => !d.existing)
              .slice(0, SHOWN_ROWS)
              .map((d) => (
                <Text key={d.line} size="sm">
                  <Text span c="dimmed">
                    line {d.line}:
                  </Text>{' '}
                  {d.company} · {d.role} ({d.reason})
                </Text>
              ))}
          </Stack>
        </Card>
      )}

      {preview.invalid.length > 0 && (
        <Card padding="lg">
          <Title order={5} mb="xs">
            Rows Rebound cannot read ({badRows})
          </Title>
          <Stack gap={2} data-testid="invalid-rows">
            {preview.invalid.map((e) => (
              <Text key={`${e.line}-${e.message}`} size="sm">
                {e.message}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card padding="lg">
            <Title order={5} mb="xs">
              Columns
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Change a choice if Rebound guessed wrong; the preview updates.
            </Text>
            <Table verticalSpacing={4} fz="sm" data-testid="column-mapping">
              <Table.Tbody>
                {fields.map((field) => {
                  const current = preview.mapping.fields[field];
                  return (
                    <Table.Tr key={field}>
                      <Table.Td w={180}>{IMPORT_FIELD_LABELS[field]}</Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          aria-label={`Column for ${IMPORT_FIELD_LABELS[field]}`}
                          placeholder="Not imported"
                          clearable
                          disabled={busy}
                          data={headerOptions}
                          value={current ? String(current.index) : null}
                          onChange={(v) => onRemap(field, v)}
                          error={preview.mapping.missing.includes(field) ? 'needed' : undefined}
                        />
                      </Table.Td>
                      <Table.Td w={110}>
                        {current && current.confidence < 1 && (
                          <Text size="xs" c="dimmed">
                            a guess
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Anchor
              component="button"
              type="button"
              size="xs"
              mt="xs"
              onClick={() => setAllFields((v) => !v)}
            >
              {allFields ? 'Show only the columns in use' : 'Show every field Rebound can import'}
            </Anchor>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {preview.stageLabels.length > 0 && (
            <StageMappingCard
              labels={preview.stageLabels}
              stageMap={stageMap}
              busy={busy}
              onChange={onRestage}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
