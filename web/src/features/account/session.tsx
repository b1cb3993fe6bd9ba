import type { MeView } from '@core/accounts/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, request } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';

/** Who is signed in (hosted mode), or local mode with no accounts at all. */
export type Me = MeView;
export type SignedInUser = NonNullable<Me['user']>;

export const meKey = ['me'] as const;

export const readMe = () => request<Me>('GET', '/api/v1/me');

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: readMe,
    staleTime: 60_000,
    retry: 1,
  });
}

const SessionContext = createContext<Me | null>(null);

/** Holds the answer of GET /api/v1/me for the pages of a signed-in person (or local mode). */
export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The session: null outside hosted mode's signed-in pages (local mode has no accounts). */
export function useSession(): Me | null {
  return useContext(SessionContext);
}

/** True when a route of the contract is not on this server yet: the page shows nothing for it. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message.startsWith('No route');
}

/**
 * A read whose route may not exist on this server yet: a missing route is `null` (the card that
 * shows it stays hidden), any other refusal is an error.
 */
export async function optional<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isMissingRoute(error)) return null;
    throw error;
  }
}

/** After signing in or out everything cached belonged to someone else: start from nothing. */
export function useAfterSessionChange() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    await qc.refetchQueries({ queryKey: meKey });
  };
}

export function useSignOut(everywhere = false) {
  const after = useAfterSessionChange();
  return useMutation({
    mutationFn: () =>
      request<{ ok: true }>(
        'POST',
        everywhere ? '/api/v1/auth/sign-out-everywhere' : '/api/v1/auth/sign-out',
      ),
    onSuccess: after,
  });
}

/** "Try again in 3 minutes." from a 429's Retry-After. */
export function retryWords(seconds: number | null): string {
  if (seconds === null) return 'Please wait a little before trying again.';
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** A refusal from the sign-in and sign-up forms in plain words. */
export function authErrorWords(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return `Too many attempts. ${retryWords(error.retryAfter)}`;
  }
  return errorMessage(error);
}
