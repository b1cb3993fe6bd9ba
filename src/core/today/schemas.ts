import { z } from 'zod';
import { TODAY_GROUPS } from './build-today.ts';
import { DUE_ITEM_KINDS } from './due-item.ts';

/** The wire shapes of Today (`GET /api/v1/today` and its paged lists), shared with the web app. */

export const completeActionSchema = z.object({
  method: z.enum(['POST', 'PATCH', 'PUT']),
  url: z.string(),
  body: z.unknown().optional(),
  label: z.string(),
});

export const todayItemSchema = z.object({
  id: z.string(),
  kind: z.enum(DUE_ITEM_KINDS),
  title: z.string(),
  detail: z.string().nullable(),
  dueAt: z.string(),
  dueOn: z.string(),
  endsAt: z.string().nullable(),
  applicationId: z.string().nullable(),
  contactId: z.string().nullable(),
  refId: z.string().nullable(),
  complete: completeActionSchema.nullable(),
});

const count = z.number().int().min(0);

/** The first screen: each list's first items and how many each holds in all. */
export const todayResponseSchema = z.object({
  date: z.string(),
  coolingOff: z.boolean(),
  coolOffEndsAt: z.string().nullable(),
  overdue: z.array(todayItemSchema),
  today: z.array(todayItemSchema),
  upcoming: z.array(todayItemSchema),
  held: z.array(todayItemSchema),
  counts: z.object({ overdue: count, today: count, upcoming: count, held: count }),
  laterCount: count,
  quiet: z.object({ shown: count, total: count }),
});

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
