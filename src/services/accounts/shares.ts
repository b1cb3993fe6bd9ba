import type { ShareCreateInput } from '../../core/accounts/input.ts';
import type { ShareCreatedView, SharedWithMeView, ShareView } from '../../core/accounts/schemas.ts';
import { SHARE_SCOPE_LABELS, type ShareScope, shareIsActive } from '../../core/accounts/scopes.ts';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { ShareViewEntry } from '../../core/sharing/schemas.ts';
import {
  everSharedWithCoach,
  findShare,
  insertShare,
  insertShareView,
  listSharesForCoach,
  listWorkspaceShares,
  revokeShare,
  type ShareRow,
} from '../../store/accounts-repository.ts';
import { listShareViews as listViewRows } from '../../store/sharing-repository.ts';
import { newId } from '../context.ts';
import type { AccountsContext, Principal } from './accounts.ts';
import { inviteCoachIfNew } from './invitations.ts';

function utcToday(ctx: AccountsContext): string {
  return localDate(ctx.clock.now(), 'UTC');
}

export function presentShare(row: ShareRow, today: string): ShareView {
  const scopes = JSON.parse(row.scopes) as ShareScope[];
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    coachEmail: row.coach_email,
    scopes,
    endsOn: row.ends_on,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    active: shareIsActive({ revokedAt: row.revoked_at, endsOn: row.ends_on }, today),
  };
}

/** The seeker shares chosen scopes of their own workspace with a coach, named by e-mail. */
export async function createShare(
  ctx: AccountsContext,
  principal: Principal,
  input: ShareCreateInput,
): Promise<ShareCreatedView> {
  const today = utcToday(ctx);
  if (input.coachEmail === principal.user.email) {
    throw new ReboundError('invalid_input', 'coachEmail: that is your own address.', [
      { path: 'coachEmail', message: 'must not be your own address' },
    ]);
  }
  if (input.endsOn && input.endsOn < today) {
    throw new ReboundError('invalid_input', `endsOn: ${input.endsOn} is in the past.`, [
      { path: 'endsOn', message: 'must be today or later' },
    ]);
  }
  const row: ShareRow = {
    id: newId(),
    workspace_id: principal.user.workspace_id,
    owner_id: principal.user.id,
    coach_email: input.coachEmail,
    scopes: JSON.stringify(input.scopes),
    ends_on: input.endsOn ?? null,
    created_at: ctx.clock.now().toISOString(),
    revoked_at: null,
  };
  await insertShare(ctx.db, row);
  return { ...presentShare(row, today), ...(await inviteCoachIfNew(ctx, principal, row.coach_email)) };
}

export async function listMyShares(ctx: AccountsContext, principal: Principal): Promise<ShareView[]> {
  const today = utcToday(ctx);
  return (await listWorkspaceShares(ctx.db, principal.user.workspace_id)).map((r) => presentShare(r, today));
}

/** Ends a share at once; the coach loses access on their next request. The seeker keeps everything. */
export async function endShare(ctx: AccountsContext, principal: Principal, id: string): Promise<ShareView> {
  const share = await findShare(ctx.db, principal.user.workspace_id, id);
  if (!share) throw new ReboundError('share_not_found', `No share ${id} of yours.`);
  await revokeShare(ctx.db, share.workspace_id, id, ctx.clock.now().toISOString());
  const after = await findShare(ctx.db, share.workspace_id, id);
  return presentShare(after!, utcToday(ctx));
}

export async function listSharedWithMe(
  ctx: AccountsContext,
  principal: Principal,
): Promise<SharedWithMeView[]> {
  const rows = await listSharesForCoach(ctx.db, principal.user.email, utcToday(ctx));
  return rows.map((r) => ({
    shareId: r.id,
    workspaceId: r.workspace_id,
    name: r.owner_name,
    email: r.owner_email,
    scopes: JSON.parse(r.scopes) as ShareScope[],
    endsOn: r.ends_on,
  }));
}

/**
 * What the caller may do in a workspace: everything in their own, the shared scopes (read only)
 * in another's. A shared workspace carries its owner's name (their display name, as they gave it),
 * so what the caller reads about them is written about them by name.
 */
export type WorkspaceAccess =
  | { kind: 'owner'; workspaceId: string }
  | { kind: 'shared'; workspaceId: string; shareId: string; scopes: ShareScope[]; ownerName: string };

/**
 * Resolves the workspace a request names (the `Rebound-Workspace` header) for the caller.
 * Refuses, as `forbidden`, a workspace not shared with them today.
 */
export async function resolveWorkspace(
  ctx: AccountsContext,
  principal: Principal,
  requested: string | undefined,
): Promise<WorkspaceAccess> {
  if (requested === undefined || requested === principal.user.workspace_id) {
    return { kind: 'owner', workspaceId: principal.user.workspace_id };
  }
  // Several shares to one coach: the scopes add up.
  const all = await listSharesForCoach(ctx.db, principal.user.email, utcToday(ctx), requested);
  const share = all[0];
  if (!share) {
    throw await notSharedWith(ctx, principal, requested, 'headers.rebound-workspace');
  }
  const scopes = [...new Set(all.flatMap((s) => JSON.parse(s.scopes) as ShareScope[]))];
  return { kind: 'shared', workspaceId: requested, shareId: share.id, scopes, ownerName: share.owner_name };
}

/**
 * The refusal of a workspace not shared with the caller today. It says whether a share of theirs
 * ended, or there never was one (then it does not say whether such a workspace exists).
 */
export async function notSharedWith(
  ctx: AccountsContext,
  principal: Principal,
  workspaceId: string,
  path: string,
): Promise<ReboundError> {
  if (await everSharedWithCoach(ctx.db, principal.user.email, workspaceId)) {
    return new ReboundError(
      'forbidden',
      'That job search is no longer shared with you: its owner ended the share, or it reached its end date.',
      [{ path, message: 'no longer shared with you' }],
    );
  }
  return new ReboundError('forbidden', 'No job search with that id is shared with you.', [
    { path, message: 'not shared with you' },
  ]);
}

/** Refuses a coach's request outside what was shared; logs an allowed read for the seeker to see. */
export async function checkSharedRead(
  ctx: AccountsContext,
  principal: Principal,
  access: Extract<WorkspaceAccess, { kind: 'shared' }>,
  request: { method: string; scope: ShareScope | null; what: string },
): Promise<void> {
  if (request.method !== 'GET') {
    throw new ReboundError('forbidden', 'A coach can read what a seeker shares, not change it.');
  }
  if (request.scope === null) {
    throw new ReboundError('forbidden', 'This part of a workspace is never shared.');
  }
  if (!access.scopes.includes(request.scope)) {
    throw new ReboundError(
      'forbidden',
      `Not shared with you: ${SHARE_SCOPE_LABELS[request.scope].toLowerCase()}.`,
    );
  }
  await insertShareView(ctx.db, {
    id: newId(),
    workspace_id: access.workspaceId,
    share_id: access.shareId,
    viewer_id: principal.user.id,
    scope: request.scope,
    what: request.what.slice(0, 300),
    viewed_at: ctx.clock.now().toISOString(),
  });
}

/** How many entries the view log answers at most. */
export const SHARE_VIEWS_LIMIT = 500;

/** The seeker's log of what each coach read and when, newest first; optionally through one share. */
export async function listShareViews(
  ctx: AccountsContext,
  principal: Principal,
  options: { shareId?: string } = {},
): Promise<ShareViewEntry[]> {
  const rows = await listViewRows(ctx.db, principal.user.workspace_id, {
    ...options,
    limit: SHARE_VIEWS_LIMIT,
  });
  return rows.map((r) => ({
    id: r.id,
    shareId: r.share_id,
    coachEmail: r.coach_email,
    viewerName: r.viewer_name,
    scope: r.scope,
    what: r.what,
    viewedAt: r.viewed_at,
  }));
}
