/**
 * The closed set of error codes every face shares. The server maps each to an HTTP status,
 * the CLI to an exit code; the message is for a person and names the field or line at fault.
 */
export const ERROR_CODES = {
  invalid_input: 400,
  invalid_backup: 400,
  invalid_stage: 400,
  invalid_transition: 409,
  application_closed: 409,
  application_not_found: 404,
  event_not_found: 404,
  round_not_found: 404,
  rejection_not_found: 404,
  contact_not_found: 404,
  feedback_request_not_found: 404,
  action_item_not_found: 404,
  custom_skill_not_found: 404,
  plan_item_not_found: 404,
  informational_interview_not_found: 404,
  mail_message_not_found: 404,
  share_not_found: 404,
  token_not_found: 404,
  invitation_not_found: 404,
  mail_account_not_found: 404,
  mail_login_failed: 422,
  mail_server_failed: 502,
  fetch_failed: 502,
  no_job_posting: 422,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  too_many_attempts: 429,
  forbidden_host: 403,
  cross_site_request: 403,
  conflict: 409,
  database_too_new: 409,
  payload_too_large: 413,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  /** Dotted path of the field (`company`, `events.3.type`) or `line 17`. */
  path: string;
  message: string;
}

/** A refusal the user can act on. Thrown by the core and the services; never for bugs. */
export class ReboundError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ReboundError';
    this.code = code;
    this.details = details;
  }
}

export function isReboundError(error: unknown): error is ReboundError {
  return error instanceof ReboundError;
}
