import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { userPolicy } from './policy.ts';
import type { GrantRow, UserRow } from './repository.ts';

/** An account as the admin page shows it; never the password hash. */
export function presentUser(actor: Actor, user: UserRow, grants: GrantRow[]) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    personName: user.personName ?? null,
    orgName: user.orgName ?? null,
    active: user.active === 1,
    grants: grants
      .filter((g) => g.userId === user.id)
      .map((g) => ({ id: g.id, role: g.role, orgId: g.orgId, orgName: g.orgName ?? null, scopeKind: g.scopeKind })),
    version: user.version,
    abilities: abilitiesOf(userPolicy, actor, user),
  };
}

/** The audit snapshot of an account: identity and state only. */
export function auditSnapshot(user: Pick<UserRow, 'username' | 'displayName' | 'personId' | 'active'>) {
  return { username: user.username, displayName: user.displayName, personId: user.personId, active: user.active };
}
