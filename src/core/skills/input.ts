import { z } from 'zod';
import { APPLICATION_KINDS } from '../applications/application.ts';
import { isIsoDate } from '../dates.ts';

/**
 * Input schemas and limits for the skills loop, shared by every edge (HTTP bodies, CLI flags,
 * backup sections, the web forms). Parsing happens once, at the edge.
 */
export const SKILL_LIMITS = {
  skillName: 80,
  aliases: 20,
  /**
   * Characters of text one extraction or score reads: 200,000, as an application's job description
   * (about ten times the longest posting; a resume is far shorter). Reading is linear, so this
   * bounds how long one request holds the server (a run-on text of this size: a few hundred ms).
   */
  text: 200_000,
  /** Bytes of a resume file (PDF, docx, text). */
  fileBytes: 8 * 1024 * 1024,
  filename: 255,
  shortText: 200,
  longText: 20_000,
  url: 2_000,
  hours: 10_000,
} as const;

export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Where a resume skill came from: the resume text, the user typing it, or a finished plan item. */
export const RESUME_SKILL_SOURCES = ['resume', 'manual', 'learned'] as const;
export type ResumeSkillSource = (typeof RESUME_SKILL_SOURCES)[number];

export const PLAN_KINDS = ['course', 'certification', 'project', 'workshop'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A whole number with comma thousands separators, as `toLocaleString('en')` writes it. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => trimmed(max).min(1, 'required');
const optionalText = (max: number) =>
  trimmed(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

const httpUrl = z
  .string()
  .trim()
  .max(SKILL_LIMITS.url, `must be at most ${SKILL_LIMITS.url} characters`)
  .refine(
    (v) => {
      if (v === '') return true;
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) URL' },
  )
  .transform((v) => (v === '' ? null : v));

// Written out rather than toLocaleString('en'): that call at module load starts ICU's number
// formatting (several milliseconds of every server start). src/server/skills.test.ts checks the text.
const longTextMessage = `is too long: at most ${thousands(SKILL_LIMITS.text)} characters; paste the part that matters`;
const jobText = z.string().max(SKILL_LIMITS.text, longTextMessage);

export const customSkillSchema = z
  .object({
    name: requiredText(SKILL_LIMITS.skillName),
    category: optionalText(40),
    aliases: z
      .array(requiredText(SKILL_LIMITS.skillName))
      .max(SKILL_LIMITS.aliases, `at most ${SKILL_LIMITS.aliases} aliases`)
      .optional(),
  })
  .strict();
export type CustomSkillInput = z.infer<typeof customSkillSchema>;

export const extractInputSchema = z.object({ text: jobText }).strict();
export type ExtractInput = z.infer<typeof extractInputSchema>;

/** One skill a job text names, as the API and `--json` show it. */
export const jobSkillSchema = z.object({
  name: z.string(),
  category: z.string(),
  /** The category in words ("Spoken languages"). */
  categoryLabel: z.string(),
  /** False only when the text calls it nice to have. */
  required: z.boolean(),
  importance: z.enum(['required', 'niceToHave', 'mentioned']),
  /** Why it counts as it does, in plain words: `says "must"`, `under "Nice to have"`. */
  reason: z.string(),
  /** The sentence of the mention that decided it. */
  sentence: z.string(),
  /** [start, end) character offsets of every mention. */
  spans: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** The words that matched, as written. */
  matched: z.array(z.string()),
});
export type JobSkill = z.infer<typeof jobSkillSchema>;

/** The response of `POST /api/v1/skills/extract`. */
export const extractionResponseSchema = z.object({ skills: z.array(jobSkillSchema) });
export type ExtractionResponse = z.infer<typeof extractionResponseSchema>;

export const scoreInputSchema = z.object({ jobDescription: jobText }).strict();
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/** A resume as pasted text, or as a file sent in base64 with its name (the extension decides how it is read). */
/** A resume as pasted text (the web's paste form checks with this one). */
export const resumeTextImportSchema = z
  .object({ text: z.string().trim().min(1, 'required').max(SKILL_LIMITS.text, longTextMessage) })
  .strict();

export const resumeImportSchema = z.union([
  resumeTextImportSchema,
  z
    .object({
      filename: requiredText(SKILL_LIMITS.filename),
      contentBase64: z
        .string()
        .min(1, 'required')
        .max(Math.ceil((SKILL_LIMITS.fileBytes * 4) / 3) + 4, 'the file is too large (at most 8 MB)'),
    })
    .strict(),
]);
export type ResumeImportInput = z.infer<typeof resumeImportSchema>;

export const resumeSkillSchema = z
  .object({
    name: requiredText(SKILL_LIMITS.skillName),
    level: z.enum(SKILL_LEVELS).default('intermediate'),
    /** Set to drop the skill from the profile instead. */
    remove: z.boolean().optional(),
  })
  .strict();
export type ResumeSkillInput = z.infer<typeof resumeSkillSchema>;
export type ResumeSkillBody = z.input<typeof resumeSkillSchema>;

const hours = z.number().min(0, 'must not be negative').max(SKILL_LIMITS.hours);
const progress = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 to 100')
  .max(100, 'must be 0 to 100');

export const planItemCreateSchema = z
  .object({
    skill: requiredText(SKILL_LIMITS.skillName),
    kind: z.enum(PLAN_KINDS).default('course'),
    link: httpUrl.nullable().optional(),
    hours: hours.nullable().optional(),
    targetOn: isoDate.nullable().optional(),
    progress: progress.optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    note: optionalText(SKILL_LIMITS.longText),
  })
  .strict();
export type PlanItemCreateInput = z.infer<typeof planItemCreateSchema>;
/** A learning-plan item as the web's form sends it (to add, or to change). */
export type PlanItemBody = Partial<z.input<typeof planItemCreateSchema>>;

export const planItemUpdateSchema = z
  .object({
    kind: z.enum(PLAN_KINDS),
    link: httpUrl.nullable(),
    hours: hours.nullable(),
    targetOn: isoDate.nullable(),
    progress,
    status: z.enum(PLAN_STATUSES),
    note: optionalText(SKILL_LIMITS.longText),
  })
  .partial()
  .strict();
export type PlanItemUpdateInput = z.infer<typeof planItemUpdateSchema>;

export const infoInterviewFieldsSchema = z.object({
  contactName: optionalText(SKILL_LIMITS.shortText),
  contactId: z.string().trim().min(1).max(100).nullable().optional(),
  heldOn: isoDate,
  company: optionalText(SKILL_LIMITS.shortText),
  role: optionalText(SKILL_LIMITS.shortText),
  learned: optionalText(SKILL_LIMITS.longText),
  followUps: optionalText(SKILL_LIMITS.longText),
});

export const infoInterviewCreateSchema = infoInterviewFieldsSchema
  .strict()
  .refine((v) => Boolean(v.contactName || v.contactId), {
    message: 'name the person, or pick one of your contacts',
    path: ['contactName'],
  });
export type InfoInterviewCreateInput = z.infer<typeof infoInterviewCreateSchema>;
export type InfoInterviewBody = z.input<typeof infoInterviewCreateSchema>;

export const infoInterviewUpdateSchema = infoInterviewFieldsSchema.partial().strict();
export type InfoInterviewUpdateInput = z.infer<typeof infoInterviewUpdateSchema>;

export const gapsQuerySchema = z.object({
  kind: z.enum(APPLICATION_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type GapsQuery = z.infer<typeof gapsQuerySchema>;

export const pathsQuerySchema = z.object({
  minCoverage: z.coerce.number().int().min(0).max(100).default(50),
});
export type PathsQuery = z.infer<typeof pathsQuerySchema>;
