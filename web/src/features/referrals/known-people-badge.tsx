import { IconUsers } from '@tabler/icons-react';
import { usePeopleAt } from './api.ts';

/** On a board card: "You know Ana R." or "You know 3 people here", from the shared query. */
export function KnownPeopleBadge({ applicationId }: { applicationId: string }) {
  const { data } = usePeopleAt(applicationId);
  if (!data || data.length === 0) return null;
  const text = data.length === 1 ? `You know ${data[0]!.name}` : `You know ${data.length} people here`;
  return (
    <div className="card-row" data-gap="4" data-testid="card-people">
      <IconUsers size={14} color="var(--mantine-color-indigo-6)" />
      <p className="card-line" data-size="xs" style={{ color: 'var(--mantine-color-indigo-7)' }}>
        {text}
      </p>
    </div>
  );
}
