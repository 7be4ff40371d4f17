import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { leaderAssignmentPolicy } from './policy.ts';
import type { AssignmentRow } from './repository.ts';

/** One 分管 assignment as the API shows it. */
export function presentAssignment(actor: Actor, a: AssignmentRow) {
  return {
    id: a.id,
    personId: a.personId,
    personName: a.personName,
    orgId: a.orgId,
    orgName: a.orgName,
    abilities: abilitiesOf(leaderAssignmentPolicy, actor, a),
  };
}
