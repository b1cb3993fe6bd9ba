import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';

interface Topic {
  /** The anchor the features link to (`/evidence#plan`). */
  id: 'plan' | 'writing' | 'referrals' | 'silence';
  title: string;
  /** Where Rebound uses it. */
  where: { label: string; to: string };
  /** One line per study: what it found, then where it was published. */
  studies: { finding: string; source: string }[];
}

const TOPICS: Topic[] = [
  {
    id: 'plan',
    title: 'A written plan with a when and a where',
    where: { label: 'Your plan, on This week', to: '/week' },
    studies: [
      {
        finding:
          'Young job seekers who wrote a concrete job-search plan sent 15% more applications, got 30% more offers and were 26% more often in work; weekly reminders on top added nothing.',
        source: 'Abel, Burger, Carranza & Piraino, American Economic Journal: Applied Economics, 2019.',
      },
      {
        finding:
          'Plans that say when, where and how (“if it is Tuesday 9:00, then I am at the library writing two applications”) are what turn an intention to search into searching.',
        source: 'van Hooft, Born, Taris, van der Flier & Blonk, Journal of Vocational Behavior, 2005.',
      },
    ],
  },
  {
    id: 'writing',
    title: 'Writing after a no',
    where: { label: 'Writing it out, in the steps after a rejection', to: '/today' },
    studies: [
      {
        finding:
          'Professionals who had lost their jobs and wrote about their thoughts and feelings for 20 minutes on 5 days found work sooner: 53% within 8 months, against 24% of those who wrote about neutral topics and 14% of those who did not write.',
        source: 'Spera, Buhrfeind & Pennebaker, Academy of Management Journal, 1994.',
      },
    ],
  },
  {
    id: 'referrals',
    title: 'Referrals',
    where: { label: 'People you know at a company, on an application', to: '/applications' },
    studies: [
      {
        finding:
          'Applicant-tracking vendors report that about 1 in 16 referred candidates is hired, against about 1 in 152 who apply through a careers site.',
        source:
          'Figures reported by applicant-tracking-system vendors from their customers’ hiring data (industry reports, not peer-reviewed).',
      },
    ],
  },
  {
    id: 'silence',
    title: 'Silence',
    where: { label: 'Response times, on Insights', to: '/insights' },
    studies: [
      {
        finding:
          'Most applicants never hear back at all, so a quiet week says little on its own. Your own history, across companies and channels, tells you what is normal for you.',
        source: 'Rebound counts this from your own applications; nothing leaves your computer.',
      },
    ],
  },
];

/** `/evidence`: "Why Rebound suggests this": each study behind a feature, one line each, with anchors. */
export default function EvidencePage() {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Title order={2}>Why Rebound suggests this</Title>
        <Text c="dimmed">
          A few of Rebound’s suggestions rest on published results. Here they are, briefly, with their
          sources. Studies describe groups of people, not you; take what helps.
        </Text>
      </div>
      {TOPICS.map((t) => (
        <Card
          key={t.id}
          id={t.id}
          padding="lg"
          style={{ scrollMarginTop: 72 }}
          data-testid={`evidence-${t.id}`}
        >
          <Title order={3} fz="lg">
            {t.title}
          </Title>
          <List size="sm" spacing="xs" mt="xs">
            {t.studies.map((s) => (
              <List.Item key={s.source}>
                {s.finding}{' '}
                <Text span size="sm" c="dimmed">
                  {s.source}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt="sm">
            In Rebound:{' '}
            <Anchor component={Link} to={t.where.to} size="xs">
              {t.where.label}
            </Anchor>
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
