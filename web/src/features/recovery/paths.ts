/** Steps by name, so Today can link straight to one (`?step=look-back`). */
export const RECOVERY_STEPS = ['pause', 'feedback', 'look-back', 'keep-in-touch'] as const;
export type RecoveryStep = (typeof RECOVERY_STEPS)[number];

/** Where the guided flow after a rejection lives for one application. */
export function recoveryPath(applicationId: string, step?: RecoveryStep): string {
  return `/today/recovery/${encodeURIComponent(applicationId)}${step ? `?step=${step}` : ''}`;
}
