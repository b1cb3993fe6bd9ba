import {
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from '@core/applications/application.ts';
import { Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreview, StageChoice, StageMap } from './api.ts';

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));
const STILL_OPEN = 'open';
const OUTCOME_OPTIONS = [
  { value: STILL_OPEN, label: 'Still open' },
  ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
];

/**
 * The file's status labels beside how Rebound reads them, each with a choice of stage (and of how
 * it ended, when it did), so a typo or a private word can be read the user's way.
 */
export function StageMappingCard({
  labels,
  stageMap,
  busy,
  onChange,
}: {
  labels: ImportPreview['stageLabels'];
  stageMap: StageMap;
  busy: boolean;
  onChange: (label: string, choice: StageChoice) => void;
}) {
  return (
    <Card padding="lg">
      <Title order={5} mb="xs">
        Statuses
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        How each status in your file will read in Rebound. Change one if it reads wrong; the preview updates.
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="stage-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>In your file</Table.Th>
            <Table.Th>In Rebound</Table.Th>
            <Table.Th>Rows</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {labels.map((s) => (
            <StageRow
              key={s.label}
              label={s}
              chosen={s.label in stageMap}
              busy={busy}
              onChange={(choice) => onChange(s.label, choice)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function StageRow({
  label,
  chosen,
  busy,
  onChange,
}: {
  label: ImportPreview['stageLabels'][number];
  chosen: boolean;
  busy: boolean;
  onChange: (choice: StageChoice) => void;
}) {
  const { stage, outcome } = label;
  // An accepted offer has no other ending; every other stage can end in one.
  const canEnd = stage !== null && stage !== 'accepted';
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm">{label.label}</Text>
          {chosen && (
            <Badge size="xs" variant="light" color="gray">
              your choice
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Select
            size="xs"
            w={130}
            aria-label={`Stage for "${label.label}"`}
            placeholder="Choose…"
            disabled={busy}
            data={STAGE_OPTIONS}
            value={stage}
            allowDeselect={false}
            error={stage === null ? 'not understood' : undefined}
            onChange={(v) =>
              v && onChange({ stage: v as Stage, outcome: v === 'accepted' ? null : (outcome ?? null) })
            }
          />
          {canEnd && (
            <Select
              size="xs"
              w={120}
              aria-label={`How "${label.label}" ended`}
              disabled={busy}
              data={OUTCOME_OPTIONS}
              value={outcome ?? STILL_OPEN}
              allowDeselect={false}
              onChange={(v) => v && onChange({ stage, outcome: v === STILL_OPEN ? null : (v as Outcome) })}
            />
          )}
        </Group>
      </Table.Td>
      <Table.Td>{label.rows}</Table.Td>
    </Table.Tr>
  );
}
