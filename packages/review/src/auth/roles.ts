import { ExoError } from '@exoatlas/schema';
import type { Role } from '../types.js';

/** What each role may do in a project. Every write goes through `requireRole`. */
export const PERMISSIONS = {
  read: ['owner', 'reviewer', 'viewer'],
  screen: ['owner', 'reviewer'],
  resolve: ['owner', 'reviewer'],
  import: ['owner'],
  manage: ['owner'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof PERMISSIONS;

/**
 * Throws unless the role allows the action: a non-member (no role) gets "not found", as if the project did not exist,
 * so that reviewers of one project cannot learn of another; a member without the right gets "forbidden".
 */
export function requireRole(role: Role | undefined, action: Action, projectId: string): Role {
  if (role === undefined) throw new ExoError('EXO_ERR_REVIEW_NOT_FOUND_PROJECT', `no review project '${projectId}'`, { id: projectId });
  if (!(PERMISSIONS[action] as readonly Role[]).includes(role)) {
    throw new ExoError('EXO_ERR_AUTH_FORBIDDEN', `a ${role} of '${projectId}' cannot ${action === 'screen' ? 'record decisions' : action === 'resolve' ? 'resolve conflicts' : action === 'import' ? 'import searches' : action === 'manage' ? 'manage the project' : action}`, { id: projectId, role });
  }
  return role;
}
