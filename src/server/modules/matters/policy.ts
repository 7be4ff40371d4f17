import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

/** The office and the unit's secretary and officers keep their unit's matters; the office publishes them. */
export const matterPolicy: Policy<{ orgPath: string; status: string }> = {
  update: (a, m) => hasRole(a, 'admin', 'office', 'secretary', 'officer') && scopeContains(a.scope, m.orgPath),
  progress: (a, m) =>
    hasRole(a, 'admin', 'office', 'secretary', 'officer') && scopeContains(a.scope, m.orgPath) && m.status !== 'done',
  publish: (a, m) => hasRole(a, 'admin', 'office') && scopeContains(a.scope, m.orgPath),
};
