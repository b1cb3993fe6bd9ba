import { z } from 'zod';
import { PLAN_KINDS, PLAN_STATUSES, RESUME_SKILL_SOURCES, SKILL_LEVELS } from '../../core/skills/input.ts';
import * as interviewRepo from '../../store/info-interviews-repository.ts';
import * as planRepo from '../../store/learning-plan-repository.ts';
import * as repo from '../../store/skills-repository.ts';
import type { BackupSection } from '../backup-sections.ts';
import { parseBackupPart } from '../backup-validation.ts';
import type { ServiceContext } from '../context.ts';

const text = z.string();
const maybe = z.string().nullable();

const sectionSchema = z.object({
  customSkills: z
    .array(
      z.object({
        id: text,
        name: text.min(1),
        category: maybe,
        aliases: z.array(text),
        createdAt: text,
        updatedAt: text,
      }),
    )
    .default([]),
  resumeVersions: z
    .array(
      z.object({
        id: text,
        number: z.number().int().min(1),
        label: text.min(1),
        reason: z.enum(['import', 'manual', 'learned']),
        filename: maybe,
        text: maybe,
        skills: z.array(
          z.object({
            name: text.min(1),
            category: text,
            level: z.enum(SKILL_LEVELS),
            source: z.enum(RESUME_SKILL_SOURCES),
          }),
        ),
        createdAt: text,
      }),
    )
    .default([]),
  learningPlan: z
    .array(
      z.object({
        id: text,
        skill: text.min(1),
        kind: z.enum(PLAN_KINDS),
        link: maybe,
        hours: z.number().nullable(),
        targetOn: maybe,
        progress: z.number().int().min(0).max(100),
        status: z.enum(PLAN_STATUSES),
        note: maybe,
        createdAt: text,
        updatedAt: text,
        doneAt: maybe,
      }),
    )
    .default([]),
  informationalInterviews: z
    .array(
      z.object({
        id: text,
        contactId: maybe,
        contactName: maybe,
        heldOn: text,
        company: maybe,
        role: maybe,
        learned: maybe,
        followUps: maybe,
        createdAt: text,
        updatedAt: text,
      }),
    )
    .default([]),
});

async function exportSkills(ctx: ServiceContext) {
  const { db, workspaceId: ws } = ctx;
  const [customSkills, resumeVersions, learningPlan, informationalInterviews] = await Promise.all([
    repo.listCustomSkills(db, ws),
    repo.listResumeVersions(db, ws, { withText: true }),
    planRepo.listPlanItems(db, ws),
    interviewRepo.listInfoInterviews(db, ws),
  ]);
  return { customSkills, resumeVersions: resumeVersions.reverse(), learningPlan, informationalInterviews };
}

async function importSkills(ctx: ServiceContext, data: unknown): Promise<void> {
  const d = parseBackupPart(sectionSchema, data, { prefix: 'sections.skills', listed: 1 });
  const { db, workspaceId: ws } = ctx;
  await repo.insertCustomSkills(db, ws, d.customSkills);
  await repo.insertResumeVersions(db, ws, d.resumeVersions);
  await planRepo.insertPlanItems(db, ws, d.learningPlan);
  await interviewRepo.insertInfoInterviews(db, ws, d.informationalInterviews);
}

/** The skills loop's part of `rebound export`: own skills, every resume version, the learning plan, informational interviews. */
export const skillsBackupSection: BackupSection = {
  name: 'skills',
  export: exportSkills,
  import: importSkills,
  clear: (ctx) => repo.clearSkillsData(ctx.db, ctx.workspaceId),
};
