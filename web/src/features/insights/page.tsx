import '@mantine/charts/styles.css';
import './insights.css';
import { Group, Tabs, Text, Title } from '@mantine/core';
import { IconChartBar, IconClockHour4 } from '@tabler/icons-react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ChannelsPanel } from './channels-view.tsx';
import { InsightsOverview } from './overview.tsx';

/** `/insights` (the funnel and findings) and `/insights/channels` (time, plan and yields). */
export default function InsightsPage() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = pathname.replace(/\/+$/, '').endsWith('/channels') ? 'channels' : 'overview';

  return (
    <>
      <Group gap="sm" align="baseline" mb="sm">
        <Title order={2}>Insights</Title>
        <Text c="dimmed" size="sm">
          What your search history says, with honest ranges.
        </Text>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => navigate(v === 'channels' ? '/insights/channels' : '/insights')}
        mb="md"
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview" leftSection={<IconChartBar size={16} />}>
            Funnel and findings
          </Tabs.Tab>
          <Tabs.Tab value="channels" leftSection={<IconClockHour4 size={16} />}>
            Channels and time
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<InsightsOverview />} />
        <Route path="channels" element={<ChannelsPanel />} />
        <Route path="*" element={<InsightsOverview />} />
      </Routes>
    </>
  );
}
