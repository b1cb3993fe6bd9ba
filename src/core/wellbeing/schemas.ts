import { z } from 'zod';
import { neverShared } from '../accounts/scopes.ts';
import { GOAL_KINDS } from './goals.ts';
import { WIN_KINDS } from './wins.ts';

/** Wire shapes of goals, wins, the journal, planned breaks and the load signal. */

export const goalProgressSchema = z.object({
  goalId: z.string(),
  kind: z.enum(GOAL_KINDS),
  title: z.string().describe("the goal's own words, else its kind in words; shown beside the message"),
  step: z
    .boolean()
    .describe('a step for one week only (an accepted check-in): the title says what, the message how far'),
  target: z.number(),
  done: z.number(),
  unit: z.string(),
  met: z.boolean(),
  /** done ÷ target, capped at 1, for a progress bar. */
  ratio: z.number(),
  /** One kind sentence for the week. */
  message: z.string(),
});

export const goalSchema = z.object({
  id: z.string(),
  kind: z.enum(GOAL_KINDS),
  target: z.number(),
  unit: z.string(),
  label: z.string().nullable(),
  weekStart: z
    .string()
    .nullable()
    .describe('the Monday of the one week this goal is for (an accepted check-in); null: every week'),
  createdAt: z.string(),
});
export type GoalView = z.infer<typeof goalSchema>;

export const goalWithProgressSchema = goalSchema.extend({ progress: goalProgressSchema });
export type GoalWithProgress = z.infer<typeof goalWithProgressSchema>;

export const goalsWeekSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  items: z.array(goalWithProgressSchema),
});
export type GoalsWeekView = z.infer<typeof goalsWeekSchema>;

export const goalProgressEntrySchema = z.object({
  id: z.string(),
  goalId: z.string(),
  on: z.string(),
  amount: z.number(),
  createdAt: z.string(),
});

export const winSchema = z.object({
  /** Null for a win Rebound noticed itself; set for one you wrote down. */
  id: z.string().nullable(),
  on: z.string(),
  kind: z.enum(WIN_KINDS),
  text: z.string(),
  applicationId: z.string().nullable(),
});
export type WinView = z.infer<typeof winSchema>;
export const winListSchema = z.object({ items: z.array(winSchema) });

export const journalDayEntrySchema = z.object({
  id: z.string(),
  on: z.string(),
  writtenAt: z.string(),
  mood: z.number().int().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
  rejectionId: z.string().nullable(),
});
neverShared.add(journalDayEntrySchema, { what: 'the journal and its moods' });
export type JournalDayEntry = z.infer<typeof journalDayEntrySchema>;
export const journalListSchema = z.object({ items: z.array(journalDayEntrySchema) });

export const plannedBreakSchema = z.object({
  id: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
});
export type PlannedBreakView = z.infer<typeof plannedBreakSchema>;
export const breakListSchema = z.object({ items: z.array(plannedBreakSchema) });

export const loadSignalSchema = z.object({
  level: z.enum(['ok', 'heavy']),
  /** What was noticed, in plain words (empty when all is ok). */
  why: z.string(),
  /** A gentle, optional next step (empty when all is ok). */
  suggestion: z.string(),
  rejectionsLast7Days: z.number().int(),
  recentMood: z.number().nullable(),
  earlierMood: z.number().nullable(),
});
// Read from the moods (their averages, and "your mood has been lower" in `why`): never shared.
neverShared.add(loadSignalSchema, { what: 'the load signal, read from moods' });

export const wellbeingSchema = z.object({
  load: loadSignalSchema,
  plannedBreaks: z.array(plannedBreakSchema),
  onBreakToday: z.boolean(),
  routine: z.string(),
});
export type WellbeingWire = z.infer<typeof wellbeingSchema>;

export const routineSchema = z.object({ routine: z.string() });
