import { z } from 'zod';
import {
  APPLICATION_KINDS,
  CHANNELS,
  EVENT_TYPES,
  ROUND_KINDS,
  STAGES,
  WORK_MODES,
} from './applications/application.ts';
import { isoDate } from './applications/input.ts';

/**
 * The versioned JSON backup of a workspace. A backup is recognised by its content
 * (`format: "rebound-backup"`), not its file name. Derived state (stage, furthest stage) is not
 * stored: it is recomputed from the events on restore, so a backup can never disagree with itself.
 */
export const BACKUP_FORMAT = 'rebound-backup';
export const BACKUP_VERSION = 1;

const backupEvent = z.object({
  id: z.string().min(1),
  seq: z.number().int().min(1),
  type: z.enum(EVENT_TYPES),
  occurredOn: isoDate,
  recordedAt: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

const backupRound = z.object({
  id: z.string().min(1),
  number: z.number().int().min(1),
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.string().nullable(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null),
  durationMinutes: z.number().int().min(1).max(1440).nullable().default(null),
  who: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string().min(1),
});

export const backupApplication = z.object({
  id: z.string().min(1),
  company: z.string().trim().min(1, 'required'),
  role: z.string().trim().min(1, 'required'),
  jobUrl: z.string().nullable(),
  location: z.string().nullable(),
  workMode: z.enum(WORK_MODES).nullable(),
  salaryMin: z.number().int().nullable(),
  salaryMax: z.number().int().nullable(),
  salaryCurrency: z.string().nullable(),
  jobDescription: z.string().nullable(),
  channel: z.enum(CHANNELS),
  kind: z.enum(APPLICATION_KINDS),
  resumeVersion: z.string().nullable(),
  coverLetterVersion: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  priority: z.number().int().min(1).max(5).nullable(),
  excitement: z.number().int().min(1).max(5).nullable(),
  appliedOn: isoDate.nullable(),
  sourceKey: z.string().nullable(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  events: z.array(backupEvent).min(1, 'an application needs at least its first event'),
  rounds: z.array(backupRound),
});
export type BackupApplication = z.infer<typeof backupApplication>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z
    .number()
    .int()
    .min(1)
    .max(BACKUP_VERSION, `this Rebound reads backups up to version ${BACKUP_VERSION}`),
  exportedAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
  applications: z.array(backupApplication),
  /** Feature sections added later (recovery, skills, …); each restores through its own service. */
  sections: z.record(z.string(), z.unknown()).default({}),
});
export type Backup = z.infer<typeof backupSchema>;

/** True when parsed JSON looks like a Rebound backup (of any version). */
export function looksLikeBackup(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BACKUP_FORMAT
  );
}

/** The stage a backup's first event starts from, defaulting to saved. */
export function firstStage(app: BackupApplication): (typeof STAGES)[number] {
  const created = app.events.find((e) => e.type === 'created');
  const stage = created?.data.stage;
  return typeof stage === 'string' && (STAGES as readonly string[]).includes(stage)
    ? (stage as (typeof STAGES)[number])
    : 'saved';
}
