import type { InsightsQuery } from '@core/insights/input.ts';
import { Alert, Center, Grid, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { ChannelYieldCard, ResponseTimesCard } from '../referrals/insights-cards.tsx';
import { useInsights } from './api.ts';
import { InsightsFilters } from './filters.tsx';
import { FindingsCard } from './findings-card.tsx';
import { FunnelCard } from './funnel-card.tsx';
import { ClosedCard, ComparisonCard, TimingCard } from './stats-cards.tsx';

/** The funnel, where rejections happen, timing, findings and the recent comparison, filtered. */
export function InsightsOverview() {
  const [query, setQuery] = useState<InsightsQuery>({});
  const { data, isLoading, error, isFetching } = useInsights(query);

  return (
    <Stack gap="md">
      <InsightsFilters value={query} onChange={setQuery} />
      {isLoading ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : error || !data ? (
        <Alert color="red" title="Insights could not load">
          {errorMessage(error)}
        </Alert>
      ) : (
        <Grid gap="md" style={{ opacity: isFetching ? 0.7 : 1, transition: 'opacity 120ms' }}>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <FunnelCard data={data} />
              <ClosedCard data={data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <FindingsCard findings={data.findings} />
              <TimingCard data={data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={12}>
            <ComparisonCard data={data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ResponseTimesCard data={data.responseTimes} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ChannelYieldCard data={data.referrals} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Text size="xs" c="dimmed">
              Counted from each application’s history: an application that reached an interview and then heard
              no still counts as reaching the interview.
            </Text>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
