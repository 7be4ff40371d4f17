import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

export interface OrgSubject {
  path: string;
}

const manages = (actor: Parameters<Policy[string]>[0], org: OrgSubject) =>
  isManager(actor) && scopeContains(actor.scope, org.path);

/** Who may change the org tree: the admin and the campaign office, inside their scope. */
export const orgPolicy: Policy<OrgSubject> = {
  read: (actor, org) => scopeContains(actor.scope, org.path),
  createChild: manages,
  update: manages,
  move: manages,
  deactivate: manages,
};
