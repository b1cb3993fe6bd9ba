import type { RecoveryStep } from '@core/recovery/input.ts';

/** Steps by name, so Today can link straight to one (`?step=look-back`). */
export { RECOVERY_STEPS, type RecoveryStep } from '@core/recovery/input.ts';

/** Where the guided flow after a rejection lives for one application. */
export function recoveryPath(applicationId: string, step?: RecoveryStep): string {
  return `/today/recovery/${encodeURIComponent(applicationId)}${step ? `?step=${step}` : ''}`;
}
