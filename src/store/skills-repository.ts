import type { Kysely, Selectable } from 'kysely';
import type { PlanKind, PlanStatus } from '../core/skills/input.ts';
import type { ResumeSkill } from '../core/skills/resume-profile.ts';
import type { Database } from './schema.ts';

/** All SQL of the skills loop. Rows become domain shapes here; JSON columns are parsed at this edge. */

type Db = Kysely<Database>;

export interface CustomSkillTable {
  id: string;
  workspace_id: string;
  name: string;
  category: string | null;
  aliases: string;
  created_at: string;
  updated_at: string;
}

export interface ResumeVersionTable {
  id: string;
  workspace_id: string;
  number: number;
  label: string;
  reason: string;
  filename: string | null;
  text: string | null;
  skills: string;
  created_at: string;
}

export interface LearningPlanItemTable {
  id: string;
  workspace_id: string;
  skill: string;
  kind: string;
  link: string | null;
  hours: number | null;
  target_on: string | null;
  progress: number;
  status: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface InformationalInterviewTable {
  id: string;
  workspace_id: string;
  contact_id: string | null;
  contact_name: string | null;
  held_on: string;
  company: string | null;
  role: string | null;
  learned: string | null;
  follow_ups: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomSkillRecord {
  id: string;
  name: string;
  category: string | null;
  aliases: string[];
  createdAt: string;
  updatedAt: string;
}

/** Why a resume version was made: an import, a manual edit, or a finished learning-plan item. */
export type ResumeVersionReason = 'import' | 'manual' | 'learned';

export interface ResumeVersionRecord {
  id: string;
  number: number;
  label: string;
  reason: ResumeVersionReason;
  filename: string | null;
  text: string | null;
  skills: ResumeSkill[];
  createdAt: string;
}

export interface PlanItemRecord {
  id: string;
  skill: string;
  kind: PlanKind;
  link: string | null;
  hours: number | null;
  targetOn: string | null;
  progress: number;
  status: PlanStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export interface InfoInterviewRecord {
  id: string;
  contactId: string | null;
  contactName: string | null;
  heldOn: string;
  company: string | null;
  role: string | null;
  learned: string | null;
  followUps: string | null;
  createdAt: string;
  updatedAt: string;
}

// ---- custom skills

function toCustom(r: Selectable<CustomSkillTable>): CustomSkillRecord {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    aliases: JSON.parse(r.aliases),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function customRow(workspaceId: string, c: CustomSkillRecord): CustomSkillTable {
  return {
    id: c.id,
    workspace_id: workspaceId,
    name: c.name,
    category: c.category,
    aliases: JSON.stringify(c.aliases),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export async function listCustomSkills(db: Db, workspaceId: string): Promise<CustomSkillRecord[]> {
  const rows = await db
    .selectFrom('custom_skills')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toCustom);
}

export async function insertCustomSkills(
  db: Db,
  workspaceId: string,
  rows: CustomSkillRecord[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('custom_skills')
    .values(rows.map((c) => customRow(workspaceId, c)))
    .execute();
}

export async function updateCustomSkill(db: Db, workspaceId: string, c: CustomSkillRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = customRow(workspaceId, c);
  await db
    .updateTable('custom_skills')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', c.id)
    .execute();
}

export async function deleteCustomSkill(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('custom_skills')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- resume versions

function toVersion(r: Selectable<ResumeVersionTable>): ResumeVersionRecord {
  return {
    id: r.id,
    number: Number(r.number),
    label: r.label,
    reason: r.reason as ResumeVersionReason,
    filename: r.filename,
    text: r.text,
    skills: JSON.parse(r.skills),
    createdAt: r.created_at,
  };
}

function versionRow(workspaceId: string, v: ResumeVersionRecord): ResumeVersionTable {
  return {
    id: v.id,
    workspace_id: workspaceId,
    number: v.number,
    label: v.label,
    reason: v.reason,
    filename: v.filename,
    text: v.text,
    skills: JSON.stringify(v.skills),
    created_at: v.createdAt,
  };
}

/** The newest resume version, or undefined before the first import or added skill. */
export async function findLatestResumeVersion(
  db: Db,
  workspaceId: string,
): Promise<ResumeVersionRecord | undefined> {
  const row = await db
    .selectFrom('resume_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Every version, newest first; without their texts unless asked, since those can be long. */
export async function listResumeVersions(
  db: Db,
  workspaceId: string,
  options: { withText?: boolean } = {},
): Promise<ResumeVersionRecord[]> {
  const rows = await db
    .selectFrom('resume_versions')
    .select(['id', 'workspace_id', 'number', 'label', 'reason', 'filename', 'skills', 'created_at'])
    .$if(options.withText === true, (q) => q.select('text'))
    .where('workspace_id', '=', workspaceId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => toVersion({ text: null, ...r } as Selectable<ResumeVersionTable>));
}

export async function insertResumeVersions(
  db: Db,
  workspaceId: string,
  rows: ResumeVersionRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('resume_versions')
      .values(rows.slice(i, i + 200).map((v) => versionRow(workspaceId, v)))
      .execute();
  }
}

// ---- learning plan

function toPlanItem(r: Selectable<LearningPlanItemTable>): PlanItemRecord {
  return {
    id: r.id,
    skill: r.skill,
    kind: r.kind as PlanKind,
    link: r.link,
    hours: r.hours === null ? null : Number(r.hours),
    targetOn: r.target_on,
    progress: Number(r.progress),
    status: r.status as PlanStatus,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
}

function planRow(workspaceId: string, p: PlanItemRecord): LearningPlanItemTable {
  return {
    id: p.id,
    workspace_id: workspaceId,
    skill: p.skill,
    kind: p.kind,
    link: p.link,
    hours: p.hours,
    target_on: p.targetOn,
    progress: p.progress,
    status: p.status,
    note: p.note,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    done_at: p.doneAt,
  };
}

export async function listPlanItems(
  db: Db,
  workspaceId: string,
  status?: PlanStatus,
): Promise<PlanItemRecord[]> {
  let q = db.selectFrom('learning_plan_items').selectAll().where('workspace_id', '=', workspaceId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toPlanItem);
}

export async function findPlanItem(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<PlanItemRecord | undefined> {
  const row = await db
    .selectFrom('learning_plan_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPlanItem(row) : undefined;
}

export async function insertPlanItems(db: Db, workspaceId: string, rows: PlanItemRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('learning_plan_items')
      .values(rows.slice(i, i + 200).map((p) => planRow(workspaceId, p)))
      .execute();
  }
}

export async function updatePlanItem(db: Db, workspaceId: string, p: PlanItemRecord): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = planRow(workspaceId, p);
  await db
    .updateTable('learning_plan_items')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', p.id)
    .execute();
}

// ---- informational interviews

function toInterview(r: Selectable<InformationalInterviewTable>): InfoInterviewRecord {
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    heldOn: r.held_on,
    company: r.company,
    role: r.role,
    learned: r.learned,
    followUps: r.follow_ups,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function interviewRow(workspaceId: string, i: InfoInterviewRecord): InformationalInterviewTable {
  return {
    id: i.id,
    workspace_id: workspaceId,
    contact_id: i.contactId,
    contact_name: i.contactName,
    held_on: i.heldOn,
    company: i.company,
    role: i.role,
    learned: i.learned,
    follow_ups: i.followUps,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

export async function listInfoInterviews(db: Db, workspaceId: string): Promise<InfoInterviewRecord[]> {
  const rows = await db
    .selectFrom('informational_interviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInterview);
}

export async function findInfoInterview(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<InfoInterviewRecord | undefined> {
  const row = await db
    .selectFrom('informational_interviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toInterview(row) : undefined;
}

export async function insertInfoInterviews(
  db: Db,
  workspaceId: string,
  rows: InfoInterviewRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('informational_interviews')
      .values(rows.slice(i, i + 200).map((r) => interviewRow(workspaceId, r)))
      .execute();
  }
}

export async function updateInfoInterview(
  db: Db,
  workspaceId: string,
  r: InfoInterviewRecord,
): Promise<void> {
  const { id: _id, workspace_id: _ws, ...rest } = interviewRow(workspaceId, r);
  await db
    .updateTable('informational_interviews')
    .set(rest)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', r.id)
    .execute();
}

export async function deleteInfoInterview(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('informational_interviews')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes every skills-loop row of a workspace (restore with replace). */
export async function clearSkillsData(db: Db, workspaceId: string): Promise<void> {
  for (const table of [
    'informational_interviews',
    'learning_plan_items',
    'resume_versions',
    'custom_skills',
  ] as const) {
    await db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }
}
