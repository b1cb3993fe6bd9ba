import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '@core/import/header-aliases.ts';
import { Anchor, Card, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview } from './api.ts';

/** Which column holds each field: Rebound's guess, changed by choosing another column. */
export function ColumnMappingCard({
  preview,
  busy,
  onRemap,
}: {
  preview: ImportPreview;
  busy: boolean;
  onRemap: (field: ImportField, value: string | null) => void;
}) {
  const [allFields, setAllFields] = useState(false);
  const fields = IMPORT_FIELDS.filter(
    (f) => allFields || preview.mapping.fields[f] !== undefined || preview.mapping.missing.includes(f),
  );
  const headerOptions = preview.mapping.headers.map((h, i) => ({
    value: String(i),
    label: h || `Column ${i + 1}`,
  }));
  return (
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
      <Anchor component="button" type="button" size="xs" mt="xs" onClick={() => setAllFields((v) => !v)}>
        {allFields ? 'Show only the columns in use' : 'Show every field Rebound can import'}
      </Anchor>
    </Card>
  );
}
