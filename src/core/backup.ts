import { z } from 'zod';
import { EVENT_TYPES, type EventType, OUTCOMES, ROUND_KINDS, STAGES } from './applications/application.ts';
import type { BackupField, Same } from './applications/fields.ts';
import { applicationFieldsSchema, isoDate, settingsSchema } from './applications/input.ts';

/**
 * The versioned JSON backup of a workspace. A backup is recognised by its content
 * (`format: "rebound-backup"`), not its file name. Derived state (stage, furthest stage) is not
 * stored: it is recomputed from the events on restore, so a backup can never disagree with itself.
 * A backup is checked whole with the API's own rules before anything is written.
 */
export const BACKUP_FORMAT = 'rebound-backup';
export const BACKUP_VERSION = 1;

const stage = z.enum(STAGES);
const nullableText = z.string().nullable().optional();

/** What a person can change about an interview round (kept in its edit and delete events). */
const roundFacts = z.object({
  kind: z.enum(ROUND_KINDS),
  scheduledAt: z.string().nullable(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  who: z.string().nullable(),
  notes: z.string().nullable(),
});

/** What each event type carries in `data`, as the services write it. */
const EVENT_DATA: { [T in EventType]: z.ZodType } = {
  created: z.object({ stage }),
  stage_changed: z.object({ from: stage, to: stage }),
  outcome_set: z.object({ outcome: z.enum(OUTCOMES), reason: nullableText }),
  reopened: z.object({ previousOutcome: z.enum(OUTCOMES).nullable() }),
  round_added: z.object({
    roundId: z.string().min(1),
    number: z.number().int().min(1),
    kind: z.enum(ROUND_KINDS),
  }),
  response: z.object({ summary: nullableText }),
  note: z.object({ text: z.string() }),
  undo: z.object({ eventId: z.string().min(1) }),
  round_edited: z.object({
    roundId: z.string().min(1),
    number: z.number().int().min(1),
    before: roundFacts,
    after: roundFacts,
  }),
  round_deleted: z.object({ roundId: z.string().min(1), number: z.number().int().min(1), round: roundFacts }),
  note_edited: z.object({ eventId: z.string().min(1), text: z.string(), previousText: z.string() }),
  note_deleted: z.object({ eventId: z.string().min(1), text: z.string() }),
};

const eventBase = {
  id: z.string().min(1),
  seq: z.number().int().min(1),
  occurredOn: isoDate,
  recordedAt: z.string().min(1),
};
const backupEvent = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) => z.object({ ...eventBase, type: z.literal(type), data: EVENT_DATA[type] })) as [
    z.ZodObject<typeof eventBase & { type: z.ZodLiteral<EventType>; data: z.ZodType }>,
    ...z.ZodObject<typeof eventBase & { type: z.ZodLiteral<EventType>; data: z.ZodType }>[],
  ],
);

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

/** The application fields with the same rules as the API (`jobUrl` http(s) only, ratings 1–5…). */
const fields = applicationFieldsSchema.shape;

export const backupApplication = z.object({
  id: z.string().min(1),
  company: fields.company,
  role: fields.role,
  jobUrl: fields.jobUrl.unwrap(),
  // Backups written before the field existed have none.
  website: fields.website.unwrap().default(null),
  location: fields.location.unwrap(),
  workMode: fields.workMode.unwrap(),
  salaryMin: fields.salaryMin.unwrap(),
  salaryMax: fields.salaryMax.unwrap(),
  salaryCurrency: fields.salaryCurrency.unwrap(),
  jobDescription: fields.jobDescription.unwrap(),
  channel: fields.channel.unwrap(),
  kind: fields.kind.unwrap(),
  resumeVersion: fields.resumeVersion.unwrap(),
  coverLetterVersion: fields.coverLetterVersion.unwrap(),
  tags: fields.tags.unwrap(),
  notes: fields.notes.unwrap(),
  priority: fields.priority.unwrap(),
  excitement: fields.excitement.unwrap(),
  appliedOn: fields.appliedOn.unwrap(),
  sourceKey: z.string().nullable(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  events: z.array(backupEvent).min(1, 'an application needs at least its first event'),
  rounds: z.array(backupRound),
});
export type BackupApplication = z.infer<typeof backupApplication>;
// A backup keeps exactly the fields the description marks as kept (plus its own bookkeeping).
const backupKeepsFields: Same<
  Exclude<keyof BackupApplication, 'sourceKey' | 'events' | 'rounds'>,
  BackupField
> = true;
void backupKeepsFields;

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z
      .number()
      .int()
      .min(1)
      .max(BACKUP_VERSION, `this Rebound reads backups up to version ${BACKUP_VERSION}`),
    exportedAt: z.string(),
    /** The settings with the API's rules (a real time zone, at least 3 days); other keys kept. */
    settings: settingsSchema.loose(),
    applications: z.array(backupApplication),
    /** Feature sections added later (recovery, skills, …); each restores through its own service. */
    sections: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((backup, ctx) => {
    // Ids are keys in the database: a repeat would fail half-way through the restore.
    const seen = { application: new Set<string>(), event: new Set<string>(), round: new Set<string>() };
    const once = (kind: keyof typeof seen, id: string, path: (string | number)[]) => {
      if (seen[kind].has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${kind} id ${id}` });
      seen[kind].add(id);
    };
    backup.applications.forEach((a, i) => {
      once('application', a.id, ['applications', i, 'id']);
      const seqs = new Set<number>();
      a.events.forEach((e, j) => {
        once('event', e.id, ['applications', i, 'events', j, 'id']);
        if (seqs.has(e.seq))
          ctx.addIssue({
            code: 'custom',
            path: ['applications', i, 'events', j, 'seq'],
            message: `duplicate seq ${e.seq}`,
          });
        seqs.add(e.seq);
      });
      a.rounds.forEach((r, j) => {
        once('round', r.id, ['applications', i, 'rounds', j, 'id']);
      });
    });
  });

export type Backup = z.output<typeof backupSchema>;

/** True when parsed JSON looks like a Rebound backup (of any version). */
export function looksLikeBackup(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BACKUP_FORMAT
  );
}
