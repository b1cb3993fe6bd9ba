import { z } from 'zod';

/** A rate with its Wilson interval, as every insight shows it. */
export const wilsonRateSchema = z.object({
  successes: z.number().int(),
  n: z.number().int(),
  /** successes ÷ n, or null when there is nothing to divide by. */
  rate: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  /** True when n is too small to read much into. */
  isSmallSample: z.boolean(),
});
