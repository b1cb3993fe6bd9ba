import { toCsv } from '../../io/csv-export.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import type { ServiceContext } from '../context.ts';

const HEADERS = [
  'id',
  'company',
  'role',
  'channel',
  'kind',
  'applied_on',
  'stage',
  'furthest_stage',
  'outcome',
  'closed_on',
  'last_response_on',
  'location',
  'work_mode',
  'salary_min',
  'salary_max',
  'salary_currency',
  'job_url',
  'tags',
  'notes',
  'created_at',
] as const;

/**
 * Every application as one CSV row with its current and furthest stage and outcome, for a
 * spreadsheet. The JSON backup stays the lossless export; this one is for reading and sharing.
 */
export async function exportApplicationsCsv(ctx: ServiceContext): Promise<string> {
  const all = await bulk.listAllApplications(ctx.db, ctx.workspaceId);
  return toCsv(
    HEADERS,
    all.map((a) => [
      a.id,
      a.company,
      a.role,
      a.channel,
      a.kind,
      a.appliedOn,
      a.stage,
      a.furthestStage,
      a.outcome,
      a.closedOn,
      a.lastResponseOn,
      a.location,
      a.workMode,
      a.salaryMin,
      a.salaryMax,
      a.salaryCurrency,
      a.jobUrl,
      a.tags.join('; '),
      a.notes,
      a.createdAt,
    ]),
  );
}
