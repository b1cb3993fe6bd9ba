import type { Kysely } from 'kysely';
import { ReboundError } from '../../core/errors.ts';
import type { Database } from '../../store/schema.ts';
import {
  deleteAttempts,
  insertAttempts,
  listAttempts,
  pruneAttempts,
} from '../../store/sessions-repository.ts';
import type { AccountsContext } from './accounts.ts';

/**
 * Failed sign-ins are counted in the database (`auth_attempts`), so every process serving the
 * same database counts the same failures: per account (the e-mail typed, whether or not it has an
 * account, so a refusal tells nothing) and per client address.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures of one account within the window before sign-in to it is refused for a while. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures from one address (any accounts) within the window before that address is refused. */
export const ADDRESS_FAILURE_LIMIT = 20;

const WINDOW_MS = SIGN_IN_WINDOW_MINUTES * 60_000;

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;

/** A 429 that says when to come back (the server sends it as `Retry-After`). */
export class TooManyAttemptsError extends ReboundError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super('too_many_attempts', message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Who is trying: the account named and the client's address. */
export interface AttemptKeys {
  email: string;
  address: string;
}

async function retryAfter(
  db: Kysely<Database>,
  key: string,
  limit: number,
  now: Date,
): Promise<number | null> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const times = await listAttempts(db, key, since);
  if (times.length < limit) return null;
  // The count drops below the limit when the (n - limit + 1)th oldest failure leaves the window.
  const freedAt = Date.parse(times[times.length - limit]!) + WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000));
}

/** Refuses (429) when this account or this address failed too often lately. */
export async function checkSignInAllowed(ctx: AccountsContext, who: AttemptKeys): Promise<void> {
  const now = ctx.clock.now();
  const account = await retryAfter(ctx.db, accountKey(who.email), ACCOUNT_FAILURE_LIMIT, now);
  const address = await retryAfter(ctx.db, addressKey(who.address), ADDRESS_FAILURE_LIMIT, now);
  const wait = Math.max(account ?? 0, address ?? 0);
  if (wait === 0) return;
  const minutes = Math.ceil(wait / 60);
  throw new TooManyAttemptsError(
    `Too many failed sign-ins${account !== null ? ' for this account' : ' from your address'}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
    wait,
  );
}

/**
 * Counts a failure against the account and the address, and forgets every failure older than
 * the window (so the table holds only the last window's failures, whoever they were about).
 */
export async function recordFailedSignIn(ctx: AccountsContext, who: AttemptKeys): Promise<void> {
  const now = ctx.clock.now();
  await insertAttempts(ctx.db, [accountKey(who.email), addressKey(who.address)], now.toISOString());
  await pruneAttempts(ctx.db, new Date(now.getTime() - WINDOW_MS).toISOString());
}

/**
 * A successful sign-in clears the account's failures only: the address's count stays, so one
 * good password does not reset the count of guesses made from that address at other accounts.
 */
export async function recordSuccessfulSignIn(ctx: AccountsContext, who: AttemptKeys): Promise<void> {
  await deleteAttempts(ctx.db, [accountKey(who.email)]);
}
