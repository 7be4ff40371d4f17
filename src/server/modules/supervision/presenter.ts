import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { groupPolicy } from './policy.ts';
import type { GroupDetails, GroupRow } from './repository.ts';

/** A supervision or liaison group with its members and assigned units. */
export function presentGroup(actor: Actor, g: GroupRow, d: GroupDetails) {
  const units = d.units.filter((u) => u.groupId === g.id);
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    orgId: g.orgId,
    members: d.members.filter((m) => m.groupId === g.id).map((m) => ({ personId: m.personId, name: m.name })),
    units: units.map((u) => ({ orgId: u.orgId, name: u.name })),
    version: g.version,
    abilities: abilitiesOf(groupPolicy, actor, { orgPath: g.orgPath, unitPaths: units.map((u) => u.path) }),
  };
}
