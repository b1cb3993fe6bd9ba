import { IMPORT_FIELD_LABELS, type ImportField } from '@core/import/header-aliases.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { formatDate, OUTCOME_COLORS, outcomeLabel, stageLabel } from '../../lib/format.ts';
import type { DuplicateAction, ImportPreview, StageChoice, StageMap } from './api.ts';
import { ColumnMappingCard } from './column-mapping-card.tsx';
import { StageMappingCard } from './stage-mapping-card.tsx';

const SHOWN_ROWS = 50;

/** A spreadsheet import before it is made: what would be added, merged and skipped, and why; the column and status choices. */
export function SpreadsheetPreview({
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
  // One row can have several problems; the buttons count rows.
  const badRows = new Set(preview.invalid.map((e) => e.line)).size;
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
            {/* With bad rows, skipping them is the one way on: no second, disabled button beside it. */}
            {!(badRows > 0 && counts.toCreate > 0) && (
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
            )}
          </Group>
        </Group>
        {badRows > 0 && counts.toCreate > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            To import every row, fix the rows listed below and choose the file again; or skip them now.
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
            Rows Rebound cannot read ({badRows}
            {preview.invalid.length > badRows ? `, with ${preview.invalid.length} problems` : ''})
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
          <ColumnMappingCard preview={preview} busy={busy} onRemap={onRemap} />
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
