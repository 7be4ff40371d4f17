import type { Policy } from '../../policies/engine.ts';
import { isRecorder } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

const keepsRoster = (actor: Parameters<Policy[string]>[0], p: { orgPath: string }) =>
  isRecorder(actor) && scopeContains(actor.scope, p.orgPath);

/** Unit rosters are kept by the admin, the office, the 第一责任人 and branch officers, inside their scope. */
export const personPolicy: Policy<{ orgPath: string }> = {
  create: keepsRoster,
  update: keepsRoster,
  transfer: keepsRoster,
  deactivate: keepsRoster,
};
