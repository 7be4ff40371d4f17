import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface PersonSubject {
  id: number;
  orgPath: string;
}

const manages: Policy<PersonSubject>[string] = (actor, p) =>
  hasRole(actor, 'admin', 'office', 'secretary', 'officer') && scopeContains(actor.scope, p.orgPath);

/** People are kept by the admin, the office, 第一责任人 and branch officers, inside their scope. */
export const personPolicy: Policy<PersonSubject> = {
  read: (actor, p) => scopeContains(actor.scope, p.orgPath, p.id),
  update: manages,
  transfer: manages,
  deactivate: manages,
};

/** Whether the caller may add a person to a unit at `orgPath`. */
export const canCreateIn = (actor: Parameters<typeof manages>[0], orgPath: string) => manages(actor, { id: 0, orgPath });
