import type { FileUpload, MappingOverride, StageMapInput } from '@core/import/input.ts';
import type { DuplicateAction } from '@core/import/likely-duplicates.ts';
import type {
  ImportPreview,
  ImportReport,
  JobPageResult,
  MailImportReport,
  QueuedMail,
} from '@core/import/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiErrorDetail, OWN_PAGE_HEADER } from '../../api/client.ts';
import { request } from '../skills/http.ts';

export type {
  FileUpload as FilePayload,
  MappingOverride,
  StageMapInput as StageMap,
} from '@core/import/input.ts';
/** Imports' wire shapes come from the core's schemas (what the import routes declare and read). */
export type {
  ImportPreview,
  ImportReport,
  JobPageResult,
  MailImportReport as MailReport,
  QueuedMail,
} from '@core/import/schemas.ts';
/** How the user reads one status label of the file. */
export type StageChoice = StageMapInput[string];
export type DuplicateActions = Record<string, DuplicateAction>;
export type { DuplicateAction };

const v1 = '/api/v1';

/** How far the server is with an upload (GET /imports/progress/:id). */
export interface ImportWork {
  phase: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number | null;
}

/** What a progress bar shows: a line of text and a fraction, or null for "busy, length unknown". */
export type Busy = { text: string; fraction: number | null };

const n = (x: number) => x.toLocaleString();

/** The progress line for the server's work on `filename`, counting `noun` (rows, messages). */
export function workBusy(work: ImportWork | null, filename: string, noun: string, saving: string): Busy {
  if (!work || work.phase === 'reading') {
    if (work?.total)
      return {
        text: `Reading ${n(work.done)} of ${n(work.total)} ${noun}…`,
        fraction: work.done / work.total,
      };
    if (work?.done) return { text: `Reading ${filename}: ${n(work.done)} ${noun} so far…`, fraction: null };
    return { text: `Reading ${filename}…`, fraction: null };
  }
  if (work.phase === 'checking') return { text: `Checking ${n(work.total ?? 0)} ${noun}…`, fraction: null };
  if (work.phase === 'writing' && work.total)
    return { text: `${saving} ${n(work.done)} of ${n(work.total)}…`, fraction: work.done / work.total };
  return { text: `${saving}…`, fraction: null };
}

function newProgressId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * POSTs JSON and reports how much of the body has gone up (0..1), so a large file shows real
 * progress; fetch() cannot report upload progress, XMLHttpRequest can. With `onWork`, the upload
 * is sent with an `x-progress-id` and, once it is up, the server's own progress (reading,
 * checking, writing) is asked for twice a second until the answer comes.
 */
export function postWithProgress<T>(
  path: string,
  body: unknown,
  onProgress?: (fraction: number) => void,
  onWork?: (work: ImportWork) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const progressId = onWork ? newProgressId() : null;
    let poll: ReturnType<typeof setInterval> | undefined;
    const stopPolling = () => {
      if (poll !== undefined) clearInterval(poll);
      poll = undefined;
    };
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(OWN_PAGE_HEADER)) xhr.setRequestHeader(name, value);
    if (progressId) xhr.setRequestHeader('x-progress-id', progressId);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => {
      if (!progressId || !onWork) return;
      const ask = () =>
        fetch(`${v1}/imports/progress/${progressId}`, { headers: { accept: 'application/json' } })
          .then((res) => (res.ok ? (res.json() as Promise<ImportWork>) : null))
          .then((work) => {
            if (work && poll !== undefined && work.phase !== 'done' && work.phase !== 'failed') onWork(work);
          })
          .catch(() => {});
      poll = setInterval(ask, 500);
      void ask();
    };
    xhr.onerror = () => {
      stopPolling();
      reject(
        new ApiError(0, 'network_error', 'Rebound could not reach its server. Is it still running?', []),
      );
    };
    xhr.onload = () => {
      stopPolling();
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json as T);
        return;
      }
      const err = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } })
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? 'internal_error',
          err?.message ?? `Something went wrong (${xhr.status}).`,
          err?.details ?? [],
        ),
      );
    };
    xhr.send(JSON.stringify(body));
  });
}

export const importApi = {
  preview: (
    file: FileUpload,
    mapping: MappingOverride,
    stageMap: StageMapInput,
    onProgress?: (f: number) => void,
    duplicateActions: DuplicateActions = {},
    onWork?: (work: ImportWork) => void,
  ) =>
    postWithProgress<ImportPreview>(
      `${v1}/imports/preview`,
      { ...file, mapping, stageMap, duplicateActions },
      onProgress,
      onWork,
    ),
  commit: (
    file: FileUpload,
    mapping: MappingOverride,
    stageMap: StageMapInput,
    skipInvalid: boolean,
    onProgress?: (f: number) => void,
    duplicateActions: DuplicateActions = {},
    onWork?: (work: ImportWork) => void,
  ) =>
    postWithProgress<ImportReport>(
      `${v1}/imports/commit`,
      { ...file, mapping, stageMap, skipInvalid, duplicateActions },
      onProgress,
      onWork,
    ),
  jobPage: (input: { url?: string; html?: string }) =>
    request<JobPageResult>('POST', `${v1}/imports/job-page`, input),
  mailImport: (file: FileUpload, onProgress?: (f: number) => void, onWork?: (work: ImportWork) => void) =>
    postWithProgress<MailImportReport>(`${v1}/mail/import`, file, onProgress, onWork),
  mailReview: () => request<{ items: QueuedMail[] }>('GET', `${v1}/mail/review`),
  applyMail: (id: string, input: { applicationId?: string; kind?: string }) =>
    request<QueuedMail>('POST', `${v1}/mail/review/${encodeURIComponent(id)}/apply`, input),
  dismissMail: (id: string) =>
    request<QueuedMail>('POST', `${v1}/mail/review/${encodeURIComponent(id)}/dismiss`),
  restoreBackup: (backup: unknown, replace: boolean) =>
    request<Record<string, unknown>>('POST', `${v1}/backup${replace ? '?replace=true' : ''}`, backup),
};

export const EXPORTS = {
  csv: `${v1}/export/applications.csv`,
  backup: `${v1}/backup`,
  calendar: `${v1}/calendar.ics`,
  contacts: `${v1}/contacts.vcf`,
};

export const useMailReview = () => useQuery({ queryKey: ['mail-review'], queryFn: importApi.mailReview });

export function useMailAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      input,
    }: {
      id: string;
      action: 'apply' | 'dismiss';
      input?: { applicationId?: string; kind?: string };
    }) => (action === 'apply' ? importApi.applyMail(id, input ?? {}) : importApi.dismissMail(id)),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['mail-review'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
      ]),
  });
}

export const MAIL_KIND_LABELS: Record<string, string> = {
  rejection: 'Rejection',
  interview: 'Interview invite',
  assessment: 'Assessment',
  offer: 'Offer',
  acknowledgement: 'Received',
  other: 'Not about a job',
};

export const MAIL_KIND_COLORS: Record<string, string> = {
  rejection: 'orange',
  interview: 'violet',
  assessment: 'cyan',
  offer: 'teal',
  acknowledgement: 'blue',
  other: 'gray',
};
