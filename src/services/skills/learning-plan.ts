import { addDays } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { PlanItemCreateInput, PlanItemUpdateInput, PlanStatus } from '../../core/skills/input.ts';
import * as bulk from '../../store/applications-bulk-repository.ts';
import type { PlanItemRecord } from '../../store/learning-plan-repository.ts';
import * as planRepo from '../../store/learning-plan-repository.ts';
import { insertActionItems } from '../../store/post-mortem-repository.ts';
import * as repo from '../../store/skills-repository.ts';
import { lockWorkspace } from '../../store/workspace-repository.ts';
import { newId, nowIso, type ServiceContext, today } from '../context.ts';
import { workspaceMatcher } from './matcher.ts';
import { resolveSkill, writeResumeVersion } from './resume.ts';
import { type Rescore, rescoreOpenApplications } from './tailoring.ts';

export type { PlanItemRecord } from '../../store/learning-plan-repository.ts';

/** What finishing a plan item changed: the resume version, the follow-up task, and each open application's score. */
export interface Completion {
  resumeVersion: string;
  addedToResume: boolean;
  task: { id: string; text: string; dueOn: string } | null;
  rescored: Rescore[];
}

function notFound(id: string): ReboundError {
  return new ReboundError('plan_item_not_found', `No learning-plan item with id ${id}.`, [
    { path: 'id', message: 'not found' },
  ]);
}

export async function listPlanItems(ctx: ServiceContext, status?: PlanStatus): Promise<PlanItemRecord[]> {
  return planRepo.listPlanItems(ctx.db, ctx.workspaceId, status);
}

/** Adds a plan item for a skill (usually a gap); the name is tidied to the vocabulary's ("k8s" → Kubernetes). */
export async function createPlanItem(
  ctx: ServiceContext,
  input: PlanItemCreateInput,
): Promise<{ item: PlanItemRecord; completion: Completion | null }> {
  const { name } = resolveSkill(await workspaceMatcher(ctx), input.skill);
  const now = nowIso(ctx);
  const status = input.status ?? (input.progress && input.progress > 0 ? 'in_progress' : 'planned');
  const item: PlanItemRecord = {
    id: newId(),
    skill: name,
    kind: input.kind,
    link: input.link ?? null,
    hours: input.hours ?? null,
    targetOn: input.targetOn ?? null,
    progress: status === 'done' ? 100 : (input.progress ?? 0),
    status: status === 'done' ? 'in_progress' : status,
    note: input.note ?? null,
    createdAt: now,
    updatedAt: now,
    doneAt: null,
  };
  await planRepo.insertPlanItems(ctx.db, ctx.workspaceId, [item]);
  if (status !== 'done') return { item, completion: null };
  return updatePlanItem(ctx, item.id, { status: 'done' });
}

/**
 * Changes a plan item. Moving it to `done` finishes it in one transaction: the skill joins the
 * resume profile (a new version), a task to update the resume and LinkedIn is added, and every
 * open application is scored again, so the response shows each score before and after.
 */
export async function updatePlanItem(
  ctx: ServiceContext,
  id: string,
  input: PlanItemUpdateInput,
): Promise<{ item: PlanItemRecord; completion: Completion | null }> {
  const wm = await workspaceMatcher(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await planRepo.findPlanItem(trx, ctx.workspaceId, id);
    if (!current) throw notFound(id);
    const finishing = input.status === 'done' && current.status !== 'done';
    let status = input.status ?? current.status;
    if (
      input.status === undefined &&
      input.progress !== undefined &&
      input.progress > 0 &&
      current.status === 'planned'
    )
      status = 'in_progress';
    const next: PlanItemRecord = {
      ...current,
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.link !== undefined ? { link: input.link } : {}),
      ...(input.hours !== undefined ? { hours: input.hours } : {}),
      ...(input.targetOn !== undefined ? { targetOn: input.targetOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      progress: status === 'done' ? 100 : (input.progress ?? current.progress),
      status,
      updatedAt: nowIso(ctx),
      doneAt: status === 'done' ? (current.doneAt ?? nowIso(ctx)) : null,
    };
    await planRepo.updatePlanItem(trx, ctx.workspaceId, next);
    if (!finishing) return { item: next, completion: null };

    const inTrx: ServiceContext = { ...ctx, db: trx };
    await lockWorkspace(trx, ctx.workspaceId);
    const previous = await repo.findLatestResumeVersion(trx, ctx.workspaceId);
    const beforeSkills = previous?.skills ?? [];
    const { name, category } = resolveSkill(wm, next.skill);
    const has = beforeSkills.some((s) => s.name.toLowerCase() === name.toLowerCase());
    const version = has
      ? previous!
      : await writeResumeVersion(
          trx,
          inTrx,
          {
            reason: 'learned',
            skills: [...beforeSkills, { name, category, level: 'beginner', source: 'learned' }],
          },
          previous,
        );
    const dueOn = addDays(today(ctx), 2);
    const task = { id: newId(), text: `Add ${name} to your resume and LinkedIn profile`, dueOn };
    await insertActionItems(trx, ctx.workspaceId, [
      {
        id: task.id,
        applicationId: null,
        source: 'manual',
        sourceKey: `learning_plan:${next.id}`,
        text: task.text,
        dueOn,
        status: 'open',
        createdAt: nowIso(ctx),
        doneAt: null,
      },
    ]);
    const apps = await bulk.listAllApplications(trx, ctx.workspaceId);
    const rescored = await rescoreOpenApplications(
      inTrx,
      apps,
      beforeSkills.map((s) => s.name),
      version.skills.map((s) => s.name),
    );
    return { item: next, completion: { resumeVersion: version.label, addedToResume: !has, task, rescored } };
  });
}
