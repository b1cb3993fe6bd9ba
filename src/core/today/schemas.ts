import { z } from 'zod';
import { DUE_ITEM_KINDS } from './due-item.ts';

/** Wire shapes of Today: what is due, each with the one request that completes it. */

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

export const todayViewSchema = z.object({
  date: z.string(),
  coolingOff: z.boolean(),
  coolOffEndsAt: z.string().nullable(),
  overdue: z.array(todayItemSchema),
  today: z.array(todayItemSchema),
  upcoming: z.array(todayItemSchema),
  held: z.array(todayItemSchema),
  /** Items due more than seven days out (not listed). */
  laterCount: z.number().int(),
  /** The most silent quiet applications are listed; `total` counts them all. */
  quiet: z.object({ shown: z.number().int(), total: z.number().int() }),
});
export type TodayView = z.infer<typeof todayViewSchema>;

export const quietPageSchema = z.object({ items: z.array(todayItemSchema), total: z.number().int() });
export type QuietPage = z.infer<typeof quietPageSchema>;
