import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorDetail, isReboundError } from '../core/errors.ts';
import { issuesToDetails } from '../core/validation.ts';
import { TooManyAttemptsError } from '../services/accounts/rate-limit.ts';
import { storeErrorToRebound } from '../store/errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

/**
 * One error hook for the whole API: Rebound's own errors keep their code, request validation
 * names every bad field, malformed JSON says so, and anything unexpected becomes
 * `internal_error` without leaking internals.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = isReboundError(error) ? error : storeErrorToRebound(error);
    if (known) {
      if (known instanceof TooManyAttemptsError) reply.header('retry-after', String(known.retryAfterSeconds));
      return reply.status(ERROR_CODES[known.code]).send(errorBody(known.code, known.message, known.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = issuesToDetails(
        error.validation.map(
          (v) =>
            ({
              ...v.params,
              code: v.keyword,
              message: v.message,
              path: v.instancePath.split('/').filter(Boolean),
            }) as unknown as z.core.$ZodIssue,
        ),
      ).map((d) => ({
        ...d,
        path: d.path === '(body)' ? where : d.path,
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply.status(400).send(errorBody('invalid_input', `Invalid ${where}: ${summary}`, details));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('payload_too_large', 'The request body is too large.'));
    }
    if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) {
      return reply
        .status(400)
        .send(
          errorBody('invalid_input', `Malformed request body: ${error.message}`, [
            { path: 'body', message: 'malformed JSON' },
          ]),
        );
    }
    // The web app's files: a path that leaves the folder (403 from the file server) or names no
    // file is simply not there.
    if (error.statusCode === 403 || error.statusCode === 404) {
      return reply
        .status(404)
        .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('internal_error', 'Something went wrong on our side. Your data was not changed.'));
  });
}
