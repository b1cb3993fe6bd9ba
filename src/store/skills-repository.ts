import type { Kysely, Selectable } from 'kysely';
import type { ResumeSkill } from '../core/skills/resume-profile.ts';
import type { Database } from './schema.ts';
import type { CustomSkillTable, ResumeVersionTable } from './skills-schema.ts';

/**
 * All SQL about custom skills and resume versions. Rows become domain shapes here; JSON columns are
 * parsed at this edge. The learning plan and informational interviews have their own repositories.
 */

type Db = Kysely<Database>;

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
