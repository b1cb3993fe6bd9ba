import { z } from 'zod';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .describe('Every error has this shape; `code` is one of a closed set.');

export const errorResponses = { 400: errorSchema, 404: errorSchema, 409: errorSchema };
