import type { ReferralAskInput } from '@core/referrals/input.ts';
import type { ConnectionsImportReport, PersonYouKnow } from '@core/referrals/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { type ImportWork, postWithProgress } from '../import/api.ts';

/** Referral paths' wire shapes come from the core's schemas (what the referral routes declare). */
export type { ConnectionsImportReport, PersonYouKnow, ResponseWaitView } from '@core/referrals/schemas.ts';

const v1 = '/api/v1';
const enc = encodeURIComponent;

/** Sends a connections export; progress as the import page shows it for other files. */
export function importConnections(
  file: { filename: string; contentBase64: string; skipInvalid?: boolean },
  onProgress?: (fraction: number) => void,
  onWork?: (work: ImportWork) => void,
): Promise<ConnectionsImportReport> {
  return postWithProgress<ConnectionsImportReport>(`${v1}/imports/connections`, file, onProgress, onWork);
}

/** Who the user knows at each saved or open application (the board's badges). */
function fetchPeopleByApplication() {
  return request<{ items: { applicationId: string; people: { contactId: string; name: string }[] }[] }>(
    'GET',
    `${v1}/referrals/people`,
  ).then((r) => new Map(r.items.map((i) => [i.applicationId, i.people])));
}

/** Everything that shows people or asks: the application, the board's badges, contacts and insights. */
export function useRefreshReferrals() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['application'] }),
      qc.invalidateQueries({ queryKey: ['referrals'] }),
      qc.invalidateQueries({ queryKey: ['contacts'] }),
      qc.invalidateQueries({ queryKey: ['insights'] }),
    ]);
}

/** Records the ask to one person, or moves it on (asked, agreed, referred, declined). */
export function useSetReferralAsk(applicationId: string) {
  const refresh = useRefreshReferrals();
  return useMutation({
    mutationFn: (input: ReferralAskInput) =>
      request<{ items: PersonYouKnow[] }>(
        'PUT',
        `${v1}/applications/${enc(applicationId)}/referral-ask`,
        input,
      ),
    onSuccess: () => refresh(),
  });
}

/** The people the user knows at one application's company, from the board's shared query. */
export function usePeopleAt(applicationId: string) {
  return useQuery({
    queryKey: ['referrals', 'people'],
    queryFn: fetchPeopleByApplication,
    staleTime: 30_000,
    select: (m: Map<string, { contactId: string; name: string }[]>) => m.get(applicationId) ?? null,
  });
}
