import { Stack, Tabs, Text, Title } from '@mantine/core';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ConnectionsTab } from '../referrals/connections-tab.tsx';
import { EmailTab } from './email-tab.tsx';
import { ExportTab } from './export-tab.tsx';
import { JobPageTab } from './job-page-tab.tsx';
import { SpreadsheetTab } from './spreadsheet-tab.tsx';

const TABS = [
  { path: '', label: 'Spreadsheet' },
  { path: 'job-page', label: 'Job page' },
  { path: 'email', label: 'E-mail' },
  { path: 'connections', label: 'Connections' },
  { path: 'export', label: 'Export and backup' },
] as const;

/** Getting data in and out: trackers, job pages, e-mail, downloads and restore. */
export default function ImportPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const sub = pathname.replace(/^\/import\/?/, '').split('/')[0] ?? '';
  const current = TABS.some((t) => t.path === sub) ? sub : '';

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={2}>Import and export</Title>
        <Text c="dimmed" size="sm">
          Bring in what you tracked elsewhere, and take everything with you whenever you like.
        </Text>
      </div>
      <Tabs
        value={current || 'spreadsheet'}
        onChange={(v) => navigate(v === 'spreadsheet' ? '/import' : `/import/${v}`)}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.label} value={t.path || 'spreadsheet'}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<SpreadsheetTab />} />
        <Route path="job-page" element={<JobPageTab />} />
        <Route path="email" element={<EmailTab />} />
        <Route path="connections" element={<ConnectionsTab />} />
        <Route path="export" element={<ExportTab />} />
        <Route path="*" element={<SpreadsheetTab />} />
      </Routes>
    </Stack>
  );
}
