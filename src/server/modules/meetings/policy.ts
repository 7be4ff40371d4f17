import type { Policy } from '../../policies/engine.ts';
import { isRecorder } from '../../policies/roles.ts';
import { scopeContains } from '../../db/scope.ts';

/** The unit's 第一责任人, officers and the office record the meeting and turn its items into problems. */
export const meetingPolicy: Policy<{ orgPath: string }> = {
  record: (actor, m) => isRecorder(actor) && scopeContains(actor.scope, m.orgPath),
};
