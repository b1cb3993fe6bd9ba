import type { Application, ApplicationKind } from '../../core/applications/application.ts';
import { APPLICATION_KINDS } from '../../core/applications/application.ts';
import { type GapApplication, rankSkillGaps } from '../../core/skills/gaps.ts';
import type { GapsQuery, PathsQuery } from '../../core/skills/input.ts';
import { adjacentRoles, transferableSkills } from '../../core/skills/paths.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import { type ServiceContext, today } from '../context.ts';
import { jobSkillsOf, workspaceMatcher } from './matcher.ts';
import { currentResume } from './resume.ts';

export type { GapReport } from '../../core/skills/schemas.ts';

import type { GapReport } from '../../core/skills/schemas.ts';

const zeroKinds = () =>
  Object.fromEntries(APPLICATION_KINDS.map((k) => [k, 0])) as Record<ApplicationKind, number>;

/** Every application of the workspace with the skill names its job description asks for. */
async function applicationsWithSkills(ctx: ServiceContext, kind?: ApplicationKind) {
  const [all, wm] = await Promise.all([
    bulk.listAllApplications(ctx.db, ctx.workspaceId),
    workspaceMatcher(ctx),
  ]);
  const apps = kind ? all.filter((a) => a.kind === kind) : all;
  return {
    apps,
    withSkills: apps
      .filter((a): a is typeof a & { jobDescription: string } => Boolean(a.jobDescription))
      .map((a) => ({ app: a as Application, skills: jobSkillsOf(wm, a.jobDescription).map((s) => s.name) })),
    wm,
  };
}

/**
 * The skills that keep coming up in applications that closed with a rejection or no reply (and
 * less in the ones that moved forward), minus those on the current resume, each with the
 * applications behind it and how many of those were contract work.
 */
export async function skillGaps(ctx: ServiceContext, query: Partial<GapsQuery> = {}): Promise<GapReport> {
  const [{ apps, withSkills }, resume] = await Promise.all([
    applicationsWithSkills(ctx, query.kind),
    currentResume(ctx),
  ]);
  const byId = new Map(withSkills.map((w) => [w.app.id, w.app]));
  const input: GapApplication[] = withSkills.map(({ app, skills }) => ({
    id: app.id,
    company: app.company,
    role: app.role,
    outcome: app.outcome,
    furthestStage: app.furthestStage,
    closedOn: app.closedOn,
    appliedOn: app.appliedOn,
    skills,
  }));
  const ranked = rankSkillGaps(
    input,
    (resume?.skills ?? []).map((s) => s.name),
    today(ctx),
  ).slice(0, query.limit ?? 50);
  const considered = zeroKinds();
  for (const w of withSkills) considered[w.app.kind]++;
  return {
    resumeVersion: resume?.label ?? null,
    considered: { total: apps.length, withJobDescription: withSkills.length, byKind: considered },
    gaps: ranked.map((g) => {
      const byKind = zeroKinds();
      const applications = g.applicationIds.map((id) => {
        const a = byId.get(id)!;
        byKind[a.kind]++;
        return {
          id,
          company: a.company,
          role: a.role,
          kind: a.kind,
          outcome: a.outcome,
          furthestStage: a.furthestStage,
        };
      });
      return {
        skill: g.skill,
        score: g.score,
        closedCount: g.closedCount,
        forwardCount: g.forwardCount,
        byKind,
        applications,
      };
    }),
  };
}

/**
 * Other paths: the person's skills grouped by kind (what carries over), and roles among their
 * saved and applied jobs that already ask mostly for skills they have.
 */
export async function otherPaths(ctx: ServiceContext, query: Partial<PathsQuery> = {}) {
  const [{ withSkills }, resume] = await Promise.all([applicationsWithSkills(ctx), currentResume(ctx)]);
  const skills = resume?.skills ?? [];
  return {
    resumeVersion: resume?.label ?? null,
    transferable: transferableSkills(skills),
    adjacentRoles: adjacentRoles(
      skills.map((s) => s.name),
      withSkills.map((w) => ({ role: w.app.role, skills: w.skills })),
      query.minCoverage ?? 50,
    ),
  };
}
