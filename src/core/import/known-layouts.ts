/**
 * Exports of other trackers that Rebound recognises by their header row, so their columns map
 * at once without guessing. Sources: the header rows in the shared `known-export-headers.json`.
 */
import type { Stage } from '../applications/application.ts';
import type { ImportField } from './header-aliases.ts';
import type { DateOrder } from './loose-date.ts';

export interface KnownLayout {
  id: 'linkedin-applications' | 'linkedin-saved-jobs' | 'jobsync' | 'teal' | 'huntr';
  /** What a person would call it. */
  name: string;
  /** Lower-cased headers that must all be present. */
  signature: readonly string[];
  /** Field → the (lower-cased) header that holds it. */
  columns: Partial<Record<ImportField, string>>;
  /** The stage of a row when the file has no status column. */
  defaultStage: Stage;
  /** Set when the tracker always writes dates one way; otherwise the column decides. */
  dateOrder?: DateOrder;
}

export const KNOWN_LAYOUTS: readonly KnownLayout[] = [
  {
    id: 'linkedin-applications',
    name: 'LinkedIn job applications (Job Applications.csv)',
    signature: ['application date', 'company name', 'job title', 'job url'],
    columns: {
      appliedOn: 'application date',
      contact: 'contact email',
      company: 'company name',
      role: 'job title',
      jobUrl: 'job url',
    },
    defaultStage: 'applied',
    dateOrder: 'mdy',
  },
  {
    id: 'linkedin-saved-jobs',
    name: 'LinkedIn saved jobs (Saved Jobs.csv)',
    signature: ['saved date', 'job url', 'job title', 'company name'],
    columns: { savedOn: 'saved date', jobUrl: 'job url', role: 'job title', company: 'company name' },
    defaultStage: 'saved',
    dateOrder: 'mdy',
  },
  {
    id: 'jobsync',
    name: 'JobSync export',
    signature: ['createdat', 'applieddate', 'company', 'jobtitle', 'status'],
    columns: {
      savedOn: 'createdat',
      applied: 'applied',
      appliedOn: 'applieddate',
      company: 'company',
      role: 'jobtitle',
      jobType: 'jobtype',
      workMode: 'workplacetype',
      location: 'location',
      source: 'jobsource',
      status: 'status',
    },
    defaultStage: 'saved',
  },
  {
    id: 'teal',
    name: 'Teal export',
    signature: ['company_name', 'role', 'statusname'],
    columns: {
      company: 'company_name',
      role: 'role',
      status: 'statusname',
      location: 'location',
      jobUrl: 'url',
      source: 'source',
      salaryMin: 'min_salary',
      salaryMax: 'max_salary',
      salaryCurrency: 'salary_currency',
      savedOn: 'added_at',
      appliedOn: 'applied_at',
      closedOn: 'archived_at',
    },
    defaultStage: 'saved',
  },
  {
    id: 'huntr',
    name: 'Huntr board export',
    signature: ['employer', 'job title', 'list'],
    columns: {
      company: 'employer',
      role: 'job title',
      status: 'list',
      jobUrl: 'url',
      location: 'location',
      salary: 'salary',
      savedOn: 'date saved',
      appliedOn: 'date applied',
      notes: 'notes',
    },
    defaultStage: 'saved',
  },
  {
    id: 'huntr',
    name: 'Huntr board export',
    signature: ['company', 'title', 'list'],
    columns: { company: 'company', role: 'title', status: 'list', appliedOn: 'date applied' },
    defaultStage: 'saved',
  },
];

/** The known layout whose signature headers all appear in `headers`, if any. */
export function recogniseLayout(headers: readonly string[]): KnownLayout | null {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  return KNOWN_LAYOUTS.find((layout) => layout.signature.every((h) => present.has(h))) ?? null;
}
