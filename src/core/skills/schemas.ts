import { z } from 'zod';
import { APPLICATION_KINDS, OUTCOMES, STAGES } from '../applications/application.ts';
import { PLAN_KINDS, PLAN_STATUSES, RESUME_SKILL_SOURCES, SKILL_LEVELS } from './input.ts';

/** Wire shapes of the skills loop: extraction, tailoring, gaps, the resume, the learning plan, paths. */

const instant = z.string().describe('an ISO date-time');
const byKind = z.object({
  job: z.number().int(),
  contract: z.number().int(),
  freelance: z.number().int(),
  internship: z.number().int(),
});
void (APPLICATION_KINDS satisfies readonly (keyof z.infer<typeof byKind>)[]);

export const extractedSkillSchema = z.object({
  name: z.string(),
  category: z.string(),
  /** Character ranges [start, end) in the text where the skill is mentioned. */
  spans: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** The words as written in the text. */
  matched: z.array(z.string()),
});
export type ExtractedSkill = z.infer<typeof extractedSkillSchema>;

export const extractionSchema = z.object({ skills: z.array(extractedSkillSchema) });

const part = z.object({ matched: z.array(z.string()), missing: z.array(z.string()) });

export const importanceSchema = z.enum(['required', 'niceToHave', 'mentioned']);
export type Importance = z.infer<typeof importanceSchema>;

export const jobSkillsReportSchema = z.object({
  /** 0–100, or null when no known skill was found in the job text. */
  score: z.number().nullable(),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  required: part,
  niceToHave: part,
  resumeVersion: z.string().nullable(),
  skills: z.array(
    extractedSkillSchema.extend({
      importance: importanceSchema,
      weight: z.number(),
      /** False only when the text calls it nice to have. */
      required: z.boolean(),
      /** Why it counts as it does, in plain words. */
      reason: z.string(),
      /** The sentence of the mention that decided it. */
      sentence: z.string(),
      /** The category in words. */
      categoryLabel: z.string(),
    }),
  ),
});
export type JobSkillsReport = z.infer<typeof jobSkillsReportSchema>;

export const applicationSkillsSchema = jobSkillsReportSchema.extend({
  applicationId: z.string(),
  sentResumeVersion: z.string().nullable(),
  hasJobDescription: z.boolean(),
});
export type ApplicationSkills = z.infer<typeof applicationSkillsSchema>;

export const gapApplicationSchema = z.object({
  id: z.string(),
  company: z.string(),
  role: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  outcome: z.enum(OUTCOMES).nullable(),
  furthestStage: z.enum(STAGES),
});

export const skillGapSchema = z.object({
  skill: z.string(),
  score: z.number(),
  closedCount: z.number().int(),
  forwardCount: z.number().int(),
  byKind,
  applications: z.array(gapApplicationSchema),
});
export type SkillGap = z.infer<typeof skillGapSchema>;

export const gapReportSchema = z.object({
  resumeVersion: z.string().nullable(),
  considered: z.object({ total: z.number().int(), withJobDescription: z.number().int(), byKind }),
  gaps: z.array(skillGapSchema),
});
export type GapReport = z.infer<typeof gapReportSchema>;

export const customSkillViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  aliases: z.array(z.string()),
  createdAt: instant,
  updatedAt: instant,
});
export type CustomSkillView = z.infer<typeof customSkillViewSchema>;
export const customSkillListSchema = z.object({ items: z.array(customSkillViewSchema) });

export const resumeSkillViewSchema = z.object({
  name: z.string(),
  category: z.string(),
  level: z.enum(SKILL_LEVELS),
  source: z.enum(RESUME_SKILL_SOURCES),
});
export type ResumeSkill = z.infer<typeof resumeSkillViewSchema>;

const VERSION_REASONS = ['import', 'manual', 'learned'] as const;

/** The resume profile: the current version and its skills (empty before the first). */
export const resumeSchema = z.object({
  version: z.string().nullable(),
  number: z.number().int(),
  reason: z.enum(VERSION_REASONS).nullable(),
  filename: z.string().nullable(),
  createdAt: instant.nullable(),
  skills: z.array(resumeSkillViewSchema),
});
export type Resume = z.infer<typeof resumeSchema>;

export const resumeWithTextSchema = resumeSchema.extend({
  text: z.string().nullable(),
  extraction: extractionSchema.nullable(),
});
export type ResumeWithText = z.infer<typeof resumeWithTextSchema>;

export const resumeSkillsChangeSchema = resumeSchema.extend({ changed: z.boolean() });

export const resumeVersionSchema = z.object({
  id: z.string(),
  label: z.string(),
  number: z.number().int(),
  reason: z.enum(VERSION_REASONS),
  filename: z.string().nullable(),
  skillCount: z.number().int(),
  createdAt: instant,
});
export type ResumeVersion = z.infer<typeof resumeVersionSchema>;
export const resumeVersionListSchema = z.object({ items: z.array(resumeVersionSchema) });

export const sentResumeSchema = z.object({ applicationId: z.string(), resumeVersion: z.string().nullable() });

export const planItemSchema = z.object({
  id: z.string(),
  skill: z.string(),
  kind: z.enum(PLAN_KINDS),
  link: z.string().nullable(),
  hours: z.number().nullable(),
  targetOn: z.string().nullable(),
  progress: z.number(),
  status: z.enum(PLAN_STATUSES),
  note: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  doneAt: instant.nullable(),
});
export type PlanItem = z.infer<typeof planItemSchema>;
export const planItemListSchema = z.object({ items: z.array(planItemSchema) });

export const rescoreSchema = z.object({
  applicationId: z.string(),
  company: z.string(),
  role: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});
export type Rescore = z.infer<typeof rescoreSchema>;

/** What finishing a plan item changed: the resume version, the follow-up task, each open application's score. */
export const completionSchema = z.object({
  resumeVersion: z.string(),
  addedToResume: z.boolean(),
  task: z.object({ id: z.string(), text: z.string(), dueOn: z.string() }).nullable(),
  rescored: z.array(rescoreSchema),
});
export type Completion = z.infer<typeof completionSchema>;

export const planItemChangeSchema = planItemSchema.extend({ completion: completionSchema.nullable() });

export const pathsSchema = z.object({
  resumeVersion: z.string().nullable(),
  transferable: z.array(z.object({ category: z.string(), label: z.string(), skills: z.array(z.string()) })),
  adjacentRoles: z.array(
    z.object({
      role: z.string(),
      jobCount: z.number().int(),
      coverage: z.number(),
      have: z.array(z.string()),
      missing: z.array(z.string()),
    }),
  ),
});
export type Paths = z.infer<typeof pathsSchema>;

export const infoInterviewSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  heldOn: z.string(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  learned: z.string().nullable(),
  followUps: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type InfoInterview = z.infer<typeof infoInterviewSchema>;
export const infoInterviewListSchema = z.object({ items: z.array(infoInterviewSchema) });
