import type { z } from 'zod';

/**
 * Responses are declared with zod (for the OpenAPI document and the web app's types) but sent
 * with a plain JSON.stringify: the presenters already shape them and are typed by the same schemas.
 * Under test every response is also checked against its declared schema, so a presenter that
 * drifts from what the API promises fails the HTTP tests that happen to call it.
 */

export class ResponseSchemaError extends Error {
  constructor(method: string, url: string, error: z.ZodError) {
    const issues = error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    super(`Response of ${method} ${url} does not match its declared schema: ${issues}`);
    this.name = 'ResponseSchemaError';
  }
}

/** Throws when `data` does not match `schema`; the caller still sends `data` itself. */
export function checkResponse(schema: unknown, data: unknown, method: string, url: string): void {
  if (!schema || typeof (schema as z.ZodType).safeParse !== 'function') return;
  const result = (schema as z.ZodType).safeParse(data);
  if (!result.success) {
    const error = new ResponseSchemaError(method, url, result.error);
    // The error handler answers 500 without details; the test output needs them.
    console.error(error.message);
    throw error;
  }
}

type SerializerCompiler = (route: {
  schema: unknown;
  method: string;
  url: string;
}) => (data: unknown) => string;

const stringify = (data: unknown): string => JSON.stringify(data);

/** The fast serializer (production), or one that first checks the response (tests). */
export function responseSerializer(check: boolean): SerializerCompiler {
  // One function for every route and status: nothing to allocate per route at start-up.
  if (!check) return () => stringify;
  return ({ schema, method, url }) =>
    (data) => {
      checkResponse(schema, data, method, url);
      return JSON.stringify(data);
    };
}

/** Check responses when asked, and always under vitest (every HTTP and browser test). */
export function shouldCheckResponses(explicit: boolean | undefined): boolean {
  return explicit ?? (process.env.VITEST !== undefined || process.env.REBOUND_CHECK_RESPONSES === '1');
}
