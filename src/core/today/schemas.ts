import { z } from 'zod';
import { weekStepSchema } from '../week/schemas.ts';
import { TODAY_GROUPS } from './build-today.ts';
import { DUE_ITEM_KINDS } from './due-item.ts';

/** Wire shapes of Today (`GET /api/v1/today` and its paged lists): what is due, each with the one request that completes it. */

export const completeActionSchema = z.object({
  method: z.enum(['POST', 'PATCH', 'PUT']),
  url: z.string(),
  /** The JSON body to send as is; absent when the request needs none (or a form fills it). */
  body: z.record(z.string(), z.string()).optional(),
  label: z.string(),
});
export type CompleteAction = z.infer<typeof completeActionSchema>;

export const todayItemSchema = z.object({
  id: z.string(),
  kind: z.enum(DUE_ITEM_KINDS),
  title: z.string(),
  detail: z.string().nullable(),
  /** An ISO instant (timed), or YYYY-MM-DD for something due on a day. */
  dueAt: z.string(),
  /** The local calendar day it is due. */
  dueOn: z.string(),
  endsAt: z.string().nullable(),
  applicationId: z.string().nullable(),
  contactId: z.string().nullable(),
  refId: z.string().nullable(),
  complete: completeActionSchema.nullable(),
});
export type TodayItem = z.infer<typeof todayItemSchema>;

const count = z.number().int().min(0);

/** The first screen: each list's first items and how many each holds in all. */
export const todayViewSchema = z.object({
  date: z.string(),
  coolingOff: z.boolean(),
  coolOffEndsAt: z.string().nullable(),
  overdue: z.array(todayItemSchema),
  today: z.array(todayItemSchema),
  upcoming: z.array(todayItemSchema),
  held: z.array(todayItemSchema),
  /** How many each list holds in all (the lists above carry the first items). */
  counts: z.object({ overdue: count, today: count, upcoming: count, held: count }),
  /** Items due more than seven days out (not listed). */
  laterCount: count,
  /** The most silent quiet applications are listed; `total` counts them all. */
  quiet: z.object({ shown: count, total: count }),
  /** The weekly plan's steps for today (the only plan item Today shows; nothing else pings). */
  steps: z.array(weekStepSchema),
});
export type TodayView = z.infer<typeof todayViewSchema>;

export const quietPageSchema = z.object({ items: z.array(todayItemSchema), total: count });
export type QuietPage = z.infer<typeof quietPageSchema>;

export const todayGroupParamsSchema = z.object({ group: z.enum(TODAY_GROUPS) });

export const todayGroupQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** One page of one Today list, for "show more". */
export const todayGroupPageSchema = z.object({
  group: z.enum(TODAY_GROUPS),
  items: z.array(todayItemSchema),
  total: count,
});
export type TodayGroupPage = z.infer<typeof todayGroupPageSchema>;
