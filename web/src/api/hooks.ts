import { STAGES } from '@core/applications/application.ts';
import type {
  ApplicationInputBody as ApplicationInput,
  EventInputBody as EventInput,
  ListQueryInput as ListQuery,
  RoundInputBody as RoundInput,
} from '@core/applications/input.ts';
import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationSummary,
  SettingsView as Settings,
} from '@core/applications/schemas.ts';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.ts';

/** The board shows everything at once; 5,000 is the API's page ceiling. */
export const BOARD_QUERY: ListQuery = { status: 'all', sort: 'updated', order: 'desc', limit: 5000 };
export const boardKey = ['applications', 'board'] as const;

export function useBoardApplications() {
  return useQuery({ queryKey: boardKey, queryFn: () => api.listApplications(BOARD_QUERY) });
}

export function useApplicationList(query: ListQuery) {
  return useQuery({
    queryKey: ['applications', 'list', query],
    queryFn: () => api.listApplications(query),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: ['application', id], queryFn: () => api.getApplication(id) });
}

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: api.getSettings, staleTime: 60_000 });
}

/** Shows or hides the board's closed lane; the switch flips at once and rolls back on error. */
export function useHideClosedOnBoard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (hide: boolean) => api.updateSettings({ hideClosedOnBoard: hide }),
    onMutate: async (hide) => {
      await qc.cancelQueries({ queryKey: ['settings'] });
      const before = qc.getQueryData<Settings>(['settings']);
      if (before) qc.setQueryData<Settings>(['settings'], { ...before, hideClosedOnBoard: hide });
      return { before };
    },
    onError: (_error, _hide, context) => {
      if (context?.before) qc.setQueryData(['settings'], context.before);
    },
    onSuccess: (saved) => qc.setQueryData(['settings'], saved),
  });
}

/** How the board should look right after an event, before the server confirms it. */
function optimistic(app: ApplicationSummary, event: EventInput): ApplicationSummary {
  switch (event.type) {
    case 'stage_changed': {
      const further = STAGES.indexOf(event.stage) > STAGES.indexOf(app.furthestStage);
      return {
        ...app,
        stage: event.stage,
        furthestStage: further ? event.stage : app.furthestStage,
        likelyGhosted: false,
      };
    }
    case 'outcome_set':
      return { ...app, outcome: event.outcome, likelyGhosted: false };
    case 'reopened':
      return { ...app, outcome: null, closedOn: null };
    default:
      return app;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // A route this server does not have yet (a newer web app, an older server).
    if (error.status === 404 && error.message.startsWith('No route'))
      return 'This server does not offer that yet; it may need an update.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

/**
 * Records an event (a move, an outcome, a note, an undo). Moves and outcomes show on the board at
 * once and roll back with a notice if the server says no.
 */
export function useAddEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, event }: { id: string; event: EventInput }) => api.addEvent(id, event),
    onMutate: async ({ id, event }) => {
      await qc.cancelQueries({ queryKey: boardKey });
      const previous = qc.getQueryData<ApplicationList>(boardKey);
      if (previous) {
        qc.setQueryData<ApplicationList>(boardKey, {
          ...previous,
          items: previous.items.map((a) => (a.id === id ? optimistic(a, event) : a)),
        });
      }
      return { previous };
    },
    onError: (error, _vars, context) => {
      if (context?.previous) qc.setQueryData(boardKey, context.previous);
      notifications.show({
        color: 'red',
        title: 'That change did not go through',
        message: errorMessage(error),
      });
    },
    onSuccess: (detail) => {
      qc.setQueryData(['application', detail.id], detail);
      replaceInBoard(qc, detail);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['applications'] }),
  });
}

function replaceInBoard(qc: ReturnType<typeof useQueryClient>, detail: ApplicationDetail): void {
  const current = qc.getQueryData<ApplicationList>(boardKey);
  if (!current) return;
  const { jobDescription, resumeVersion, coverLetterVersion, notes, events, rounds, ...summary } = detail;
  qc.setQueryData<ApplicationList>(boardKey, {
    ...current,
    items: current.items.map((a) => (a.id === detail.id ? { ...a, ...summary } : a)),
  });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationInput) => api.createApplication(input),
    onSuccess: (detail) => {
      qc.setQueryData(['application', detail.id], detail);
      return qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useUpdateApplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationInput) => api.updateApplication(id, input),
    onSuccess: (detail) => {
      qc.setQueryData(['application', id], detail);
      return qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useDeleteApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteApplication(id),
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: ['application', id] });
      return qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useAddRound(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundInput) => api.addRound(id, input),
    onSuccess: (detail) => {
      qc.setQueryData(['application', id], detail);
      return qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useLoadSampleData() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: api.loadSampleData,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['applications'] }),
        qc.invalidateQueries({ queryKey: ['sample-data'] }),
      ]),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Sample data did not load', message: errorMessage(error) }),
  });
}
