import type { Policy } from '../../policies/engine.ts';
import { isManager } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

const manages = (actor: Parameters<Policy[string]>[0], g: { orgPath: string }) =>
  isManager(actor) && scopeContains(actor.scope, g.orgPath);

/** The admin and the campaign office form groups at units inside their scope. */
export const groupPolicy: Policy<{ orgPath: string }> = { update: manages, delete: manages };
