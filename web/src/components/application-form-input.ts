import {
  type ApplicationInputBody as ApplicationInput,
  createApplicationSchema,
  updateApplicationSchema,
} from '@core/applications/input.ts';
import { schemaValidator } from '../lib/form-schema.ts';
import type { FormValues } from './empty-form.ts';

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());
const num = (v: number | string): number | null =>
  typeof v === 'number' ? v : v.trim() === '' ? null : Number(v);

/** Turns form state into the API's input; `mode` decides whether stage and the long fields are sent. */
export function toInput(v: FormValues, mode: 'create' | 'edit'): ApplicationInput {
  const input: ApplicationInput = {
    company: v.company.trim(),
    role: v.role.trim(),
    channel: v.channel,
    appliedOn: v.appliedOn,
    jobUrl: text(v.jobUrl),
    website: text(v.website),
    location: text(v.location),
    workMode: v.workMode,
    kind: v.kind,
    salaryMin: num(v.salaryMin),
    salaryMax: num(v.salaryMax),
    salaryCurrency: text(v.salaryCurrency)?.toUpperCase() ?? null,
    tags: v.tags,
    jobDescription: text(v.jobDescription),
  };
  if (mode === 'create') {
    input.stage = v.stage;
    // On create, leave out what the person did not fill in so the server's defaults apply.
    for (const key of Object.keys(input) as (keyof ApplicationInput)[]) {
      if (input[key] === null) delete input[key];
    }
  } else {
    input.notes = text(v.notes);
    input.resumeVersion = text(v.resumeVersion);
    input.coverLetterVersion = text(v.coverLetterVersion);
    input.priority = v.priority || null;
    input.excitement = v.excitement || null;
  }
  return input;
}

/** How each field is named in an error sentence. */
const ERROR_LABELS: Record<string, string> = {
  company: 'Company',
  role: 'Role',
  channel: 'Channel',
  stage: 'Stage',
  appliedOn: 'The date applied',
  jobUrl: 'The job posting URL',
  website: "The company's website",
  location: 'Location',
  workMode: 'Work mode',
  salaryMin: 'The lowest salary',
  salaryMax: 'The highest salary',
  salaryCurrency: 'Currency',
  tags: 'Tags',
  jobDescription: 'The job description',
  resumeVersion: 'The résumé version',
  coverLetterVersion: 'The cover letter version',
  notes: 'Notes',
  priority: 'Priority',
  excitement: 'Excitement',
};

// The server's own schemas: a limit is checked here exactly as the API checks it.
export const validators = {
  create: schemaValidator(createApplicationSchema, ERROR_LABELS),
  edit: schemaValidator(updateApplicationSchema, ERROR_LABELS),
};
