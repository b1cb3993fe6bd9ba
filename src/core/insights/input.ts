import { z } from 'zod';
import { APPLICATION_KINDS, CHANNELS } from '../applications/application.ts';
import { isoDate, LIMITS } from '../applications/input.ts';

/** `GET /insights` and `rebound insights` filters; every one optional, all given ones must match. */
export const insightsQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    channel: z.enum(CHANNELS).optional(),
    role: z.string().trim().max(LIMITS.role).optional(),
    tag: z.string().trim().max(LIMITS.tag).optional(),
    kind: z.enum(APPLICATION_KINDS).optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
  });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;
