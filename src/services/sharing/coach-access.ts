import type { ShareScope } from '../../core/accounts/scopes.ts';
import { SHARE_SCOPE_LABELS } from '../../core/accounts/scopes.ts';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import { listSharesForCoach } from '../../store/accounts-repository.ts';
import type { AccountsContext, Principal } from '../accounts/accounts.ts';
import { notSharedWith } from '../accounts/shares.ts';

/** A seeker's workspace as one coach may see it today: the shares in force, their scopes added up. */
export interface CoachAccess {
  workspaceId: string;
  shareId: string;
  name: string;
  email: string;
  scopes: ShareScope[];
  endsOn: string | null;
  /** When the oldest share in force began. */
  sharedSince: string;
}

/** Every workspace shared with this coach today, one entry per seeker. */
export async function coachWorkspaces(
  ctx: AccountsContext,
  principal: Principal,
  workspaceId?: string,
): Promise<CoachAccess[]> {
  const today = localDate(ctx.clock.now(), 'UTC');
  const rows = await listSharesForCoach(ctx.db, principal.user.email, today, workspaceId);
  const byWorkspace = new Map<string, CoachAccess>();
  for (const r of rows) {
    if (r.workspace_id === principal.user.workspace_id) continue;
    const scopes = JSON.parse(r.scopes) as ShareScope[];
    const seen = byWorkspace.get(r.workspace_id);
    if (!seen) {
      byWorkspace.set(r.workspace_id, {
        workspaceId: r.workspace_id,
        shareId: r.id,
        name: r.owner_name,
        email: r.owner_email,
        scopes,
        endsOn: r.ends_on,
        sharedSince: r.created_at,
      });
      continue;
    }
    seen.scopes = [...new Set([...seen.scopes, ...scopes])];
    // The latest end among the shares in force (null: one has no end).
    seen.endsOn =
      seen.endsOn === null || r.ends_on === null ? null : r.ends_on > seen.endsOn ? r.ends_on : seen.endsOn;
    if (r.created_at < seen.sharedSince) seen.sharedSince = r.created_at;
  }
  return [...byWorkspace.values()];
}

/**
 * The caller's access to one seeker's workspace as their coach, or `forbidden` when it is not
 * shared with them today (or not with `scope`).
 */
export async function requireCoachAccess(
  ctx: AccountsContext,
  principal: Principal,
  workspaceId: string,
  scope?: ShareScope,
): Promise<CoachAccess> {
  const all = await coachWorkspaces(ctx, principal, workspaceId);
  const access = all.find((a) => a.workspaceId === workspaceId);
  if (!access) {
    throw await notSharedWith(ctx, principal, workspaceId, 'workspaceId');
  }
  if (scope && !access.scopes.includes(scope)) {
    throw new ReboundError('forbidden', `Not shared with you: ${SHARE_SCOPE_LABELS[scope].toLowerCase()}.`);
  }
  return access;
}
