/** Tables of the skills loop, as Kysely sees them; listed in `Database` (schema.ts). */

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
