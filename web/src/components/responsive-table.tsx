import { Box, Card, Group, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  /** The column's heading; an empty one (a row's action) stands on its own at the end of a box. */
  label: string;
  cell: (item: T) => ReactNode;
  /** Keep the cell on one line in the table (dates, times). */
  nowrap?: boolean;
}

/**
 * A list as a table on a wide screen, and as a stack of small boxes on a phone (each box a row,
 * each line a column with its heading), where a table of several columns would be cut off.
 * Only one of the two is rendered, so tests and screen readers meet each row once.
 */
export function ResponsiveTable<T>({
  items,
  columns,
  rowKey,
  minWidth = 520,
  testId,
  mt,
}: {
  items: readonly T[];
  columns: Column<T>[];
  rowKey: (item: T) => string;
  minWidth?: number;
  testId?: string;
  mt?: string;
}) {
  const theme = useMantineTheme();
  const narrow = useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 0.1px))`, false, {
    getInitialValueInEffect: false,
  });
  if (narrow) {
    const labelled = columns.filter((c) => c.label);
    const actions = columns.filter((c) => !c.label);
    return (
      <Stack gap="xs" mt={mt} data-testid={testId}>
        {items.map((item) => (
          <Card key={rowKey(item)} withBorder padding="sm">
            <Stack gap={4}>
              {labelled.map((c) => (
                <Group key={c.label} gap="xs" wrap="nowrap" align="baseline">
                  <Text size="xs" c="dimmed" w={88} style={{ flexShrink: 0 }}>
                    {c.label}
                  </Text>
                  <Box fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {c.cell(item)}
                  </Box>
                </Group>
              ))}
              {actions.length > 0 && (
                <Group justify="flex-end" gap="xs">
                  {actions.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: action columns have no heading to key by
                    <Box key={i}>{c.cell(item)}</Box>
                  ))}
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={minWidth} mt={mt}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an action column has an empty heading
              <Table.Th key={i}>{c.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)}>
              {columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for a table's life
                <Table.Td key={i} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
