import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationKind,
  Channel,
  Outcome,
  Stage,
  WorkMode,
} from '../../../../src/core/applications/application.ts';
import type { ImportField } from '../../../../src/core/import/header-aliases.ts';
import { ApiError, type ApiErrorDetail } from '../../api/client.ts';
import type { ApplicationInput } from '../../api/types.ts';
import { request } from '../skills/http.ts';

export interface FilePayload {
  filename: string;
  contentBase64: string;
}

/** Field → header or 0-based column index, or null to leave the field out. */
export type MappingOverride = Partial<Record<ImportField, string | number | null>>;

/** How the user reads one status label of the file. */
export interface StageChoice {
  stage: Stage;
  outcome: Outcome | null;
}

/** Status label (as the file words it) → the user's reading, sent beside the column mapping. */
export type StageMap = Record<string, StageChoice>;

export interface ImportPreview {
  filename: string;
  layout: { id: string; name: string } | null;
  mapping: {
    fields: Partial<Record<ImportField, { column: string | null; index: number; confidence: number }>>;
    confidence: number;
    missing: ImportField[];
    unmapped: string[];
    headers: string[];
  };
  stageLabels: { label: string; stage: Stage | null; outcome: Outcome | null; rows: number }[];
  counts: {
    rows: number;
    toCreate: number;
    toMerge: number;
    duplicates: number;
    alreadyInRebound: number;
    invalid: number;
  };
  toCreate: {
    line: number;
    company: string;
    role: string;
    stage: Stage;
    outcome: Outcome | null;
    appliedOn: string | null;
    location: string | null;
    channel: Channel;
    kind: ApplicationKind;
  }[];
  duplicates: {
    line: number;
    company: string;
    role: string;
    reason: string;
    /** Set when the row looks like this application, already in Rebound. */
    existing?: { id: string; company: string; role: string; appliedOn: string | null };
    action: DuplicateAction;
  }[];
  invalid: { line: number; message: string }[];
}

/** merge: fill the blanks of the application you have; skip: leave the row out; keep: add it anyway. */
export type DuplicateAction = 'merge' | 'skip' | 'keep';
export type DuplicateActions = Record<string, DuplicateAction>;

export interface ImportReport {
  filename: string;
  created: number;
  merged: number;
  applicationIds: string[];
  skippedDuplicates: ImportPreview['duplicates'];
  skippedInvalid: ImportPreview['invalid'];
}

export interface JobPageResult {
  source: 'json-ld' | 'text' | 'none';
  channel: Channel;
  employmentType: string | null;
  fields: ApplicationInput & { workMode?: WorkMode };
}

export interface MailItem {
  index: number;
  id: string | null;
  subject: string;
  from: string | null;
  kind: string;
  confidence: number;
  evidence: string[];
  applicationId: string | null;
  status: 'applied' | 'pending' | 'dismissed' | 'already_imported';
  action: string | null;
}

export interface MailReport {
  filename: string;
  messages: number;
  applied: number;
  pending: number;
  dismissed: number;
  alreadyImported: number;
  items: MailItem[];
  errors: { index: number; line: number; message: string }[];
}

export interface QueuedMail {
  id: string;
  from: string | null;
  fromName: string | null;
  subject: string;
  sentAt: string | null;
  excerpt: string;
  kind: string;
  confidence: number;
  evidence: string[];
  applicationId: string | null;
  matchScore: number | null;
  status: string;
  action: string | null;
}

const v1 = '/api/v1';

/**
 * POSTs JSON and reports how much of the body has gone up (0..1), so a large file shows real
 * progress; fetch() cannot report upload progress, XMLHttpRequest can.
 */
export function postWithProgress<T>(
  path: string,
  body: unknown,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network_error', 'Rebound could not reach its server. Is it still running?', []),
      );
    xhr.onload = () => {
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
    file: FilePayload,
    mapping: MappingOverride,
    stageMap: StageMap,
    onProgress?: (f: number) => void,
    duplicateActions: DuplicateActions = {},
  ) =>
    postWithProgress<ImportPreview>(
      `${v1}/imports/preview`,
      { ...file, mapping, stageMap, duplicateActions },
      onProgress,
    ),
  commit: (
    file: FilePayload,
    mapping: MappingOverride,
    stageMap: StageMap,
    skipInvalid: boolean,
    onProgress?: (f: number) => void,
    duplicateActions: DuplicateActions = {},
  ) =>
    postWithProgress<ImportReport>(
      `${v1}/imports/commit`,
      { ...file, mapping, stageMap, skipInvalid, duplicateActions },
      onProgress,
    ),
  jobPage: (input: { url?: string; html?: string }) =>
    request<JobPageResult>('POST', `${v1}/imports/job-page`, input),
  mailImport: (file: FilePayload, onProgress?: (f: number) => void) =>
    postWithProgress<MailReport>(`${v1}/mail/import`, file, onProgress),
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
