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

/** The errors every route may answer; 401 and 403 come from a hosted server's sign-in and sharing checks. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

/** The `:id` of a route's path. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** A route's responses: `schema` with 200, and the shared errors. */
export const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });

/** A route's responses: `schema` with 201 (something was made), and the shared errors. */
export const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });
