import type { Permission } from '../gql/graphql';

// What the signed-in key may do is the server's to say (`me.permissions`,
// from the one role table in the gateway); the dashboard only hides what
// the key can't do, and the server still refuses it (FORBIDDEN) if tried.
export type Action = Permission;

export function can(
  viewer: { permissions: readonly Permission[] } | null | undefined,
  action: Action,
): boolean {
  return viewer?.permissions.includes(action) ?? false;
}
