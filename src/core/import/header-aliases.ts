/**
 * The words trackers and spreadsheet templates use for each column Rebound can import.
 * Headers are compared after `normaliseHeader` (lower case, punctuation and camelCase split into
 * spaces), so "Job Title", "job_title" and "JobTitle" are the same header.
 */

export const IMPORT_FIELDS = [
  'company',
  'role',
  'status',
  'appliedOn',
  'savedOn',
  'closedOn',
  'applied',
  'jobUrl',
  'location',
  'workMode',
  'jobType',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'notes',
  'contact',
  'source',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields without which a row cannot become an application. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['company', 'role'];

/** A short name for each field, used in messages a person reads ("line 7: company is empty"). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  company: 'company',
  role: 'role',
  status: 'status',
  appliedOn: 'applied date',
  savedOn: 'saved date',
  closedOn: 'closed date',
  applied: 'applied (yes/no)',
  jobUrl: 'job link',
  location: 'location',
  workMode: 'work mode',
  jobType: 'job type',
  salary: 'salary',
  salaryMin: 'minimum salary',
  salaryMax: 'maximum salary',
  salaryCurrency: 'salary currency',
  notes: 'notes',
  contact: 'contact',
  source: 'source',
  tags: 'tags',
};

/** Aliases per field, already normalised. The first alias is the canonical header. */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  company: ['company', 'company name', 'employer', 'employer name', 'organisation', 'organization', 'org', 'business', 'firm', 'hiring company'],
  role: ['role', 'title', 'position', 'job title', 'job', 'job role', 'position title', 'job position', 'role title', 'opening', 'job name', 'vacancy'],
  status: ['status', 'stage', 'list', 'state', 'application status', 'status name', 'current status', 'current stage', 'progress', 'pipeline stage', 'column', 'result'],
  appliedOn: ['applied date', 'date applied', 'application date', 'applied on', 'applied at', 'date of application', 'date submitted', 'submission date', 'submitted on', 'applied date time', 'date'],
  savedOn: ['saved date', 'date saved', 'date added', 'added', 'added at', 'added on', 'created', 'created at', 'created on', 'bookmarked'],
  closedOn: ['closed date', 'date closed', 'rejection date', 'date rejected', 'rejected on', 'response date', 'date of response', 'outcome date', 'archived at', 'archived on'],
  applied: ['applied', 'has applied', 'applied yes no'],
  jobUrl: ['url', 'link', 'job url', 'job link', 'posting', 'posting url', 'job posting', 'listing', 'listing url', 'application link', 'application url', 'job posting url', 'href'],
  location: ['location', 'city', 'job location', 'locations', 'office', 'place', 'where'],
  workMode: ['work mode', 'workplace type', 'workplace', 'remote', 'remote hybrid onsite', 'work arrangement', 'work setting', 'on site remote'],
  jobType: ['job type', 'employment type', 'type', 'contract type', 'employment'],
  salary: ['salary', 'salary range', 'compensation', 'pay', 'pay range', 'comp', 'expected salary', 'wage', 'rate', 'salary expectation'],
  salaryMin: ['min salary', 'salary min', 'minimum salary', 'salary from', 'salary minimum'],
  salaryMax: ['max salary', 'salary max', 'maximum salary', 'salary to', 'salary maximum'],
  salaryCurrency: ['currency', 'salary currency'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'details', 'memo'],
  contact: ['contact', 'contact name', 'contact email', 'recruiter', 'recruiter name', 'hiring manager', 'contact person', 'point of contact', 'email'],
  source: ['source', 'job source', 'channel', 'found via', 'found on', 'where found', 'how found', 'platform', 'job board', 'referral'],
  tags: ['tags', 'tag', 'labels', 'label', 'keywords', 'category'],
};

/** "JobTitle", "job_title", " Job  Title: " → "job title". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
