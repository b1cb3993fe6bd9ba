import type { Application } from '../../core/applications/application.ts';
import { ReboundError } from '../../core/errors.ts';
import type { Reader } from '../../core/reader.ts';
import { categoryLabel } from '../../core/skills/paths.ts';
import type { WeightedJobSkill } from '../../core/skills/sections.ts';
import { type TailoringScore, tailoringScore } from '../../core/skills/tailoring.ts';
import * as appRepo from '../../store/applications-repository.ts';
import { readerOf, type ServiceContext } from '../context.ts';
import { assertTextSize } from './extract.ts';
import { jobSkillsOf, workspaceMatcher } from './matcher.ts';
import { currentResume } from './resume.ts';

export interface JobSkillsReport extends TailoringScore {
  /** The resume version scored against (null before the first one). */
  resumeVersion: string | null;
  /** Every skill the job asks for, with how much it counts. */
  skills: (Pick<
    WeightedJobSkill,
    'name' | 'category' | 'importance' | 'weight' | 'required' | 'reason' | 'sentence' | 'spans' | 'matched'
  > & { categoryLabel: string })[];
}

function report(
  job: WeightedJobSkill[],
  resumeSkills: string[],
  resumeVersion: string | null,
  wm: Awaited<ReturnType<typeof workspaceMatcher>>,
  reader: Reader,
): JobSkillsReport {
  return {
    ...tailoringScore(job, resumeSkills, wm.matcher),
    resumeVersion,
    skills: job.map((s) => ({
      name: s.name,
      category: s.category,
      categoryLabel: categoryLabel(s.category, reader),
      importance: s.importance,
      weight: s.weight,
      required: s.required,
      reason: s.reason,
      sentence: s.sentence,
      spans: s.spans,
      matched: s.matched,
    })),
  };
}

/** Scores a job description against the current resume, before it is saved (the add-job form). */
export async function scoreJobDescription(
  ctx: ServiceContext,
  jobDescription: string,
): Promise<JobSkillsReport> {
  assertTextSize(jobDescription, 'jobDescription');
  const [wm, resume] = await Promise.all([workspaceMatcher(ctx), currentResume(ctx)]);
  return report(
    jobSkillsOf(wm, jobDescription),
    (resume?.skills ?? []).map((s) => s.name),
    resume?.label ?? null,
    wm,
    readerOf(ctx),
  );
}

/** An application's skills: tailoring score against the current resume, matched and missing, required vs nice to have. */
export async function applicationSkills(
  ctx: ServiceContext,
  id: string,
): Promise<
  JobSkillsReport & { applicationId: string; sentResumeVersion: string | null; hasJobDescription: boolean }
> {
  const app = await appRepo.findApplication(ctx.db, ctx.workspaceId, id);
  if (!app) {
    throw new ReboundError('application_not_found', `No application with id ${id}.`, [
      { path: 'id', message: 'not found' },
    ]);
  }
  const [wm, resume] = await Promise.all([workspaceMatcher(ctx), currentResume(ctx)]);
  const job = app.jobDescription ? jobSkillsOf(wm, app.jobDescription) : [];
  return {
    applicationId: app.id,
    sentResumeVersion: app.resumeVersion,
    hasJobDescription: Boolean(app.jobDescription),
    ...report(
      job,
      (resume?.skills ?? []).map((s) => s.name),
      resume?.label ?? null,
      wm,
      readerOf(ctx),
    ),
  };
}

export interface Rescore {
  applicationId: string;
  company: string;
  role: string;
  before: number | null;
  after: number | null;
}

/** Scores every open application with a job description against two sets of resume skills. */
export async function rescoreOpenApplications(
  ctx: Pick<ServiceContext, 'db' | 'workspaceId'>,
  apps: Application[],
  before: string[],
  after: string[],
): Promise<Rescore[]> {
  const wm = await workspaceMatcher(ctx);
  return apps
    .filter((a) => a.outcome === null && a.jobDescription)
    .map((a) => {
      const job = jobSkillsOf(wm, a.jobDescription!);
      return {
        applicationId: a.id,
        company: a.company,
        role: a.role,
        before: tailoringScore(job, before, wm.matcher).score,
        after: tailoringScore(job, after, wm.matcher).score,
      };
    });
}
