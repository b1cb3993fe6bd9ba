import { Alert, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { meKey } from '../account/session.tsx';
import { isShareEnded } from './api.ts';

export interface SectionProps {
  workspaceId: string;
}

/** Shows a read's state; a share that ended meanwhile makes the whole view ask the server again. */
export function Read<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  const qc = useQueryClient();
  const ended = isShareEnded(query.error);
  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: meKey });
  }, [ended, qc]);
  if (query.isPending) return <Loader size="sm" />;
  if (query.error || query.data === undefined)
    return (
      <Alert color={ended ? 'gray' : 'red'} role="alert">
        {ended ? 'This job search is not shared with you any more.' : errorMessage(query.error)}
      </Alert>
    );
  return <>{children(query.data)}</>;
}
