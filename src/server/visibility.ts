import type { ShareScope } from '../core/accounts/scopes.ts';
import { currentScope } from './auth.ts';

/**
 * True when the request may see what `scope` covers: always in local mode and in one's own
 * workspace; for a coach reading a seeker's workspace, only when the seeker shared that scope.
 * For routes and presenters that show a little of another scope (a note inside an application's
 * history): the gate already refused whole routes outside the shared scopes. What is never shared
 * (the journal, moods, the writing after a no) is removed from every shared response in one step:
 * shared-view.ts.
 */
export function canSee(scope: ShareScope): boolean {
  const request = currentScope();
  if (!request || request.access.kind === 'owner') return true;
  return request.access.scopes.includes(scope);
}
