import type { MailAccountBody, MailAccountSettingsInput, MailBatchInput } from '@core/mail-sync/input.ts';
import type { MailAccountStatus, MailBatchResult, MailSyncReport } from '@core/mail-sync/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../skills/http.ts';
import { type ImportWork, postWithProgress } from './api.ts';

export type { MailAccountBody } from '@core/mail-sync/input.ts';
export type { MailAccountStatus, MailBatchResult, MailSyncReport } from '@core/mail-sync/schemas.ts';

const v1 = '/api/v1';

/** Mail sync's calls: the saved IMAP account, Sync now (with the server's progress), batch review. */
export const mailSyncApi = {
  account: () => request<MailAccountStatus>('GET', `${v1}/mail/account`),
  save: (body: MailAccountBody) => request<MailAccountStatus>('PUT', `${v1}/mail/account`, body),
  update: (body: MailAccountSettingsInput) => request<MailAccountStatus>('PATCH', `${v1}/mail/account`, body),
  forget: () => request<MailAccountStatus>('DELETE', `${v1}/mail/account`),
  sync: (onWork: (work: ImportWork) => void) =>
    postWithProgress<MailSyncReport>(`${v1}/mail/sync`, {}, undefined, onWork),
  batch: (body: MailBatchInput) => request<MailBatchResult>('POST', `${v1}/mail/review/batch`, body),
};

/** The account and its last sync; asked again every few seconds while a sync (a scheduled one too) runs. */
export const useMailAccount = () =>
  useQuery({
    queryKey: ['mail-account'],
    queryFn: mailSyncApi.account,
    refetchInterval: (query) => (query.state.data?.running ? 3000 : false),
  });

/** After anything that may have brought mail in or changed the account. */
export function useMailRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['mail-account'] }),
      qc.invalidateQueries({ queryKey: ['mail-review'] }),
      qc.invalidateQueries({ queryKey: ['applications'] }),
    ]);
}

export function useMailBatch() {
  const refresh = useMailRefresh();
  return useMutation({ mutationFn: mailSyncApi.batch, onSuccess: () => refresh() });
}
