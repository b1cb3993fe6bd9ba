import type { ApplicationKind, Channel, Stage, WorkMode } from '@core/applications/application.ts';

/** What the add/edit form holds while a person types. */
export interface FormValues {
  company: string;
  role: string;
  channel: Channel;
  stage: Stage;
  appliedOn: string | null;
  jobUrl: string;
  website: string;
  location: string;
  workMode: WorkMode | null;
  kind: ApplicationKind;
  salaryMin: number | string;
  salaryMax: number | string;
  salaryCurrency: string;
  tags: string[];
  jobDescription: string;
  notes: string;
  resumeVersion: string;
  coverLetterVersion: string;
  priority: number;
  excitement: number;
}

export const emptyForm: FormValues = {
  company: '',
  role: '',
  channel: 'job_board',
  stage: 'applied',
  appliedOn: null,
  jobUrl: '',
  website: '',
  location: '',
  workMode: null,
  kind: 'job',
  salaryMin: '',
  salaryMax: '',
  salaryCurrency: '',
  tags: [],
  jobDescription: '',
  notes: '',
  resumeVersion: '',
  coverLetterVersion: '',
  priority: 0,
  excitement: 0,
};
